package com.shiftrelay.crm.sandbox;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The sandbox's users. */
interface SandboxUsers extends JpaRepository<User, Long> {

    List<User> findAllByOrderByIdAsc();
}
