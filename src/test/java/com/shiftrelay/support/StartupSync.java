package com.shiftrelay.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.camunda.bpm.engine.HistoryService;

/**
 * The directory sync the application runs when it starts (ManagerDirectorySync, in a job) can overlap a
 * test's own first {@code directory.sync()}; two syncs at once may each start a presence instance for the
 * same new manager. Tests that sync the directory themselves wait for the startup one to end first.
 */
public final class StartupSync {

    private StartupSync() {
    }

    public static void awaitEnd(HistoryService history) {
        await().atMost(Duration.ofSeconds(60)).until(() -> history.createHistoricProcessInstanceQuery()
                .processDefinitionKey("ManagerDirectorySync").finished().count() > 0);
    }
}
