package com.shiftrelay.calls;

import com.shiftrelay.presence.Manager;
import com.shiftrelay.presence.Managers;
import com.shiftrelay.web.InvalidFieldException;
import com.shiftrelay.web.QueryInstants;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The callbacks owed and how they went, for administrators (the list names clients' numbers):
 * {@code GET /api/missed-calls?status=open} (overdue first, then the oldest; {@code status=all} with closed ones too)
 * and {@code GET /api/missed-calls/stats?from=&to=} (per manager and per day: called back within the deadline, late,
 * still open; and the median minutes to the callback).
 */
@RestController
class MissedCallsController {

    private static final Duration LONGEST_WINDOW = Duration.ofDays(93);

    record Named(long id, String name) {
    }

    record MissedCallView(long id, String clientNumber, Instant firstMissedAt, long ageMinutes, int repeats,
                          Named manager, Long dealId, Long taskId, Instant deadline, boolean overdue, String sms,
                          Instant escalatedAt, Instant calledBackAt, Instant closedAt) {
    }

    record ManagerStats(Named manager, int calledBackInTime, int calledBackLate, int open) {
    }

    record DayStats(LocalDate day, int calledBackInTime, int calledBackLate, int open) {
    }

    record StatsView(Instant from, Instant to, List<ManagerStats> perManager, List<DayStats> perDay,
                     Double medianMinutesToCallback) {
    }

    private final MissedCallLedger ledger;
    private final Managers managers;
    private final CallsProperties properties;
    private final Clock clock;

    MissedCallsController(MissedCallLedger ledger, Managers managers, CallsProperties properties, Clock clock) {
        this.ledger = ledger;
        this.managers = managers;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/api/missed-calls")
    List<MissedCallView> list(@RequestParam(name = "status", required = false, defaultValue = "open") String status) {
        Instant now = clock.instant();
        List<MissedCall> calls = switch (status) {
            case "open" -> MissedCallStats.openFirstOverdue(ledger.open(), now);
            case "all" -> ledger.between(Instant.EPOCH, now.plusSeconds(1));
            default -> throw new InvalidFieldException("status", "'status' must be open or all, not " + status);
        };
        Map<Long, String> names = names(calls.stream().map(MissedCall::managerId).collect(Collectors.toSet()));
        return calls.stream().map(call -> new MissedCallView(call.id(), call.clientNumber(), call.firstMissedAt(),
                Duration.between(call.firstMissedAt(), call.closedAt() != null ? call.closedAt() : now).toMinutes(),
                call.repeats(), named(call.managerId(), names), call.dealId(), call.taskId(), call.deadline(),
                call.open() && call.overdueAt(now), call.smsOutcome(), call.escalatedAt(), call.calledBackAt(),
                call.closedAt())).toList();
    }

    @GetMapping("/api/missed-calls/stats")
    StatsView stats(@RequestParam(name = "from", required = false) String from,
                    @RequestParam(name = "to", required = false) String to) {
        Instant end = QueryInstants.parse("to", to, clock.instant());
        Instant start = QueryInstants.parse("from", from, end.minus(Duration.ofDays(7)));
        if (!start.isBefore(end)) {
            throw new InvalidFieldException("from", "'from' must be before 'to'");
        }
        if (Duration.between(start, end).compareTo(LONGEST_WINDOW) > 0) {
            throw new InvalidFieldException("from", "'from' and 'to' may be at most 93 days apart");
        }
        List<MissedCall> calls = ledger.between(start, end);
        MissedCallStats.Stats stats = MissedCallStats.of(calls, properties.timeZone());
        Map<Long, String> names = names(calls.stream().map(MissedCall::managerId).collect(Collectors.toSet()));
        return new StatsView(start, end, stats.perManager().stream().map(m -> new ManagerStats(
                        named(m.managerId(), names), m.counts().calledBackInTime(), m.counts().calledBackLate(),
                        m.counts().open())).toList(),
                stats.perDay().stream().map(d -> new DayStats(d.day(), d.counts().calledBackInTime(),
                        d.counts().calledBackLate(), d.counts().open())).toList(),
                stats.medianMinutesToCallback());
    }

    private Map<Long, String> names(Set<Long> ids) {
        Set<Long> known = new HashSet<>(ids);
        known.remove(null);
        return managers.findAllById(known).stream().collect(Collectors.toMap(Manager::getId, Manager::getName));
    }

    private static Named named(Long id, Map<Long, String> names) {
        return id == null ? null : new Named(id, names.get(id));
    }

}
