package com.shiftrelay.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.shiftrelay.sandbox.SandboxCrm;
import com.shiftrelay.presence.ManagerDirectory;
import com.shiftrelay.presence.Presence;
import com.shiftrelay.support.ShiftRelayIntegrationTest;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the engine needs to run for months: bounded history and jobs that end inside their lock. */
@ShiftRelayIntegrationTest
class HousekeepingIT {

    @Autowired ProcessEngine engine;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired RepositoryService repository;
    @Autowired SandboxCrm sandbox;
    @Autowired ManagerDirectory directory;
    @Autowired Presence presence;

    @AfterEach
    void backToNow() {
        ClockUtil.reset();
    }

    @Test
    void everyProcessHasATimeToLiveAndTheCleanupRunsEveryNight() {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isNotNull().isPositive();
        }
        assertThat(config.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(config.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(config.getHistoryRemovalTimeStrategy()).as("long-running presence instances shed history too")
                .isEqualTo("start");
        assertThat(config.getJobExecutor().getLockTimeInMillis()).isEqualTo(300_000);
    }

    /**
     * The hand-overs a manager's presence instance calls must go too, although that instance runs on for
     * months: with removal times counted from an instance's end they never would.
     */
    @Test
    void oldPollingAndHandoverInstancesAreRemovedByTheCleanup() {
        long team = sandbox.createTeam("Уборка");
        long manager = sandbox.createUser("Ульяна Уборка", "ulyanaclean@demo.shiftrelay.local", team);
        directory.sync();
        presence.confirm(manager);
        await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(manager)).activityIdIn("Gateway_Online").count() == 1);
        presence.signOff(manager);
        await().atMost(Duration.ofSeconds(30)).until(() -> finished("DealHandover", new Date()) >= 1
                && finished("ActivityPolling", new Date()) >= 3);
        Date before = new Date();

        // A month and a day later.
        ClockUtil.setCurrentTime(new Date(before.getTime() + Duration.ofDays(31).toMillis()));
        Job cleanup = history.cleanUpHistoryAsync(true);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Job job = management.createJobQuery().jobId(cleanup.getId()).singleResult();
            if (job != null && job.getRetries() > 0) {
                try {
                    management.executeJob(job.getId());
                } catch (OptimisticLockingException runByTheJobExecutorMeanwhile) {
                    // The job executor took the same job at the same moment; its run counts as well.
                }
            }
            return finished("DealHandover", before) == 0 && finished("ActivityPolling", before) == 0;
        });
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(manager)).count())
                .as("the presence instance itself runs on").isEqualTo(1);
    }

    private long finished(String key, Date startedBefore) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(key).finished()
                .startedBefore(startedBefore).count();
    }
}
