package com.shiftrelay.intake.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.shiftrelay.crm.CrmDealChange;
import com.shiftrelay.crm.CrmGateway;
import com.shiftrelay.crm.CrmUnavailableException;
import com.shiftrelay.crm.DealChangeBatch;
import com.shiftrelay.intake.DealChangeIntake;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * At least once: a fetched batch is acknowledged only after its changes are stored, and one that was not stored is
 * asked for again by its id at the next read.
 */
class DealChangeFeedTest {

    private final CrmGateway crm = mock(CrmGateway.class);
    private final DealChangeIntake intake = mock(DealChangeIntake.class);
    private DealChangeFeed feed;

    private final DealChangeBatch batch = new DealChangeBatch("process-7", List.of(new CrmDealChange(
            CrmDealChange.Kind.ADDED, 6641, null, null, null, null, null, null, null, null, List.of(), null,
            Instant.parse("2024-07-18T10:32:31Z"))), "{\"result\":{}}".getBytes(StandardCharsets.UTF_8));

    @BeforeEach
    void database() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:feed-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE");
        Flyway.configure().dataSource(db).load().migrate();
        feed = new DealChangeFeed(crm, intake, new JdbcTemplate(db),
                Clock.fixed(Instant.parse("2026-12-03T08:00:00Z"), ZoneOffset.UTC), new DataSourceTransactionManager(db));
    }

    @Test
    void aStoredBatchIsAcknowledgedAndForgotten() {
        when(crm.pendingDealChanges(null)).thenReturn(Optional.of(batch));
        when(intake.accept(eq("crm-feed"), any(), eq(batch.changes()))).thenReturn(new DealChangeIntake.Receipt(1, 0));

        assertThat(feed.poll()).isEqualTo(1);

        verify(crm).acknowledgeDealChanges("process-7");
        assertThat(feed.unfinishedBatch()).isNull();
    }

    @Test
    void aBatchThatWasNotStoredIsNotAcknowledgedAndIsAskedForAgain() {
        when(crm.pendingDealChanges(null)).thenReturn(Optional.of(batch));
        when(intake.accept(eq("crm-feed"), any(), any())).thenThrow(new IllegalStateException("database down"));

        assertThat(feed.poll()).isZero();

        verify(crm, never()).acknowledgeDealChanges(any());
        assertThat(feed.unfinishedBatch()).isEqualTo("process-7");

        when(crm.pendingDealChanges("process-7")).thenReturn(Optional.of(batch));
        org.mockito.Mockito.reset(intake);
        when(intake.accept(eq("crm-feed"), any(), any())).thenReturn(new DealChangeIntake.Receipt(1, 0));

        assertThat(feed.poll()).isEqualTo(1);
        verify(crm).acknowledgeDealChanges("process-7");
        assertThat(feed.unfinishedBatch()).isNull();
    }

    @Test
    void anAcknowledgementThatDidNotArriveIsSentWithTheNextRead() {
        when(crm.pendingDealChanges(null)).thenReturn(Optional.of(batch));
        when(intake.accept(eq("crm-feed"), any(), any())).thenReturn(new DealChangeIntake.Receipt(1, 0));
        doThrow(new CrmUnavailableException("portal down")).when(crm).acknowledgeDealChanges("process-7");

        feed.poll();

        assertThat(feed.unfinishedBatch()).isEqualTo("process-7");
    }

    @Test
    void aCrmThatDoesNotAnswerLosesNothing() {
        when(crm.pendingDealChanges(null)).thenThrow(new CrmUnavailableException("portal down"));

        assertThat(feed.poll()).isZero();
        verify(intake, never()).accept(any(), any(), any());
    }

    @Test
    void aBatchTheCrmNoLongerKeepsIsForgottenAndTheNewChangesAreRead() {
        when(crm.pendingDealChanges(null)).thenReturn(Optional.of(batch));
        when(intake.accept(eq("crm-feed"), any(), any())).thenReturn(new DealChangeIntake.Receipt(1, 0));
        doThrow(new CrmUnavailableException("the answer to the clear was lost")).when(crm)
                .acknowledgeDealChanges("process-7");
        feed.poll();
        assertThat(feed.unfinishedBatch()).isEqualTo("process-7");

        // The portal did clear it: asked by its id it has nothing; the next changes come under a new id.
        DealChangeBatch next = new DealChangeBatch("process-8", List.of(new CrmDealChange(CrmDealChange.Kind.UPDATED,
                6642, null, null, null, null, null, null, null, null, List.of(), null,
                Instant.parse("2024-07-18T10:40:00Z"))), "{\"result\":{}}".getBytes(StandardCharsets.UTF_8));
        when(crm.pendingDealChanges("process-7")).thenReturn(Optional.empty());
        when(crm.pendingDealChanges(null)).thenReturn(Optional.of(next));
        org.mockito.Mockito.reset(intake);
        when(intake.accept(eq("crm-feed"), any(), eq(next.changes()))).thenReturn(new DealChangeIntake.Receipt(1, 0));
        org.mockito.Mockito.doNothing().when(crm).acknowledgeDealChanges("process-8");

        assertThat(feed.poll()).isEqualTo(1);
        verify(crm).acknowledgeDealChanges("process-8");
        assertThat(feed.unfinishedBatch()).isNull();
    }
}
