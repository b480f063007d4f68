package com.shiftrelay.presence.process;

import com.shiftrelay.engine.EngineGrants;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Managers may open Tasklist, see the shared task filters and start a shift, and nothing else: their
 * own tasks they see because the engine grants an assignee rights on the task. Once ready, the first
 * directory sync is started.
 */
@Component
class TasklistAccessSetup {

    private final EngineGrants grants;
    private final FilterService filters;
    private final RuntimeService runtime;
    private final TasklistFilters taskLists;

    TasklistAccessSetup(EngineGrants grants, FilterService filters, RuntimeService runtime, TasklistFilters taskLists) {
        this.grants = grants;
        this.filters = filters;
        this.runtime = runtime;
        this.taskLists = taskLists;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void onReady() {
        taskLists.ensure();
        grantManagers();
        runtime.startProcessInstanceByMessage(PresenceVariables.MESSAGE_DIRECTORY_SYNC_REQUESTED);
    }

    void grantManagers() {
        String group = CamundaTasklistAccounts.MANAGERS_GROUP;
        grants.ensureGroup(group, "Managers");
        grants.grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grants.grant(group, Resources.PROCESS_DEFINITION, PresenceVariables.START_SHIFT_PROCESS_KEY,
                ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
        grants.grant(group, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
        for (Filter filter : filters.createFilterQuery().filterName(TasklistFilters.PRESENCE_CHECKS).list()) {
            grants.grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
        for (Filter filter : filters.createFilterQuery().filterName(TasklistFilters.MY_TASKS).list()) {
            grants.grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }
}
