package com.shiftrelay.sandbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A sales pipeline in the sandbox; its id is chosen by the creator so configuration can name it. */
@Entity(name = "SandboxPipeline")
@Table(name = "sandbox_pipelines")
class Pipeline {

    @Id
    private Long id;

    @Column(nullable = false)
    private String name;

    protected Pipeline() {
    }

    Pipeline(long id, String name) {
        this.id = id;
        this.name = name;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }
}
