package com.shiftrelay.presence.process;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Managers may open Tasklist, see the shared task filters and start a shift, and nothing else: their
 * own tasks they see because the engine grants an assignee rights on the task. Once ready, the first
 * directory sync is started.
 */
@Component
class TasklistAccessSetup {

    private final AuthorizationService authorizations;
    private final IdentityService identity;
    private final FilterService filters;
    private final RuntimeService runtime;
    private final TasklistFilters taskLists;

    TasklistAccessSetup(AuthorizationService authorizations, IdentityService identity, FilterService filters,
                        RuntimeService runtime, TasklistFilters taskLists) {
        this.authorizations = authorizations;
        this.identity = identity;
        this.filters = filters;
        this.runtime = runtime;
        this.taskLists = taskLists;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onReady() {
        taskLists.ensure();
        grantManagers();
        runtime.startProcessInstanceByMessage(PresenceVariables.MESSAGE_DIRECTORY_SYNC_REQUESTED);
    }

    void grantManagers() {
        String group = CamundaTasklistAccounts.MANAGERS_GROUP;
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            Group managers = identity.newGroup(group);
            managers.setName("Managers");
            managers.setType(Groups.GROUP_TYPE_WORKFLOW);
            identity.saveGroup(managers);
        }
        grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(group, Resources.PROCESS_DEFINITION, PresenceVariables.START_SHIFT_PROCESS_KEY,
                ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(group, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
        for (Filter filter : filters.createFilterQuery().list()) {
            grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        boolean exists = authorizations.createAuthorizationQuery()
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).count() > 0;
        if (exists) {
            return;
        }
        Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }
}
