package com.shiftrelay.sandbox;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The sandbox account's tags. */
interface SandboxTags extends JpaRepository<Tag, Long> {

    Optional<Tag> findByName(String name);
}
