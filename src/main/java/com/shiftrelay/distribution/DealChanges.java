package com.shiftrelay.distribution;

import com.shiftrelay.crm.CrmDealChange;
import com.shiftrelay.intake.DealChangeAccepted;
import com.shiftrelay.presence.Manager;
import com.shiftrelay.presence.ManagerCameOnline;
import com.shiftrelay.presence.Managers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What a deal change the CRM reported means for distribution, decided at once in the transaction that stored it:
 * new deals and stage changes are routed by the DealAssignment process; a responsible ShiftRelay set itself (the
 * CRM's echo of a hand-over or an assignment) is nothing, so no change of ours comes back as work; one a person made
 * is logged and takes the deal out of a queue; a manager who comes ONLINE lets their team's queue be dealt out.
 */
@Component
class DealChanges {

    private static final Logger log = LoggerFactory.getLogger(DealChanges.class);
    /** How far back a write of ours may lie and still explain a responsible change the CRM reports. */
    private static final Duration ECHO_WINDOW = Duration.ofHours(1);

    private final DistributionSignals signals;
    private final DealMoves moves;
    private final WaitingQueue queue;
    private final AssignmentLog assignments;
    private final Managers managers;
    private final Clock clock;

    DealChanges(DistributionSignals signals, DealMoves moves, WaitingQueue queue, AssignmentLog assignments,
                Managers managers, Clock clock) {
        this.signals = signals;
        this.moves = moves;
        this.queue = queue;
        this.assignments = assignments;
        this.managers = managers;
        this.clock = clock;
    }

    @EventListener
    void on(DealChangeAccepted accepted) {
        CrmDealChange change = accepted.change();
        switch (change.kind()) {
            case ADDED, STATUS_CHANGED -> signals.dealChanged(accepted.eventId(), change.dealId(), change.kind());
            case RESPONSIBLE_CHANGED -> responsibleChanged(change);
            case DELETED -> queue.leave(change.dealId(), "the deal was deleted in the CRM");
            default -> log.debug("Deal {}: {} needs nothing of distribution", change.dealId(), change.kind());
        }
    }

    @EventListener
    void on(ManagerCameOnline online) {
        if (online.teamId() != null && queue.hasWaiting(online.teamId())) {
            signals.drainRequested(online.teamId(), true);
        }
    }

    private void responsibleChanged(CrmDealChange change) {
        Instant now = clock.instant();
        if (change.responsibleId() == null
                || moves.isOwnChange(change.dealId(), change.responsibleId(), now.minus(ECHO_WINDOW))) {
            return;
        }
        String who = change.modifiedBy() == null ? "somebody" : "user " + change.modifiedBy();
        assignments.record(new AssignmentLog.Decision(now, change.dealId(), AssignmentEntry.Kind.REASSIGNED_IN_CRM,
                null, null, null, null, change.responsibleId(), change.previousResponsibleId(), List.of(),
                who + " gave the deal to " + change.responsibleId() + " in the CRM"));
        queue.leave(change.dealId(), who + " gave the deal to " + change.responsibleId() + " in the CRM");
        if (change.previousResponsibleId() != null) {
            // The manager who lost it may have room below the cap now.
            managers.findById(change.previousResponsibleId()).map(Manager::getTeamId)
                    .filter(queue::hasWaiting).ifPresent(team -> signals.drainRequested(team, false));
        }
    }
}
