package com.shiftrelay.schedule;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A schedule as the REST API takes and shows it, and as {@code manager_schedule.data} keeps it: weekly hours per
 * weekday, or a rotation. Reading it refuses what is not a schedule, naming the field in the API's notation.
 */
final class ScheduleJson {

    /** Stored data is written and read by this application only; the API's own mapper is Spring's. */
    private static final ObjectMapper STORED = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    private static final TypeReference<Map<String, Hours>> WEEKLY = new TypeReference<>() {
    };

    private ScheduleJson() {
    }

    /** A shift's hours, HH:mm; {@code overnight}: it ends the next day (20:00-08:00). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Hours(String start, String end, Boolean overnight) {

        static Hours of(ShiftHours hours) {
            return new Hours(hours.start().toString(), hours.end().toString(), hours.overnight());
        }

        ShiftHours parse(String field) {
            return ShiftHours.parse(field, start, end, Boolean.TRUE.equals(overnight));
        }
    }

    /** {@code daysOn} working days then {@code daysOff} off, from {@code anchor}, the first working day. */
    record Rotation(LocalDate anchor, Integer daysOn, Integer daysOff, String start, String end, Boolean overnight) {

        static Rotation of(RotationSchedule rotation) {
            ShiftHours hours = rotation.hours();
            return new Rotation(rotation.anchor(), rotation.daysOn(), rotation.daysOff(), hours.start().toString(),
                    hours.end().toString(), hours.overnight());
        }

        RotationSchedule parse() {
            return new RotationSchedule(required("rotation.anchor", anchor), required("rotation.daysOn", daysOn),
                    required("rotation.daysOff", daysOff),
                    ShiftHours.parse("rotation", start, end, Boolean.TRUE.equals(overnight)));
        }
    }

    /** Exactly one of the two. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Body(Map<String, Hours> weekly, Rotation rotation) {

        static Body of(Schedule schedule) {
            if (schedule instanceof WeeklySchedule weekly) {
                Map<String, Hours> days = new LinkedHashMap<>();
                weekly.days().forEach((day, hours) -> days.put(day.name(), Hours.of(hours)));
                return new Body(days, null);
            }
            return new Body(null, Rotation.of((RotationSchedule) schedule));
        }

        /** The schedule asked for, checked as {@link ShiftPlanner#validate} checks one. */
        Schedule toSchedule() {
            if (weekly != null && rotation != null) {
                throw new ScheduleProblem("rotation", "A schedule is weekly or a rotation, not both: give one of"
                        + " 'weekly' and 'rotation'");
            }
            if (weekly == null && rotation == null) {
                throw new ScheduleProblem("weekly", "No schedule given: give 'weekly' (hours per weekday) or"
                        + " 'rotation'; to take a manager's schedule away, DELETE it");
            }
            Schedule schedule = weekly != null ? weekly(weekly) : rotation.parse();
            try {
                // A schedule alone: its exceptions are checked one by one as they are added.
                ShiftPlanner.validate(0, schedule, List.of(), Map.of());
            } catch (ScheduleProblem problem) {
                throw new ScheduleProblem(apiField(problem.field()), problem.getMessage());
            }
            return schedule;
        }

        private static WeeklySchedule weekly(Map<String, Hours> days) {
            Map<DayOfWeek, ShiftHours> byDay = new LinkedHashMap<>();
            days.forEach((name, hours) -> {
                String field = "weekly." + name;
                DayOfWeek day = Arrays.stream(DayOfWeek.values()).filter(d -> d.name().equals(name)).findFirst()
                        .orElseThrow(() -> new ScheduleProblem(field, "'" + name + "' is not a weekday: MONDAY,"
                                + " TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY or SUNDAY"));
                byDay.put(day, required(field, hours).parse(field));
            });
            return new WeeklySchedule(byDay);
        }

        /** The planner names a weekly schedule's days {@code days.MONDAY} and a rotation's hours {@code hours}. */
        private String apiField(String plannerField) {
            if (weekly != null) {
                return plannerField.replaceFirst("^days", "weekly");
            }
            return "rotation." + plannerField.replaceFirst("^hours\\.", "");
        }
    }

    static Schedule read(ManagerSchedule.Kind kind, String data) {
        try {
            return kind == ManagerSchedule.Kind.WEEKLY ? new Body(STORED.readValue(data, WEEKLY), null).toSchedule()
                    : new Body(null, STORED.readValue(data, Rotation.class)).toSchedule();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored " + kind + " schedule is not the JSON it was written as: " + data, e);
        }
    }

    static String write(Schedule schedule) {
        Body body = Body.of(schedule);
        try {
            return STORED.writeValueAsString(body.weekly() != null ? body.weekly() : body.rotation());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A schedule could not be written as JSON", e);
        }
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw new ScheduleProblem(field, "'" + field + "' is missing");
        }
        return value;
    }
}
