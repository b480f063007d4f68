package com.shiftrelay.sandbox;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** The sandbox's event feed. */
interface SandboxEvents extends JpaRepository<Event, Long>, JpaSpecificationExecutor<Event> {

    List<Event> findAllByOrderByCreatedAtDescIdDesc();
}
