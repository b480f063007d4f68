package com.shiftrelay.sandbox;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/** Whether the sandbox's API is down on purpose: tests and demos switch it through {@link SandboxCrm#setOutage}. */
@Component
@ConditionalOnSandboxCrm
class SandboxOutage {

    private final AtomicBoolean active = new AtomicBoolean();

    boolean active() {
        return active.get();
    }

    void set(boolean down) {
        active.set(down);
    }
}
