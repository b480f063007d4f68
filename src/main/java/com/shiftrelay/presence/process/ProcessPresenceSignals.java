package com.shiftrelay.presence.process;

import com.shiftrelay.presence.Manager;
import com.shiftrelay.engine.ShiftRelayCommands;
import com.shiftrelay.presence.PresenceSignals;
import java.util.HashMap;
import java.util.concurrent.Callable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import com.shiftrelay.presence.PresenceConflictException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Delivers presence signals as BPMN messages to the manager's presence process (business key = the
 * manager id). A message nobody waits for is dropped on purpose: see {@link PresenceSignals}.
 */
@Component
class ProcessPresenceSignals implements PresenceSignals {

    private final RuntimeService runtime;

    ProcessPresenceSignals(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void activityNoticed(long managerId) {
        correlate(PresenceVariables.MESSAGE_ACTIVITY_NOTICED, managerId);
    }

    @Override
    public void presenceConfirmed(long managerId) {
        correlate(PresenceVariables.MESSAGE_PRESENCE_CONFIRMED, managerId);
    }

    @Override
    public boolean wentOffline(long managerId) {
        return !correlate(PresenceVariables.MESSAGE_WENT_OFFLINE, managerId).isEmpty();
    }

    @Override
    public boolean shiftEnded(long managerId) {
        try {
            return !asShiftRelay(() -> runtime.createMessageCorrelation(PresenceVariables.MESSAGE_SHIFT_ENDED)
                    .processInstanceBusinessKey(String.valueOf(managerId))
                    .setVariable(PresenceVariables.PRESENCE_CHECK_REASON, PresenceVariables.REASON_SHIFT_END)
                    .correlateAllWithResult()).isEmpty();
        } catch (OptimisticLockingException e) {
            throw new PresenceConflictException(managerId, e);
        }
    }

    @Override
    public void deactivated(long managerId) {
        correlate(PresenceVariables.MESSAGE_MANAGER_DEACTIVATED, managerId);
    }

    @Override
    public void teamMemberCameOnline(long teamId) {
        asShiftRelay(() -> runtime.createMessageCorrelation(PresenceVariables.MESSAGE_TEAM_MEMBER_CAME_ONLINE)
                .processInstanceVariableEquals(PresenceVariables.TEAM_ID, teamId)
                .correlateAllWithResult());
    }

    @Override
    public void track(Manager manager) {
        String businessKey = String.valueOf(manager.getId());
        ProcessInstance running = runtime.createProcessInstanceQuery()
                .processDefinitionKey(PresenceVariables.PROCESS_KEY)
                .processInstanceBusinessKey(businessKey)
                .singleResult();
        Map<String, Object> variables = new HashMap<>();
        variables.put(PresenceVariables.MANAGER_LOGIN, manager.getLogin());
        variables.put(PresenceVariables.TEAM_ID, manager.getTeamId());
        variables.put(PresenceVariables.MANAGER_NAME, manager.getName());
        if (running != null) {
            // Only what changed: a write to a busy instance would make its running step retry.
            Map<String, Object> current = runtime.getVariables(running.getId(), variables.keySet());
            variables.entrySet().removeIf(entry -> Objects.equals(current.get(entry.getKey()), entry.getValue()));
            if (!variables.isEmpty()) {
                runtime.setVariables(running.getId(), variables);
            }
            return;
        }
        variables.put(PresenceVariables.MANAGER_ID, manager.getId());
        variables.put(PresenceVariables.HANDOVER_OUTCOME, PresenceVariables.NO_HANDOVER);
        variables.put(PresenceVariables.PRESENCE_STATE, manager.getState().name());
        runtime.startProcessInstanceByKey(PresenceVariables.PROCESS_KEY, businessKey, variables);
    }

    private List<MessageCorrelationResult> correlate(String message, long managerId) {
        try {
            return asShiftRelay(() -> runtime.createMessageCorrelation(message)
                    .processInstanceBusinessKey(String.valueOf(managerId))
                    .correlateAllWithResult());
        } catch (OptimisticLockingException e) {
            throw new PresenceConflictException(managerId, e);
        }
    }

    private static <T> T asShiftRelay(Callable<T> signal) {
        return ShiftRelayCommands.withoutUserAuthorization(signal);
    }
}
