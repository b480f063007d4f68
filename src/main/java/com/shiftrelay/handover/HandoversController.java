package com.shiftrelay.handover;

import com.shiftrelay.presence.ManagerAccess;
import com.shiftrelay.security.ApiRoles;
import com.shiftrelay.web.InvalidFieldException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The hand-over ledger, and the deals that wait for somebody of their team to come ONLINE. A manager reads
 * their own; an administrator everybody's, and the overview of the latest runs.
 */
@RestController
@RequestMapping("/api/handovers")
class HandoversController {

    static final int MOST_RECENT = 200;

    private final Handovers handovers;
    private final HandoverMoves moves;
    private final ManagerAccess access;
    private final LedgerOverview overview;

    HandoversController(Handovers handovers, HandoverMoves moves, ManagerAccess access, LedgerOverview overview) {
        this.handovers = handovers;
        this.moves = moves;
        this.access = access;
        this.overview = overview;
    }

    /** A deal that stays with an OFFLINE manager because nobody of the team is ONLINE. */
    record WaitingDeal(long dealId, Long managerId, Long teamId, Instant since) {
    }

    /** A run of the ledger with its moves. */
    record Run(String id, Handover.Kind kind, Long managerId, Handover.Status status, Instant createdAt,
               Instant completedAt, List<Move> moves) {
    }

    /** One ledger row; {@code note} says why a deal was left alone, refused, redirected or waits. */
    record Move(long dealId, long ownerId, long fromId, Long toId, HandoverMove.Status status, Instant writtenAt,
                String note) {
    }

    /** All waiting deals for an administrator; a manager's own for a manager; none for anybody else. */
    @GetMapping("/waiting")
    @Transactional(readOnly = true)
    public List<WaitingDeal> waiting(Authentication caller) {
        List<Handover> waiting = ApiRoles.isAdmin(caller)
                ? handovers.findByStatusOrderByCreatedAtAsc(Handover.Status.WAITING)
                : access.managerIdOf(caller)
                        .map(id -> handovers.findByManagerIdAndStatus(id, Handover.Status.WAITING).stream()
                                .sorted(Comparator.comparing(Handover::getCreatedAt)).toList())
                        .orElse(List.of());
        return waiting.stream().filter(h -> h.getKind() == Handover.Kind.HANDOVER)
                .flatMap(h -> moves.findByHandoverIdOrderByDealIdAsc(h.getId()).stream()
                        .filter(m -> m.getStatus() == HandoverMove.Status.WAITING)
                        .map(m -> new WaitingDeal(m.getDealId(), h.getManagerId(), h.getTeamId(), h.getCreatedAt())))
                .toList();
    }

    @GetMapping
    @Transactional(readOnly = true)
    @PreAuthorize("@managerAccess.isSelfOrAdmin(authentication, #managerId)")
    public List<Run> byManager(@RequestParam long managerId) {
        return handovers.findByManagerIdOrderByCreatedAtDesc(managerId).stream()
                .map(h -> new Run(h.getId(), h.getKind(), h.getManagerId(), h.getStatus(), h.getCreatedAt(),
                        h.getCompletedAt(), moves.findByHandoverIdOrderByDealIdAsc(h.getId()).stream()
                        .map(m -> new Move(m.getDealId(), m.getOwnerId(), m.getFromId(), m.getToId(), m.getStatus(),
                                m.getWrittenAt(), m.getNote()))
                        .toList()))
                .toList();
    }

    /** The runs going on and the {@code limit} latest finished ones; administrators only (security configuration). */
    @GetMapping("/recent")
    public List<LedgerOverview.RecentRun> recent(@RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > MOST_RECENT) {
            throw new InvalidFieldException("limit", "'limit' must be between 1 and " + MOST_RECENT);
        }
        return overview.recent(limit);
    }

    /** A run's moves: for its manager and administrators; an unknown run is 404 to an administrator. */
    @GetMapping("/{id}/moves")
    @PreAuthorize("@runAccess.mayRead(authentication, #id)")
    public List<LedgerOverview.RunMove> moves(@PathVariable String id) {
        return overview.moves(id);
    }
}
