package com.shiftrelay.sandbox;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The sandbox's user groups. */
interface SandboxGroups extends JpaRepository<Group, Long> {

    List<Group> findAllByOrderByIdAsc();
}
