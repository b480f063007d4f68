package com.shiftrelay.engine;

import com.shiftrelay.crm.CrmGateway;
import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * A job must never outlive its lock: a second node (or thread) would take the expired job and write the
 * same batch at the same time. The longest a hand-over batch can take is its CRM requests, each bounded by
 * the adapter's call budget (rate-limit waits and retries included); ShiftRelay refuses to start when the
 * job executor's lock time does not leave at least twice that.
 */
@Component
class JobLockBudget implements InitializingBean {

    static final String PROVIDER_PROPERTY = "shiftrelay.crm.provider";
    static final String SANDBOX_DIALECT_PROPERTY = "shiftrelay.sandbox.dialect";
    static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);

    private final ProcessEngine engine;
    private final Environment environment;

    JobLockBudget(ProcessEngine engine, Environment environment) {
        this.engine = engine;
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        JobExecutor jobs = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        Binder binder = Binder.get(environment);
        String property = callTimeoutProperty(binder.bind(PROVIDER_PROPERTY, String.class).orElse("sandbox"),
                binder.bind(SANDBOX_DIALECT_PROPERTY, String.class).orElse("amocrm"));
        Duration callTimeout = binder.bind(property, Duration.class).orElse(DEFAULT_CALL_TIMEOUT);
        check(Duration.ofMillis(jobs.getLockTimeInMillis()), callTimeout, property);
    }

    /** The adapter that makes the calls: the sandbox speaks either CRM's dialect to that CRM's adapter. */
    static String callTimeoutProperty(String provider, String sandboxDialect) {
        boolean bitrix24 = provider.equalsIgnoreCase("bitrix24")
                || provider.equalsIgnoreCase("sandbox") && sandboxDialect.equalsIgnoreCase("bitrix24");
        return bitrix24 ? "shiftrelay.crm.bitrix24.call-timeout" : "shiftrelay.crm.amocrm.call-timeout";
    }

    static void check(Duration lockTime, Duration callTimeout, String callTimeoutProperty) {
        Duration longestBatch = callTimeout.multipliedBy(CrmGateway.MAX_REQUESTS_PER_BATCH);
        if (lockTime.compareTo(longestBatch.multipliedBy(2)) < 0) {
            throw new IllegalStateException("camunda.bpm.job-execution.lock-time-in-millis (" + lockTime.toMillis()
                    + ") must be at least twice the longest a hand-over batch can take (" + longestBatch.toMillis()
                    + " ms: " + CrmGateway.MAX_REQUESTS_PER_BATCH + " requests of up to " + callTimeoutProperty
                    + " = " + callTimeout + " each); raise the lock time or lower the call timeout");
        }
    }
}
