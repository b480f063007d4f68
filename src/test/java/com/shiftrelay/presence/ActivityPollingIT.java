package com.shiftrelay.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.shiftrelay.sandbox.SandboxCrm;
import com.shiftrelay.support.ShiftRelayIntegrationTest;
import com.shiftrelay.support.StartupSync;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ActivityPolling process on the engine's timer while the CRM does not answer, as its documentation says:
 * every poll ends normally, no job fails and no incident is raised, and the outage is one health signal that
 * clears once the CRM answers again.
 */
@ShiftRelayIntegrationTest
class ActivityPollingIT {

    private static final String PROCESS = "ActivityPolling";

    @Autowired SandboxCrm sandbox;
    @Autowired ActivityFeed feed;
    @Autowired HistoryService history;

    @Test
    void aCrmThatDoesNotAnswerFailsNoPollAndShowsAsOneHealthSignal() {
        StartupSync.awaitEnd(history);
        Instant since = Instant.now();
        // Short: the other processes of this shared application meet the outage too, and retry meanwhile.
        sandbox.setOutage(true);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> !feed.health().answering());
        } finally {
            sandbox.setOutage(false);
        }
        Instant down = Instant.now();
        // The polls go on (every second in the tests), backing off, and end as they always do.
        await().atMost(Duration.ofSeconds(30)).until(() -> history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(PROCESS).startedAfter(Date.from(down)).finished().count() >= 2);
        assertThat(history.createHistoricJobLogQuery().processDefinitionKey(PROCESS).failureLog().list())
                .as("failed poll jobs").noneMatch(log -> log.getTimestamp().toInstant().isAfter(since));
        assertThat(history.createHistoricIncidentQuery().processDefinitionKey(PROCESS).list())
                .as("incidents of the polling").noneMatch(incident -> incident.getCreateTime().toInstant().isAfter(since));

        await().atMost(Duration.ofSeconds(30)).until(() -> feed.health().answering());
    }
}
