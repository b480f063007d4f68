package com.shiftrelay.schedule.process;

import com.shiftrelay.engine.ShiftRelayCommands;
import com.shiftrelay.presence.Manager;
import com.shiftrelay.presence.Managers;
import com.shiftrelay.presence.Teams;
import com.shiftrelay.schedule.ScheduleChanged;
import com.shiftrelay.schedule.Schedules;
import com.shiftrelay.schedule.TeamScheduleChanged;
import java.util.Map;
import com.shiftrelay.schedule.ScheduleConflictException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps the engine's timers in step with the schedules: a changed schedule (or sweep times) moves its instance's
 * timers at once, in the transaction of the change, and starts the instance when there was none; at start every
 * manager with a schedule and every team with sweep times has its instance.
 */
@Component
class ScheduleTimers {

    private final RuntimeService runtime;
    private final Schedules schedules;
    private final Managers managers;
    private final Teams teams;

    ScheduleTimers(RuntimeService runtime, Schedules schedules, Managers managers, Teams teams) {
        this.runtime = runtime;
        this.schedules = schedules;
        this.managers = managers;
        this.teams = teams;
    }

    @EventListener
    void on(ScheduleChanged changed) {
        managers.findById(changed.managerId()).ifPresent(this::follow);
    }

    @EventListener
    void on(TeamScheduleChanged changed) {
        followSweeps(changed.teamId());
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(3)
    public void onReady() {
        managers.findByActiveTrue().stream().filter(m -> schedules.hasSchedule(m.getId())).forEach(this::follow);
        teams.findAll().stream().filter(t -> !schedules.sweepTimes(t.getId()).isEmpty())
                .forEach(t -> followSweeps(t.getId()));
    }

    private void follow(Manager manager) {
        conflictsTold(() -> ShiftRelayCommands.withoutUserAuthorization(() -> {
            String key = String.valueOf(manager.getId());
            if (running(ScheduleVariables.SHIFTS_PROCESS, key)) {
                runtime.createMessageCorrelation(ScheduleVariables.MESSAGE_SCHEDULE_CHANGED).processInstanceBusinessKey(key)
                        .correlateAllWithResult();
            } else if (schedules.hasSchedule(manager.getId())) {
                runtime.startProcessInstanceByKey(ScheduleVariables.SHIFTS_PROCESS, key, Map.of(
                        ScheduleVariables.MANAGER_ID, manager.getId(), ScheduleVariables.MANAGER_LOGIN, manager.getLogin()));
            }
            return null;
        }));
    }

    private void followSweeps(long teamId) {
        conflictsTold(() -> ShiftRelayCommands.withoutUserAuthorization(() -> {
            String key = String.valueOf(teamId);
            if (running(ScheduleVariables.SWEEPS_PROCESS, key)) {
                runtime.createMessageCorrelation(ScheduleVariables.MESSAGE_TEAM_SCHEDULE_CHANGED)
                        .processInstanceBusinessKey(key).correlateAllWithResult();
            } else if (!schedules.sweepTimes(teamId).isEmpty()) {
                runtime.startProcessInstanceByKey(ScheduleVariables.SWEEPS_PROCESS, key,
                        Map.of(ScheduleVariables.TEAM_ID, teamId));
            }
            return null;
        }));
    }

    /**
     * A process that moved on while it was told of the change (its timer fired meanwhile) fails the telling: the engine
     * finds the update of its execution stale, or (seen on PostgreSQL) the message subscription it found a moment
     * earlier gone. The change, which is undone with it, is made again by its caller.
     */
    static void conflictsTold(Runnable tell) {
        try {
            tell.run();
        } catch (OptimisticLockingException e) {
            throw new ScheduleConflictException("A shift or sweep process moved on while told of the schedule change: "
                    + e.getMessage());
        } catch (ProcessEngineException e) {
            if (e.getMessage() == null || !e.getMessage().contains(SUBSCRIPTION_GONE)) {
                throw e;
            }
            throw new ScheduleConflictException("A shift or sweep process moved on while told of the schedule change: "
                    + e.getMessage());
        }
    }

    /** What MessageEventReceivedCmd says when the execution it was to trigger no longer waits for the message. */
    static final String SUBSCRIPTION_GONE = "does not have a subscription to a message event";

    private boolean running(String process, String businessKey) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(process).processInstanceBusinessKey(businessKey)
                .count() > 0;
    }
}
