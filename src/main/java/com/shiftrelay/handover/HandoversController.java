package com.shiftrelay.handover;

import java.time.Instant;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The hand-over ledger, and the deals that wait for somebody of their team to come ONLINE. */
@RestController
@RequestMapping("/api/handovers")
class HandoversController {

    private final Handovers handovers;
    private final HandoverMoves moves;

    HandoversController(Handovers handovers, HandoverMoves moves) {
        this.handovers = handovers;
        this.moves = moves;
    }

    /** A deal that stays with an OFFLINE manager because nobody of the team is ONLINE. */
    record WaitingDeal(long dealId, long managerId, Long teamId, Instant since) {
    }

    /** A run of the ledger with its moves. */
    record Run(String id, Handover.Kind kind, long managerId, Handover.Status status, Instant createdAt,
               Instant completedAt, List<Move> moves) {
    }

    /** One ledger row; {@code note} says why a deal was left alone, refused, redirected or waits. */
    record Move(long dealId, long ownerId, long fromId, Long toId, HandoverMove.Status status, Instant writtenAt,
                String note) {
    }

    @GetMapping("/waiting")
    @Transactional(readOnly = true)
    public List<WaitingDeal> waiting() {
        return handovers.findByStatusOrderByCreatedAtAsc(Handover.Status.WAITING).stream()
                .flatMap(h -> moves.findByHandoverIdOrderByDealIdAsc(h.getId()).stream()
                        .filter(m -> m.getStatus() == HandoverMove.Status.WAITING)
                        .map(m -> new WaitingDeal(m.getDealId(), h.getManagerId(), h.getTeamId(), h.getCreatedAt())))
                .toList();
    }

    @GetMapping
    @Transactional(readOnly = true)
    public List<Run> byManager(@RequestParam long managerId) {
        return handovers.findByManagerIdOrderByCreatedAtDesc(managerId).stream()
                .map(h -> new Run(h.getId(), h.getKind(), h.getManagerId(), h.getStatus(), h.getCreatedAt(),
                        h.getCompletedAt(), moves.findByHandoverIdOrderByDealIdAsc(h.getId()).stream()
                        .map(m -> new Move(m.getDealId(), m.getOwnerId(), m.getFromId(), m.getToId(), m.getStatus(),
                                m.getWrittenAt(), m.getNote()))
                        .toList()))
                .toList();
    }
}
