package com.shiftrelay.presence;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the outside world tells ShiftRelay about a manager: CRM activity, a confirmation of presence,
 * a sign-off. Activity of an ONLINE manager only moves their last-activity mark; the presence process
 * reads it when its timer fires, so ordinary activity never touches the process.
 *
 * <p>Every signal locks the manager's row, as every presence step does, so a step and a signal never
 * decide on different pictures. What the manager did is stored before the process is told; when telling
 * it meets a step that changed the process in the same instant, it is told again in a fresh transaction
 * that sees the step's result. A confirmation in the second its timeout fires is kept, never answered
 * with an error while the deals leave anyway.
 */
@Service
public class Presence {

    private static final Logger log = LoggerFactory.getLogger(Presence.class);
    private static final int ATTEMPTS = 5;

    private final Managers managers;
    private final PresenceSignals signals;
    private final TransactionTemplate tx;
    private final Clock clock;

    Presence(Managers managers, PresenceSignals signals, TransactionTemplate tx, Clock clock) {
        this.managers = managers;
        this.signals = signals;
        this.tx = tx;
        this.clock = clock;
    }

    public Manager recordActivity(long managerId, Instant at) {
        tx.executeWithoutResult(status -> note(lock(managerId), at));
        return retryingConflicts(() -> signalActivity(lock(managerId)));
    }

    private void note(Manager manager, Instant at) {
        Instant now = clock.instant();
        manager.noteActivity(at.isAfter(now) ? now : at);
        managers.flush();
    }

    private Manager signalActivity(Manager manager) {
        if (manager.getState() != PresenceState.ONLINE && manager.activeSinceStateChange()) {
            signals.activityNoticed(manager.getId());
        }
        return manager;
    }

    private Manager record(Manager manager, Instant at) {
        note(manager, at);
        return signalActivity(manager);
    }

    /** Activity read from the CRM's event feed: the latest moment per manager; unknown users are skipped. */
    public int recordActivities(Map<Long, Instant> latestByManager) {
        // Rows are locked in id order, so two feeds (or a feed and a team lock) never deadlock.
        Map<Long, Instant> ordered = new TreeMap<>(latestByManager);
        return retryingConflicts(() -> {
            int recorded = 0;
            for (var entry : ordered.entrySet()) {
                Optional<Manager> manager = managers.lockById(entry.getKey());
                if (manager.isPresent()) {
                    record(manager.get(), entry.getValue());
                    recorded++;
                }
            }
            return recorded;
        });
    }

    /**
     * Tasklist work of the person signed in (not of the task's assignee) counts as activity; the presence
     * tasks themselves move their process anyway. Runs inside the engine's command that completed the task.
     */
    @Transactional
    public void recordTasklistWork(String login, boolean presenceTask) {
        managers.findByLogin(login).flatMap(known -> managers.lockById(known.getId())).ifPresent(manager -> {
            if (presenceTask) {
                manager.noteActivity(clock.instant());
            } else {
                record(manager, clock.instant());
            }
        });
    }

    /**
     * "I am at work": starts a shift, answers a presence check, or takes the deals back. The confirmation
     * is stored first, in a transaction of its own, so whichever presence step runs next sees it even when
     * delivering the signal has to be tried again.
     */
    public Manager confirm(long managerId) {
        tx.executeWithoutResult(status -> {
            lock(managerId).noteConfirmation(clock.instant());
            managers.flush();
        });
        return retryingConflicts(() -> {
            Manager manager = lock(managerId);
            if (manager.getState() != PresenceState.ONLINE) {
                signals.presenceConfirmed(managerId);
            }
            return manager;
        });
    }

    /** The manager with this Tasklist login, if ShiftRelay knows one; never fails the caller's transaction. */
    @Transactional(readOnly = true)
    public Optional<Manager> findByLogin(String login) {
        return login == null ? Optional.empty() : managers.findByLogin(login);
    }

    /**
     * "I am leaving": an ONLINE manager goes OFFLINE at once and their deals are handed over. In the
     * moment the presence process is between two steps nobody can take the sign-off; the caller is told
     * to try again and nothing changes.
     */
    public Manager signOff(long managerId) {
        return retryingConflicts(() -> {
            Manager manager = lock(managerId);
            if (manager.getState() != PresenceState.OFFLINE && !signals.wentOffline(managerId)) {
                throw new PresenceBusyException(managerId);
            }
            return manager;
        });
    }

    /**
     * The manager's shift is over by their schedule. One still ONLINE is asked at once whether they are at work; while
     * their presence process is between two steps the caller is told to try again (the engine's retry does).
     */
    public boolean shiftEnded(long managerId) {
        return retryingConflicts(() -> {
            Manager manager = lock(managerId);
            if (manager.getState() != PresenceState.ONLINE) {
                return false;
            }
            if (!signals.shiftEnded(managerId)) {
                throw new PresenceBusyException(managerId);
            }
            return true;
        });
    }

    @Transactional(readOnly = true)
    public Manager find(long managerId) {
        return managers.findById(managerId).orElseThrow(() -> new UnknownManagerException(managerId));
    }

    private Manager lock(long managerId) {
        return managers.lockById(managerId).orElseThrow(() -> new UnknownManagerException(managerId));
    }

    /**
     * Runs the signal in a transaction of its own and runs it again when it met a concurrent process step.
     * Inside a caller's transaction (a job, a Tasklist completion) it runs once: the caller's own retry
     * (the job executor's, the user's click) repeats the whole.
     */
    private <T> T retryingConflicts(Supplier<T> signal) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return tx.execute(status -> signal.get());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(status -> signal.get());
            } catch (PresenceConflictException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.debug("{}; sending it again (attempt {})", e.getMessage(), attempt + 1);
            }
        }
    }
}
