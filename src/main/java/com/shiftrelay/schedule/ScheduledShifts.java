package com.shiftrelay.schedule;

import com.shiftrelay.presence.Manager;
import com.shiftrelay.presence.Managers;
import com.shiftrelay.presence.Presence;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * A manager's shifts as the engine's timers follow them: the shift on now or the next one, its start (the prompt
 * "Начать смену") and its end (a manager still ONLINE is asked whether they are at work).
 */
@Service
public class ScheduledShifts {

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    private final Schedules schedules;
    private final Managers managers;
    private final Presence presence;
    private final Clock clock;

    ScheduledShifts(Schedules schedules, Managers managers, Presence presence, Clock clock) {
        this.schedules = schedules;
        this.managers = managers;
        this.presence = presence;
        this.clock = clock;
    }

    /** The shift to follow: none without a schedule (or for a manager no longer active), else its times and hours. */
    public record Upcoming(boolean exists, Instant startsAt, Instant endsAt, String hours) {

        static Upcoming none() {
            return new Upcoming(false, null, null, null);
        }
    }

    /** The shift going on now, or else the next one to start. */
    public Upcoming currentOrNext(long managerId) {
        if (!managers.findById(managerId).map(Manager::isActive).orElse(false)) {
            return Upcoming.none();
        }
        Instant now = clock.instant();
        Optional<Shift> shift = schedules.shiftAt(managerId, now).or(() -> schedules.nextStart(managerId, now));
        return shift.map(s -> new Upcoming(true, s.start().toInstant(), s.end().toInstant(),
                HOURS.format(s.start()) + "–" + HOURS.format(s.end()) + " (" + s.date() + ")"))
                .orElseGet(Upcoming::none);
    }

    /** The manager completed "Начать смену": they are at work. */
    public void started(long managerId) {
        presence.confirm(managerId);
    }

    /** The shift is over: one still ONLINE is asked at once; throws while their presence process is busy. */
    public void ended(long managerId) {
        presence.shiftEnded(managerId);
    }
}
