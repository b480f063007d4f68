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
import org.springframework.beans.factory.annotation.Value;
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
    static final String OWN_UPDATE_WINDOW_PROPERTY = "${shiftrelay.webhooks.own-update-window:PT5M}";

    private final DistributionSignals signals;
    private final DealMoves moves;
    private final WaitingQueue queue;
    private final AssignmentLog assignments;
    private final Managers managers;
    private final Clock clock;
    private final Duration ownUpdateWindow;

    /**
     * @param ownUpdateWindow a change event that names only the deal (Bitrix24) this soon after ShiftRelay wrote the
     *                        deal is taken for the echo of that write and not read back: a hand-over of 10,000 deals
     *                        must not cost 10,000 reads. A person's edit of the deal within it goes unseen until their
     *                        next one ({@code shiftrelay.webhooks.own-update-window}, 5 minutes)
     */
    DealChanges(DistributionSignals signals, DealMoves moves, WaitingQueue queue, AssignmentLog assignments,
                Managers managers, Clock clock, @Value(OWN_UPDATE_WINDOW_PROPERTY) Duration ownUpdateWindow) {
        this.signals = signals;
        this.moves = moves;
        this.queue = queue;
        this.assignments = assignments;
        this.managers = managers;
        this.clock = clock;
        this.ownUpdateWindow = ownUpdateWindow;
    }

    @EventListener
    void on(DealChangeAccepted accepted) {
        CrmDealChange change = accepted.change();
        switch (change.kind()) {
            case ADDED, STATUS_CHANGED -> signals.dealChanged(accepted.eventId(), change.dealId(), change.kind());
            case RESPONSIBLE_CHANGED -> responsibleChanged(change);
            case DELETED -> queue.leave(change.dealId(), "the deal was deleted in the CRM");
            case UPDATED -> updated(accepted.eventId(), change);
            default -> log.debug("Deal {}: {} needs nothing of distribution", change.dealId(), change.kind());
        }
    }

    @EventListener
    void on(ManagerCameOnline online) {
        if (online.teamId() != null && queue.hasWaiting(online.teamId())) {
            signals.drainRequested(online.teamId(), true);
        }
    }

    /**
     * amoCRM's {@code update} needs nothing (its stage and responsible changes come as events of their own); an event
     * that names only the deal (Bitrix24's {@code ONCRMDEALUPDATE}) is routed as {@code UPDATED}, where the deal read
     * back tells what changed ({@link NewDeals}), unless it is the echo of ShiftRelay's own write.
     */
    private void updated(long eventId, CrmDealChange change) {
        boolean namesOnlyTheDeal = change.responsibleId() == null && change.pipelineId() == null
                && change.statusId() == null;
        if (!namesOnlyTheDeal) {
            log.debug("Deal {}: {} needs nothing of distribution", change.dealId(), change.kind());
            return;
        }
        if (moves.touchedSince(change.dealId(), clock.instant().minus(ownUpdateWindow))) {
            log.debug("Deal {}: an update just after ShiftRelay's own write of it, taken for its echo", change.dealId());
            return;
        }
        signals.dealChanged(eventId, change.dealId(), CrmDealChange.Kind.UPDATED);
    }

    private void responsibleChanged(CrmDealChange change) {
        Instant now = clock.instant();
        if (change.responsibleId() == null
                || moves.isOwnChange(change.dealId(), change.responsibleId(), now.minus(ECHO_WINDOW))) {
            return;
        }
        reassignedInCrm(change.dealId(), change.responsibleId(), change.previousResponsibleId(), change.modifiedBy());
    }

    /** A person gave the deal to somebody in the CRM: logged, out of the queue, and its former holder may take more. */
    void reassignedInCrm(long dealId, long responsibleId, Long previousResponsibleId, Long modifiedBy) {
        Instant now = clock.instant();
        String who = modifiedBy == null ? "somebody" : "user " + modifiedBy;
        assignments.record(new AssignmentLog.Decision(now, dealId, AssignmentEntry.Kind.REASSIGNED_IN_CRM,
                null, null, null, null, responsibleId, previousResponsibleId, List.of(),
                who + " gave the deal to " + responsibleId + " in the CRM"));
        queue.leave(dealId, who + " gave the deal to " + responsibleId + " in the CRM");
        if (previousResponsibleId != null) {
            // The manager who lost it may have room below the cap now.
            managers.findById(previousResponsibleId).map(Manager::getTeamId)
                    .filter(queue::hasWaiting).ifPresent(team -> signals.drainRequested(team, false));
        }
    }
}
