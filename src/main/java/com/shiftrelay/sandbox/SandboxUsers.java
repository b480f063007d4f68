package com.shiftrelay.sandbox;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The sandbox's users. */
interface SandboxUsers extends JpaRepository<User, Long> {

    List<User> findAllByOrderByIdAsc();

    Optional<User> findFirstByGroupIdAndActiveTrueOrderByIdAsc(Long groupId);

    Optional<User> findFirstByActiveTrueOrderByIdAsc();
}
