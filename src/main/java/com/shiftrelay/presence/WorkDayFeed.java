package com.shiftrelay.presence;

import com.shiftrelay.crm.CrmException;
import com.shiftrelay.crm.CrmGateway;
import com.shiftrelay.crm.WorkDay;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The work day on the CRM's own time clock as a presence signal (Bitrix24: the "start / pause / finish work day"
 * button, read with {@code timeman.status}). Closing the work day is leaving: the manager goes OFFLINE at once and
 * their deals are handed over. Opening it is starting a shift. A pause is a break, ignored unless
 * the team's {@code workDayPause} (or, for teams that set none, {@code shiftrelay.presence.work-day-pause}) says offline. An expired day (opened yesterday, never closed) changes nothing;
 * the inactivity check is there for that. The first reading of a manager's clock is only noted, so that starting
 * ShiftRelay signs nobody off. A change is noted once the sign-off or the shift start it caused has been taken, so a
 * manager whose presence process was busy is tried again at the next read.
 */
@Component
public class WorkDayFeed {

    private static final Logger log = LoggerFactory.getLogger(WorkDayFeed.class);

    /** What a change of the work day does to presence. */
    enum Action { NONE, SIGN_OFF, START_SHIFT }

    private final CrmGateway crm;
    private final Managers managers;
    private final Presence presence;
    private final PresenceProperties properties;
    private final Teams teams;

    WorkDayFeed(CrmGateway crm, Managers managers, Presence presence, PresenceProperties properties, Teams teams) {
        this.crm = crm;
        this.managers = managers;
        this.presence = presence;
        this.properties = properties;
        this.teams = teams;
    }

    static Action action(WorkDay before, WorkDay now, PresenceState state, PresenceProperties.WorkDayPause pause) {
        if (before == null || before == now) {
            return Action.NONE;
        }
        return switch (now) {
            case CLOSED -> state == PresenceState.OFFLINE ? Action.NONE : Action.SIGN_OFF;
            case PAUSED -> pause == PresenceProperties.WorkDayPause.OFFLINE && state != PresenceState.OFFLINE
                    ? Action.SIGN_OFF : Action.NONE;
            case OPENED -> state == PresenceState.ONLINE ? Action.NONE : Action.START_SHIFT;
            case EXPIRED -> Action.NONE;
        };
    }

    /** Reads the clock of every active manager; returns how many presence changes it caused. */
    public int poll() {
        List<Manager> active = managers.findByActiveTrue();
        if (active.isEmpty()) {
            return 0;
        }
        Map<Long, WorkDay> days;
        try {
            days = crm.workDays(active.stream().map(Manager::getId).toList());
        } catch (CrmException e) {
            // The activity feed reports the CRM's outages; a missing scope is said here, once per read.
            log.warn("Work days could not be read: {}", e.getMessage());
            return 0;
        }
        Map<Long, PresenceProperties.WorkDayPause> pauses = new HashMap<>();
        teams.findAll().forEach(team -> pauses.put(team.getId(), team.workDayPause(properties.workDayPause())));
        int changed = 0;
        for (Manager manager : active) {
            WorkDay now = days.get(manager.getId());
            if (now == null || now == manager.getWorkDay()) {
                continue;
            }
            Action action = action(manager.getWorkDay(), now, manager.getState(),
                    manager.getTeamId() == null ? properties.workDayPause()
                            : pauses.getOrDefault(manager.getTeamId(), properties.workDayPause()));
            try {
                switch (action) {
                    case SIGN_OFF -> presence.signOff(manager.getId());
                    case START_SHIFT -> presence.confirm(manager.getId());
                    case NONE -> {
                    }
                }
            } catch (PresenceBusyException | PresenceConflictException e) {
                log.debug("Work day of manager {} is {}; their presence is busy, tried again at the next read",
                        manager.getId(), now);
                continue;
            }
            if (action != Action.NONE) {
                changed++;
                log.info("Manager {} {} the work day in the CRM: {}", manager.getId(), now.name().toLowerCase(),
                        action == Action.SIGN_OFF ? "OFFLINE, deals handed over" : "shift started");
            }
            managers.noteWorkDay(manager.getId(), now);
        }
        return changed;
    }
}
