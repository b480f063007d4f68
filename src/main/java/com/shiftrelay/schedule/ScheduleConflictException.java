package com.shiftrelay.schedule;

import com.shiftrelay.web.ConflictException;
import java.util.function.Supplier;

/**
 * A schedule change met a shift or sweep process that was moving on at the same moment (a timer firing while the
 * change is told to it). The change was undone whole; it is made again, and after a few such meetings the caller is
 * told to try again (409), never left with a half-made change.
 */
public class ScheduleConflictException extends ConflictException {

    static final int ATTEMPTS = 4;

    public ScheduleConflictException(String message) {
        super(message);
    }

    /** Runs a whole schedule change (a transaction of its own) again when it met a moving process. */
    static <T> T retried(Supplier<T> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return change.get();
            } catch (ScheduleConflictException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
