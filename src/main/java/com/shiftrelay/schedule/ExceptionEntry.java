package com.shiftrelay.schedule;

import com.shiftrelay.schedule.ScheduleException.DayOff;
import com.shiftrelay.schedule.ScheduleException.ExtraShift;
import com.shiftrelay.schedule.ScheduleException.PartialShift;
import com.shiftrelay.schedule.ScheduleException.SickLeave;
import com.shiftrelay.schedule.ScheduleException.Swap;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import org.hibernate.annotations.JdbcType;
import org.hibernate.type.descriptor.jdbc.LocalDateJdbcType;
import org.hibernate.type.descriptor.jdbc.LocalTimeJdbcType;

/**
 * One exception to a manager's schedule as stored: a row per manager, so a swap is two rows tied by their swap id.
 *
 * <p>Dates and times are handed to the driver as they are: by default Hibernate would convert them through
 * {@code java.sql.Date}/{@code Time} in the JVM's zone and read them in UTC ({@code hibernate.jdbc.time_zone}), which
 * on a server east of UTC moves 5 December to the 4th and 08:00 to 05:00.
 */
@Entity
@Table(name = "schedule_exception")
class ExceptionEntry {

    /** The kinds as the API names them. */
    enum Kind {
        DAY_OFF, SICK_LEAVE, SWAP, PARTIAL_SHIFT, EXTRA_SHIFT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "manager_id", nullable = false)
    private long managerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Kind kind;

    @Column(name = "from_date", nullable = false)
    @JdbcType(LocalDateJdbcType.class)
    private LocalDate fromDate;

    @Column(name = "to_date", nullable = false)
    @JdbcType(LocalDateJdbcType.class)
    private LocalDate toDate;

    @Column(name = "start_time")
    @JdbcType(LocalTimeJdbcType.class)
    private LocalTime startTime;

    @Column(name = "end_time")
    @JdbcType(LocalTimeJdbcType.class)
    private LocalTime endTime;

    private Boolean overnight;

    @Column(name = "colleague_id")
    private Long colleagueId;

    @Column(name = "swap_id", length = 36)
    private String swapId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ExceptionEntry() {
    }

    /** {@code swapId}: what ties a swap's two halves; null for every other kind. */
    ExceptionEntry(long managerId, ScheduleException exception, String swapId, Instant now) {
        this.managerId = managerId;
        this.kind = kindOf(exception);
        this.fromDate = exception.from();
        this.toDate = exception.to();
        hoursOf(exception).ifPresent(hours -> {
            this.startTime = hours.start();
            this.endTime = hours.end();
            this.overnight = hours.overnight();
        });
        this.colleagueId = exception instanceof Swap swap ? swap.colleagueId() : null;
        this.swapId = swapId;
        this.createdAt = now;
    }

    static Kind kindOf(ScheduleException exception) {
        if (exception instanceof DayOff) {
            return Kind.DAY_OFF;
        } else if (exception instanceof SickLeave) {
            return Kind.SICK_LEAVE;
        } else if (exception instanceof Swap) {
            return Kind.SWAP;
        } else if (exception instanceof PartialShift) {
            return Kind.PARTIAL_SHIFT;
        }
        return Kind.EXTRA_SHIFT;
    }

    ScheduleException exception() {
        return switch (kind) {
            case DAY_OFF -> new DayOff(fromDate);
            case SICK_LEAVE -> new SickLeave(fromDate, toDate);
            case SWAP -> new Swap(fromDate, colleagueId);
            case PARTIAL_SHIFT -> new PartialShift(fromDate, hours().orElseThrow());
            case EXTRA_SHIFT -> new ExtraShift(fromDate, hours().orElseThrow());
        };
    }

    /** The hours of a partial or an extra shift; empty for the other kinds. */
    static Optional<ShiftHours> hoursOf(ScheduleException exception) {
        if (exception instanceof PartialShift partial) {
            return Optional.of(partial.hours());
        }
        return exception instanceof ExtraShift extra ? Optional.of(extra.hours()) : Optional.empty();
    }

    Optional<ShiftHours> hours() {
        return startTime == null ? Optional.empty()
                : Optional.of(new ShiftHours(startTime, endTime, Boolean.TRUE.equals(overnight)));
    }

    boolean covers(LocalDate date) {
        return !date.isBefore(fromDate) && !date.isAfter(toDate);
    }

    Long id() {
        return id;
    }

    long managerId() {
        return managerId;
    }

    Kind kind() {
        return kind;
    }

    LocalDate fromDate() {
        return fromDate;
    }

    LocalDate toDate() {
        return toDate;
    }

    Long colleagueId() {
        return colleagueId;
    }

    String swapId() {
        return swapId;
    }

    Instant createdAt() {
        return createdAt;
    }
}
