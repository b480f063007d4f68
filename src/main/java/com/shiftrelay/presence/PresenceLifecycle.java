package com.shiftrelay.presence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The state changes the presence process makes, one per BPMN step. Each re-reads the manager, so a
 * confirmation or activity recorded while the process was busy still counts.
 */
@Service
public class PresenceLifecycle {

    private final Managers managers;
    private final Teams teams;
    private final PresenceSignals signals;
    private final PresenceProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PresenceLifecycle(Managers managers, Teams teams, PresenceSignals signals, PresenceProperties properties,
                      ApplicationEventPublisher events, Clock clock) {
        this.managers = managers;
        this.teams = teams;
        this.signals = signals;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** Silent for the team's inactivity interval? Otherwise, when would that be. */
    @Transactional
    public ActivityCheck checkActivity(long managerId) {
        Manager manager = find(managerId);
        Instant now = clock.instant();
        Instant last = manager.getLastActivityAt() == null ? manager.getStateChangedAt() : manager.getLastActivityAt();
        Instant due = last.plus(inactivityInterval(manager));
        return due.isAfter(now) ? new ActivityCheck(false, due) : new ActivityCheck(true, now);
    }

    /**
     * CONFIRMING; returns when the confirmation window closes, the presence check's due date. The window is the team's
     * (the field's two examples: 60 seconds, or 10 minutes), else the default.
     */
    @Transactional
    public ConfirmationDeadline askForConfirmation(long managerId) {
        Instant now = clock.instant();
        Manager manager = find(managerId);
        manager.moveTo(PresenceState.CONFIRMING, now);
        Duration window = manager.getTeamId() == null ? properties.confirmationTimeout()
                : teams.findById(manager.getTeamId()).map(team -> team.confirmationTimeout(properties.confirmationTimeout()))
                        .orElse(properties.confirmationTimeout());
        return new ConfirmationDeadline(now.plus(window), window, properties.timeZone());
    }

    @Transactional
    public void keepOnline(long managerId) {
        Manager manager = find(managerId);
        manager.noteActivity(clock.instant());
        manager.moveTo(PresenceState.ONLINE, clock.instant());
    }

    /**
     * The confirmation window closed unanswered. A manager who did something meanwhile (an event the
     * poll brought in late, say) stays ONLINE; returns whether the manager went OFFLINE.
     */
    @Transactional
    public boolean markOfflineIfSilent(long managerId) {
        Manager manager = find(managerId);
        if (manager.activeSinceStateChange()) {
            manager.moveTo(PresenceState.ONLINE, clock.instant());
            return false;
        }
        manager.moveTo(PresenceState.OFFLINE, clock.instant());
        events.publishEvent(new ManagerWentOffline(manager.getId(), manager.getTeamId()));
        return true;
    }

    @Transactional
    public void markOffline(long managerId) {
        Manager manager = find(managerId);
        manager.moveTo(PresenceState.OFFLINE, clock.instant());
        events.publishEvent(new ManagerWentOffline(manager.getId(), manager.getTeamId()));
    }

    /**
     * ONLINE again; colleagues whose deals wait for somebody of this team are told. Returns when the first
     * inactivity check falls due, which also bounds how long the return of their deals may hold it up.
     */
    @Transactional
    public Instant markOnline(long managerId) {
        Manager manager = find(managerId);
        Instant now = clock.instant();
        manager.noteActivity(now);
        manager.moveTo(PresenceState.ONLINE, now);
        managers.flush();
        if (manager.getTeamId() != null) {
            signals.teamMemberCameOnline(manager.getTeamId());
        }
        events.publishEvent(new ManagerCameOnline(manager.getId(), manager.getTeamId()));
        return now.plus(inactivityInterval(manager));
    }

    /**
     * What an OFFLINE manager's process does next. A colleague who came ONLINE while the process was
     * busy found nobody listening; with deals waiting, that is checked here.
     */
    @Transactional
    public OfflineNext offlineNext(long managerId, boolean dealsWaiting) {
        Long teamId = managers.findById(managerId).map(Manager::getTeamId).orElse(null);
        // With deals waiting, a colleague's sign-on matters too: lock the team (this manager included).
        List<Manager> locked = dealsWaiting && teamId != null ? managers.lockTeam(teamId) : List.of(find(managerId));
        Manager manager = locked.stream().filter(m -> m.getId() == managerId).findFirst().orElseGet(() -> find(managerId));
        if (manager.confirmedSinceStateChange()) {
            return OfflineNext.CONFIRMED;
        }
        if (manager.activeSinceStateChange()) {
            return OfflineNext.ACTIVE;
        }
        boolean colleagueOnline = locked.stream()
                .anyMatch(m -> m.getId() != managerId && m.isActive() && m.getState() == PresenceState.ONLINE);
        return colleagueOnline ? OfflineNext.COLLEAGUE_ONLINE : OfflineNext.WAIT;
    }
    private Duration inactivityInterval(Manager manager) {
        if (manager.getTeamId() == null) {
            return properties.inactivityInterval();
        }
        return teams.findById(manager.getTeamId())
                .map(team -> team.inactivityInterval(properties.inactivityInterval()))
                .orElse(properties.inactivityInterval());
    }

    private Manager find(long managerId) {
        return managers.lockById(managerId).orElseThrow(() -> new UnknownManagerException(managerId));
    }
}
