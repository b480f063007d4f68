package com.shiftrelay.sandbox;

import org.springframework.data.jpa.repository.JpaRepository;

/** The sandbox's pipelines. */
interface SandboxPipelines extends JpaRepository<Pipeline, Long> {
}
