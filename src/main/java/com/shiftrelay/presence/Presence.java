package com.shiftrelay.presence;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the outside world tells ShiftRelay about a manager: CRM activity, a confirmation of presence,
 * a sign-off. Activity of an ONLINE manager only moves their last-activity mark; the presence process
 * reads it when its timer fires, so ordinary activity never touches the process.
 */
@Service
public class Presence {

    private final Managers managers;
    private final PresenceSignals signals;
    private final Clock clock;

    Presence(Managers managers, PresenceSignals signals, Clock clock) {
        this.managers = managers;
        this.signals = signals;
        this.clock = clock;
    }

    @Transactional
    public Manager recordActivity(long managerId, Instant at) {
        return record(find(managerId), at);
    }

    private Manager record(Manager manager, Instant at) {
        Instant now = clock.instant();
        manager.noteActivity(at.isAfter(now) ? now : at);
        managers.flush();
        if (manager.getState() != PresenceState.ONLINE && manager.activeSinceStateChange()) {
            signals.activityNoticed(manager.getId());
        }
        return manager;
    }

    /** Activity read from the CRM's event feed: the latest moment per manager; unknown users are skipped. */
    @Transactional
    public int recordActivities(Map<Long, Instant> latestByManager) {
        int recorded = 0;
        for (var entry : latestByManager.entrySet()) {
            Manager manager = managers.findById(entry.getKey()).orElse(null);
            if (manager != null) {
                record(manager, entry.getValue());
                recorded++;
            }
        }
        return recorded;
    }

    /** Tasklist work counts as activity; the presence tasks themselves move their process anyway. */
    @Transactional
    public void recordTasklistWork(String login, boolean presenceTask) {
        managers.findByLogin(login).ifPresent(manager -> {
            if (presenceTask) {
                manager.noteActivity(clock.instant());
            } else {
                record(manager, clock.instant());
            }
        });
    }

    /** "I am at work": starts a shift, answers a presence check, or takes the deals back. */
    @Transactional
    public Manager confirm(long managerId) {
        Manager manager = find(managerId);
        manager.noteConfirmation(clock.instant());
        managers.flush();
        if (manager.getState() != PresenceState.ONLINE) {
            signals.presenceConfirmed(managerId);
        }
        return manager;
    }

    /**
     * "I am at work" from a user known by login only (the one who starts a shift in Tasklist). Somebody who
     * is no manager is an answer, not an error: empty, and nothing changes. Throwing here would mark the
     * caller's transaction (the engine's, for a process step) rollback-only.
     */
    @Transactional
    public Optional<Manager> confirmByLogin(String login) {
        if (login == null) {
            return Optional.empty();
        }
        return managers.findByLogin(login).map(manager -> confirm(manager.getId()));
    }

    /**
     * "I am leaving": an ONLINE manager goes OFFLINE at once and their deals are handed over. In the
     * moment the presence process is between two steps nobody can take the sign-off; the caller is told
     * to try again and nothing changes.
     */
    @Transactional
    public Manager signOff(long managerId) {
        Manager manager = managers.lockById(managerId).orElseThrow(() -> new UnknownManagerException(managerId));
        if (manager.getState() != PresenceState.OFFLINE && !signals.wentOffline(managerId)) {
            throw new PresenceBusyException(managerId);
        }
        return manager;
    }

    @Transactional(readOnly = true)
    public Manager find(long managerId) {
        return managers.findById(managerId).orElseThrow(() -> new UnknownManagerException(managerId));
    }
}
