package com.shiftrelay.calls;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How callbacks went, from the ledger's rows, without I/O: per manager and per day (in the managers' zone), how many
 * clients were called back within the deadline, how many late, how many still wait; and the median time from the
 * first missed call to the callback.
 */
public final class MissedCallStats {

    private MissedCallStats() {
    }

    public record Counts(int calledBackInTime, int calledBackLate, int open) {

        Counts plus(MissedCall call) {
            if (call.calledBackAt() == null) {
                return new Counts(calledBackInTime, calledBackLate, open + 1);
            }
            boolean late = call.deadline() != null && call.calledBackAt().isAfter(call.deadline());
            return late ? new Counts(calledBackInTime, calledBackLate + 1, open)
                    : new Counts(calledBackInTime + 1, calledBackLate, open);
        }
    }

    /** {@code managerId} null: callbacks nobody was given. */
    public record ManagerCounts(Long managerId, Counts counts) {
    }

    public record DayCounts(LocalDate day, Counts counts) {
    }

    public record Stats(List<ManagerCounts> perManager, List<DayCounts> perDay, Double medianMinutesToCallback) {
    }

    public static Stats of(List<MissedCall> calls, ZoneId zone) {
        Map<Long, Counts> byManager = new TreeMap<>((a, b) -> a == null ? (b == null ? 0 : 1) : b == null ? -1
                : Long.compare(a, b));
        Map<LocalDate, Counts> byDay = new TreeMap<>();
        List<Long> seconds = new ArrayList<>();
        Counts none = new Counts(0, 0, 0);
        for (MissedCall call : calls) {
            byManager.merge(call.managerId(), none.plus(call), MissedCallStats::sum);
            byDay.merge(call.firstMissedAt().atZone(zone).toLocalDate(), none.plus(call), MissedCallStats::sum);
            if (call.calledBackAt() != null) {
                seconds.add(Duration.between(call.firstMissedAt(), call.calledBackAt()).toSeconds());
            }
        }
        return new Stats(byManager.entrySet().stream().map(e -> new ManagerCounts(e.getKey(), e.getValue())).toList(),
                byDay.entrySet().stream().map(e -> new DayCounts(e.getKey(), e.getValue())).toList(),
                median(seconds));
    }

    private static Counts sum(Counts a, Counts b) {
        return new Counts(a.calledBackInTime() + b.calledBackInTime(), a.calledBackLate() + b.calledBackLate(),
                a.open() + b.open());
    }

    private static Double median(List<Long> seconds) {
        if (seconds.isEmpty()) {
            return null;
        }
        List<Long> sorted = seconds.stream().sorted().toList();
        int middle = sorted.size() / 2;
        double value = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
        return Math.round(value / 6.0) / 10.0;
    }

    /** Open callbacks for the list: overdue ones first, then the oldest. */
    public static List<MissedCall> openFirstOverdue(List<MissedCall> open, Instant now) {
        return open.stream().sorted((a, b) -> {
            boolean aLate = a.overdueAt(now);
            boolean bLate = b.overdueAt(now);
            if (aLate != bLate) {
                return aLate ? -1 : 1;
            }
            return a.firstMissedAt().compareTo(b.firstMissedAt());
        }).toList();
    }
}
