package com.shiftrelay.schedule.process;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shiftrelay.schedule.ScheduleConflictException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

/** A shift process that moves on while it is told of a schedule change makes the change a conflict, to be made again. */
class ScheduleTimersConflictTest {

    @Test
    void aStaleExecutionAndAVanishedSubscriptionAreBothAProcessMovingOn() {
        assertThatThrownBy(() -> ScheduleTimers.conflictsTold(() -> {
            throw new OptimisticLockingException("stale");
        })).isInstanceOf(ScheduleConflictException.class);
        assertThatThrownBy(() -> ScheduleTimers.conflictsTold(() -> {
            throw new ProcessEngineException("Execution with id 'x' " + ScheduleTimers.SUBSCRIPTION_GONE
                    + " with name 'ScheduleChanged': eventSubscriptions is empty");
        })).isInstanceOf(ScheduleConflictException.class);
    }

    @Test
    void anyOtherFailureOfTheEngineIsNotHiddenAsAConflict() {
        assertThatThrownBy(() -> ScheduleTimers.conflictsTold(() -> {
            throw new ProcessEngineException("No process definition ManagerShifts");
        })).isInstanceOf(ProcessEngineException.class).isNotInstanceOf(ScheduleConflictException.class);
        assertThatCode(() -> ScheduleTimers.conflictsTold(() -> { })).doesNotThrowAnyException();
    }
}
