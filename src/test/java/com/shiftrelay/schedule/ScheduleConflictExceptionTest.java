package com.shiftrelay.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A schedule change that met a moving process is made again, a few times, and then the caller is told. */
class ScheduleConflictExceptionTest {

    @Test
    void aChangeThatMetAMovingProcessIsMadeAgain() {
        AtomicInteger attempts = new AtomicInteger();

        String result = ScheduleConflictException.retried(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new ScheduleConflictException("moved on");
            }
            return "saved";
        });

        assertThat(result).isEqualTo("saved");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aChangeThatKeepsMeetingOneIsAConflictForTheCaller() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> ScheduleConflictException.retried(() -> {
            attempts.incrementAndGet();
            throw new ScheduleConflictException("moved on");
        })).isInstanceOf(com.shiftrelay.web.ConflictException.class);
        assertThat(attempts).hasValue(ScheduleConflictException.ATTEMPTS);
    }
}
