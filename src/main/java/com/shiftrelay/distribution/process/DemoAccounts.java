package com.shiftrelay.distribution.process;

import com.shiftrelay.distribution.TeamDistribution;
import com.shiftrelay.engine.EngineGrants;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's process owner and shift supervisor, who are no CRM users: with the sandbox CRM only, with the demo's
 * password (see README.md, "Demo logins").
 */
@Component
@ConditionalOnProperty(name = "shiftrelay.crm.provider", havingValue = "sandbox", matchIfMissing = true)
class DemoAccounts {

    static final String PROCESS_OWNER = "olga";
    static final String SUPERVISOR = "sofia";

    private final EngineGrants grants;
    private final String password;

    DemoAccounts(EngineGrants grants, @Value("${shiftrelay.directory.initial-password:demo}") String password) {
        this.grants = grants;
        this.password = password.isBlank() ? "demo" : password;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(2)
    public void onReady() {
        grants.ensureUser(PROCESS_OWNER, password, "Ольга", "Процессова", DistributionAccessSetup.PROCESS_OWNERS);
        grants.ensureUser(SUPERVISOR, password, "Софья", "Старшая", TeamDistribution.DEFAULT_SUPERVISOR_GROUP);
    }
}
