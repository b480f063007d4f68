package com.shiftrelay.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.shiftrelay.presence.Presence;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;

/**
 * A call is stored in a transaction that is run again from the start when it lost a race with another one (the
 * callback's process moved by a job at that moment, a deadlock the database broke off); any other failure is the
 * caller's to answer, and nothing is kept of a failed attempt.
 */
class CallIntakeTest {

    private static final Instant NOW = Instant.parse("2026-12-03T11:40:00Z");
    private static final Call MISSED = new Call("pbx", "c-1", CallDirection.INCOMING, "79160001122", null, false,
            Duration.ZERO, NOW.minusSeconds(30));

    private final TelephonyCalls calls = mock(TelephonyCalls.class);
    private final Presence presence = mock(Presence.class);
    private final PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
    private final List<Object> published = new ArrayList<>();
    private final List<RuntimeException> failures = new ArrayList<>();
    private final ApplicationEventPublisher publisher = event -> {
        if (!failures.isEmpty()) {
            throw failures.remove(0);
        }
        published.add(event);
    };

    private CallIntake intake() {
        when(transactions.getTransaction(any())).thenAnswer(invocation -> new SimpleTransactionStatus());
        when(calls.add(any(), any())).thenReturn(41L);
        return new CallIntake(calls, publisher, presence, Clock.fixed(NOW, ZoneOffset.UTC), transactions);
    }

    @Test
    void aCallWhoseProcessWasBusyIsStoredOnTheNextAttempt() {
        CallIntake intake = intake();
        failures.add(new OptimisticLockingException("ACT_RU_EXECUTION was updated by another transaction"));
        failures.add(new ProcessEngineException("insert failed",
                new SQLException("deadlock detected", "40P01")));

        CallIntake.Receipt receipt = intake.accept(MISSED);

        assertThat(receipt.accepted()).isTrue();
        assertThat(published).containsExactly(new CallReceived(41L, MISSED));
        verify(transactions, times(2)).rollback(any());
        verify(transactions, times(1)).commit(any());
    }

    @Test
    void aFailureThatIsNoRaceIsNotTriedAgain() {
        CallIntake intake = intake();
        failures.add(new IllegalStateException("the process definition is missing"));

        assertThatThrownBy(() -> intake.accept(MISSED)).isInstanceOf(IllegalStateException.class);
        assertThat(published).isEmpty();
        verify(calls, times(1)).add(any(), any());
        verify(transactions, never()).commit(any());
    }

    @Test
    void aRaceLostEveryTimeIsGivenUpAfterFourAttempts() {
        CallIntake intake = intake();
        for (int i = 0; i < 5; i++) {
            failures.add(new OptimisticLockingException("busy"));
        }

        assertThatThrownBy(() -> intake.accept(MISSED)).isInstanceOf(OptimisticLockingException.class);
        verify(calls, times(4)).add(any(), any());
        verify(transactions, never()).commit(any());
    }

    @Test
    void aCallStoredBeforeIsNotAnnouncedAgainAndACallWithAManagerCountsAsTheirs() {
        CallIntake intake = intake();
        when(calls.exists(anyString(), anyString())).thenReturn(true);
        Call answered = new Call("pbx", "c-2", CallDirection.OUTGOING, "79160001122", 5L, true,
                Duration.ofSeconds(190), NOW.minusSeconds(300));

        assertThat(intake.accept(answered).accepted()).isFalse();
        assertThat(published).isEmpty();
        verify(presence, never()).recordActivities(any());

        when(calls.exists(anyString(), anyString())).thenReturn(false);
        assertThat(intake.accept(answered).accepted()).isTrue();
        verify(presence).recordActivities(Map.of(5L, NOW.minusSeconds(110)));
    }
}
