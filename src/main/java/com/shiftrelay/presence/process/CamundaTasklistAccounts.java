package com.shiftrelay.presence.process;

import com.shiftrelay.presence.Manager;
import com.shiftrelay.presence.TasklistAccounts;
import com.shiftrelay.presence.Team;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.stereotype.Component;

/** Managers as Camunda users; teams as Camunda groups named {@code team<crm id>}; all in {@code managers}. */
@Component
class CamundaTasklistAccounts implements TasklistAccounts {

    static final String MANAGERS_GROUP = "managers";
    static final String TEAM_GROUP_PREFIX = "team";

    private final IdentityService identity;

    CamundaTasklistAccounts(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void sync(Manager manager, Team team, String initialPassword) {
        User user = identity.createUserQuery().userId(manager.getLogin()).singleResult();
        if (user == null) {
            user = identity.newUser(manager.getLogin());
            if (initialPassword != null) {
                user.setPassword(initialPassword);
            }
        }
        String[] names = manager.getName().trim().split("\\s+", 2);
        user.setFirstName(names[0]);
        user.setLastName(names.length > 1 ? names[1] : "");
        user.setEmail(manager.getEmail());
        identity.saveUser(user);

        ensureGroup(MANAGERS_GROUP, "Managers");
        ensureMember(MANAGERS_GROUP, manager.getLogin());
        String teamGroup = team == null ? null : TEAM_GROUP_PREFIX + team.getId();
        for (Group group : identity.createGroupQuery().groupMember(manager.getLogin()).list()) {
            if (group.getId().startsWith(TEAM_GROUP_PREFIX) && !group.getId().equals(teamGroup)) {
                identity.deleteMembership(manager.getLogin(), group.getId());
            }
        }
        if (team != null) {
            Group group = ensureGroup(teamGroup, team.getName());
            if (!team.getName().equals(group.getName())) {
                group.setName(team.getName());
                identity.saveGroup(group);
            }
            ensureMember(teamGroup, manager.getLogin());
        }
    }

    private Group ensureGroup(String id, String name) {
        Group group = identity.createGroupQuery().groupId(id).singleResult();
        if (group == null) {
            group = identity.newGroup(id);
            group.setName(name);
            group.setType(Groups.GROUP_TYPE_WORKFLOW);
            identity.saveGroup(group);
        }
        return group;
    }

    private void ensureMember(String groupId, String login) {
        if (identity.createUserQuery().userId(login).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(login, groupId);
        }
    }
}
