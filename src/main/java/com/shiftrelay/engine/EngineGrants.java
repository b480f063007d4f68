package com.shiftrelay.engine;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Camunda groups and the authorizations ShiftRelay gives them at start: created when missing, never widened or
 * narrowed behind an admin's back once they exist (an admin may change them in Camunda Admin).
 */
@Component
public class EngineGrants {

    private final AuthorizationService authorizations;
    private final IdentityService identity;

    EngineGrants(AuthorizationService authorizations, IdentityService identity) {
        this.authorizations = authorizations;
        this.identity = identity;
    }

    public void ensureGroup(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(Groups.GROUP_TYPE_WORKFLOW);
            identity.saveGroup(group);
        }
    }

    /** Grants the permissions on the resource unless the group has an authorization for it already. */
    public void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        boolean exists = authorizations.createAuthorizationQuery()
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).count() > 0;
        if (exists) {
            return;
        }
        Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }

    /** A user with this login, password and name, in these groups; an existing user is left as it is. */
    public void ensureUser(String login, String password, String firstName, String lastName, String... groups) {
        if (identity.createUserQuery().userId(login).count() == 0) {
            var user = identity.newUser(login);
            user.setPassword(password);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            identity.saveUser(user);
            for (String group : groups) {
                identity.createMembership(login, group);
            }
        }
    }
}
