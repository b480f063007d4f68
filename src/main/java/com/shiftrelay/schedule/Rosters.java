package com.shiftrelay.schedule;

import com.shiftrelay.presence.Manager;
import com.shiftrelay.presence.Managers;
import com.shiftrelay.presence.Team;
import com.shiftrelay.presence.Teams;
import com.shiftrelay.web.NotFoundException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who of a team works when, day by day, exceptions and swaps applied: the roster. */
@Service
@Transactional(readOnly = true)
class Rosters {

    /** The page shows two weeks; a roster longer than two months is more than anybody reads at once. */
    static final int DEFAULT_DAYS = 14;
    static final int LONGEST_DAYS = 62;

    private final Teams teams;
    private final Managers managers;
    private final Schedules schedules;
    private final Clock clock;

    Rosters(Teams teams, Managers managers, Schedules schedules, Clock clock) {
        this.teams = teams;
        this.managers = managers;
        this.schedules = schedules;
        this.clock = clock;
    }

    record TeamRef(long id, String name) {
    }

    /** {@code scheduled} false: the manager has no schedule, so nothing restricts when they work. */
    record Member(long id, String name, boolean scheduled) {
    }

    /** A shift as the roster shows it: wall-clock times in the team's zone and the instants they are. */
    record ShiftView(Shift.Kind kind, String start, String end, boolean overnight, Instant startsAt, Instant endsAt) {
        static ShiftView of(Shift shift) {
            return new ShiftView(shift.kind(), shift.start().toLocalTime().toString(),
                    shift.end().toLocalTime().toString(), !shift.end().toLocalDate().equals(shift.date()),
                    shift.start().toInstant(), shift.end().toInstant());
        }
    }

    /** A manager's day: the shifts that start on it and the exceptions on it. */
    record ManagerDay(long managerId, List<ShiftView> shifts, List<ExceptionJson.View> exceptions) {
    }

    record Day(LocalDate date, DayOfWeek weekday, boolean today, List<ManagerDay> managers) {
    }

    record Roster(TeamRef team, String timeZone, LocalDate today, LocalDate from, LocalDate to, List<Member> managers,
                  List<Day> days) {
    }

    /**
     * The team's active managers, in id order, from {@code from} (today in the team's zone when null) to {@code to}
     * ({@value #DEFAULT_DAYS} days in all when null), at most {@value #LONGEST_DAYS} days.
     */
    Roster of(long teamId, LocalDate from, LocalDate to) {
        Team team = teams.findById(teamId).orElseThrow(() -> new NotFoundException("No team " + teamId));
        ZoneId zone = schedules.zoneOf(teamId);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate first = from != null ? from : to != null ? to.minusDays(DEFAULT_DAYS - 1) : today;
        LocalDate last = to != null ? to : first.plusDays(DEFAULT_DAYS - 1);
        if (last.isBefore(first)) {
            throw new ScheduleProblem("to", "The last date " + last + " is before the first, " + first);
        }
        if (ChronoUnit.DAYS.between(first, last) >= LONGEST_DAYS) {
            throw new ScheduleProblem("to", "A roster covers " + LONGEST_DAYS + " days at the most; " + first + " to "
                    + last + " is " + (ChronoUnit.DAYS.between(first, last) + 1));
        }
        List<Manager> members = managers.findByTeamIdAndActiveTrueOrderByIdAsc(teamId);
        Map<Long, String> names = new HashMap<>();
        members.forEach(member -> names.put(member.getId(), member.getName()));
        Map<Long, ManagerPlan> plans = new HashMap<>();
        Map<Long, List<Shift>> shifts = new HashMap<>();
        for (Manager member : members) {
            Optional<ManagerPlan> plan = schedules.plan(member, first, last);
            plan.ifPresent(found -> {
                plans.put(member.getId(), found);
                shifts.put(member.getId(), found.shifts(first, last));
                // A colleague swapped with who has left the team since is still named.
                found.colleagues().keySet().forEach(id -> names.computeIfAbsent(id, this::nameOf));
            });
        }
        List<Day> days = new ArrayList<>();
        first.datesUntil(last.plusDays(1)).forEach(date -> days.add(new Day(date, date.getDayOfWeek(),
                date.equals(today), members.stream().map(member -> day(member.getId(), date, plans, shifts, names))
                .toList())));
        return new Roster(new TeamRef(team.getId(), team.getName()), zone.getId(), today, first, last,
                members.stream().map(m -> new Member(m.getId(), m.getName(), plans.containsKey(m.getId()))).toList(),
                days);
    }

    private static ManagerDay day(long managerId, LocalDate date, Map<Long, ManagerPlan> plans,
                                  Map<Long, List<Shift>> shifts, Map<Long, String> names) {
        ManagerPlan plan = plans.get(managerId);
        if (plan == null) {
            return new ManagerDay(managerId, List.of(), List.of());
        }
        return new ManagerDay(managerId,
                shifts.get(managerId).stream().filter(shift -> shift.date().equals(date)).map(ShiftView::of).toList(),
                plan.entries().stream().filter(entry -> entry.covers(date))
                        .map(entry -> ExceptionJson.View.of(entry, names.get(entry.colleagueId()))).toList());
    }

    private String nameOf(long managerId) {
        return managers.findById(managerId).map(Manager::getName).orElse(null);
    }
}
