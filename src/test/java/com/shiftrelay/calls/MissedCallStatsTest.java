package com.shiftrelay.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class MissedCallStatsTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final Instant T = Instant.parse("2026-12-03T11:00:00Z");

    private static MissedCall call(long id, Long manager, Instant missed, Instant calledBack) {
        return new MissedCall(id, "7916000000" + id, calledBack == null, missed, missed, 0, null, null, 1L, manager,
                null, null, null, 0, missed.plusSeconds(1800), "SENT", null, calledBack, manager,
                calledBack == null ? null : 60, null, calledBack);
    }

    @Test
    void countsPerManagerAndPerDayInTimeLateAndOpenWithTheMedianMinutesToTheCallback() {
        List<MissedCall> calls = List.of(
                call(1, 5L, T, T.plusSeconds(600)),
                call(2, 5L, T, T.plusSeconds(2400)),
                call(3, 6L, T, null),
                call(4, null, T.plusSeconds(13 * 3600), null),
                call(5, 6L, T, T.plusSeconds(300)));

        MissedCallStats.Stats stats = MissedCallStats.of(calls, MOSCOW);

        assertThat(stats.perManager()).containsExactly(
                new MissedCallStats.ManagerCounts(5L, new MissedCallStats.Counts(1, 1, 0)),
                new MissedCallStats.ManagerCounts(6L, new MissedCallStats.Counts(1, 0, 1)),
                new MissedCallStats.ManagerCounts(null, new MissedCallStats.Counts(0, 0, 1)));
        assertThat(stats.perDay()).containsExactly(
                new MissedCallStats.DayCounts(LocalDate.of(2026, 12, 3), new MissedCallStats.Counts(2, 1, 1)),
                new MissedCallStats.DayCounts(LocalDate.of(2026, 12, 4), new MissedCallStats.Counts(0, 0, 1)));
        assertThat(stats.medianMinutesToCallback()).isEqualTo(10.0);
    }

    @Test
    void noCallbackHasNoMedian() {
        assertThat(MissedCallStats.of(List.of(call(1, 5L, T, null)), MOSCOW).medianMinutesToCallback()).isNull();
    }

    @Test
    void overdueCallbacksComeFirstThenTheOldest() {
        MissedCall overdue = call(1, 5L, T, null);
        MissedCall older = call(2, 5L, T.plusSeconds(1500), null);
        MissedCall newer = call(3, 5L, T.plusSeconds(1700), null);

        assertThat(MissedCallStats.openFirstOverdue(List.of(newer, older, overdue), T.plusSeconds(1900)))
                .extracting(MissedCall::id).containsExactly(1L, 2L, 3L);
    }
}
