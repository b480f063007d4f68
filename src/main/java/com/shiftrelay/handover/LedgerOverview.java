package com.shiftrelay.handover;

import com.shiftrelay.presence.Manager;
import com.shiftrelay.presence.Managers;
import com.shiftrelay.presence.Team;
import com.shiftrelay.presence.Teams;
import com.shiftrelay.web.NotFoundException;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger as an administrator looks at it: the runs going on and the latest finished ones, each with what
 * became of its moves, and a run's moves with the names of the people involved.
 */
@Component
class LedgerOverview {

    private static final List<Handover.Status> RUNNING = List.of(Handover.Status.PLANNED, Handover.Status.WAITING);
    private static final List<Handover.Status> FINISHED = List.of(Handover.Status.DONE, Handover.Status.SUPERSEDED);

    private final Handovers handovers;
    private final HandoverMoves moves;
    private final Managers managers;
    private final Teams teams;

    LedgerOverview(Handovers handovers, HandoverMoves moves, Managers managers, Teams teams) {
        this.handovers = handovers;
        this.moves = moves;
        this.managers = managers;
        this.teams = teams;
    }

    /** A manager or a team as the overview names them; the name is null for one ShiftRelay no longer knows. */
    record Named(long id, String name) {
    }

    /**
     * A hand-over or return: {@code running} while its moves are being written (PLANNED) or wait for a
     * colleague (WAITING); {@code moveCounts} has every move status, zero included.
     */
    record RecentRun(String id, Handover.Kind kind, boolean running, Handover.Status status, Named manager, Named team,
                     Instant createdAt, Instant completedAt, Map<HandoverMove.Status, Long> moveCounts) {
    }

    /**
     * A move of a run: whose deal it is ({@code owner}, to whom a return gives it back), where it goes from
     * and to ({@code to} null while it waits), the batch it is written in (counted from 1) and why it was left
     * alone, refused or redirected ({@code note}).
     */
    record RunMove(long dealId, Named from, Named to, Named owner, int batch, HandoverMove.Status status, String note,
                   Instant writtenAt, Instant checkedAt) {
    }

    /** Every run going on, and the {@code limit} latest finished ones; newest first. */
    @Transactional(readOnly = true)
    List<RecentRun> recent(int limit) {
        List<Handover> runs = Stream.concat(
                        handovers.findByStatusInOrderByCreatedAtDesc(RUNNING).stream(),
                        handovers.findByStatusInOrderByCreatedAtDesc(FINISHED, PageRequest.of(0, limit)).stream())
                .sorted(Comparator.comparing(Handover::getCreatedAt).reversed().thenComparing(Handover::getId))
                .toList();
        Map<String, Map<HandoverMove.Status, Long>> counts = moveCounts(runs.stream().map(Handover::getId).toList());
        Map<Long, String> managerNames = managerNames(runs.stream().map(Handover::getManagerId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<Long, String> teamNames = teams.findAllById(runs.stream().map(Handover::getTeamId)
                        .filter(id -> id != null).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(Team::getId, Team::getName));
        return runs.stream().map(run -> new RecentRun(run.getId(), run.getKind(), RUNNING.contains(run.getStatus()),
                        run.getStatus(), run.getManagerId() == null ? null : named(run.getManagerId(), managerNames),
                        run.getTeamId() == null ? null : named(run.getTeamId(), teamNames),
                        run.getCreatedAt(), run.getCompletedAt(),
                        counts.getOrDefault(run.getId(), zeroCounts())))
                .toList();
    }

    /** The run's moves by batch and deal. */
    @Transactional(readOnly = true)
    List<RunMove> moves(String runId) {
        if (!handovers.existsById(runId)) {
            throw new NotFoundException("No hand-over or return " + runId);
        }
        List<HandoverMove> rows = moves.findByHandoverIdOrderByDealIdAsc(runId);
        Set<Long> people = new HashSet<>();
        rows.forEach(m -> {
            people.add(m.getFromId());
            people.add(m.getOwnerId());
            if (m.getToId() != null) {
                people.add(m.getToId());
            }
        });
        Map<Long, String> names = managerNames(people);
        return rows.stream()
                .sorted(Comparator.comparingInt(HandoverMove::getBatchNo).thenComparing(HandoverMove::getDealId))
                .map(m -> new RunMove(m.getDealId(), named(m.getFromId(), names),
                        m.getToId() == null ? null : named(m.getToId(), names), named(m.getOwnerId(), names),
                        m.getBatchNo() + 1, m.getStatus(), m.getNote(), m.getWrittenAt(), m.getCheckedAt()))
                .toList();
    }

    private Map<String, Map<HandoverMove.Status, Long>> moveCounts(Collection<String> runIds) {
        Map<String, Map<HandoverMove.Status, Long>> counts = new HashMap<>();
        if (runIds.isEmpty()) {
            return counts;
        }
        for (Object[] row : moves.countByStatus(runIds)) {
            counts.computeIfAbsent((String) row[0], id -> zeroCounts()).put((HandoverMove.Status) row[1], (Long) row[2]);
        }
        return counts;
    }

    private static Map<HandoverMove.Status, Long> zeroCounts() {
        Map<HandoverMove.Status, Long> counts = new EnumMap<>(HandoverMove.Status.class);
        for (HandoverMove.Status status : HandoverMove.Status.values()) {
            counts.put(status, 0L);
        }
        return counts;
    }

    private Map<Long, String> managerNames(Collection<Long> ids) {
        return managers.findAllById(ids).stream().collect(Collectors.toMap(Manager::getId, Manager::getName));
    }

    private static Named named(long id, Map<Long, String> names) {
        return new Named(id, names.get(id));
    }
}
