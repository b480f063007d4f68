package com.shiftrelay.presence.process;

import com.shiftrelay.presence.Manager;
import com.shiftrelay.presence.TasklistAccounts;
import com.shiftrelay.presence.Team;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Managers as Camunda users; teams as Camunda groups named {@code team<crm id>}; all in {@code managers}.
 * What exists is read once up front, because inside one command the engine's queries do not see the
 * users, groups and memberships this call has just created.
 */
@Component
class CamundaTasklistAccounts implements TasklistAccounts {

    private static final Logger log = LoggerFactory.getLogger(CamundaTasklistAccounts.class);

    static final String MANAGERS_GROUP = "managers";
    static final String TEAM_GROUP_PREFIX = "team";

    private final IdentityService identity;

    CamundaTasklistAccounts(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void sync(Collection<Manager> managers, Map<Long, Team> teams, String initialPassword) {
        Map<String, Group> groups = identity.createGroupQuery().list().stream()
                .collect(Collectors.toMap(Group::getId, group -> group));
        ensureGroup(groups, MANAGERS_GROUP, "Managers");
        teams.values().forEach(team -> ensureGroup(groups, TEAM_GROUP_PREFIX + team.getId(), team.getName()));
        for (Manager manager : managers) {
            try {
                syncAccount(manager, groups, initialPassword);
            } catch (ProcessEngineException conflict) {
                // Another directory sync wrote the same user at the same moment: what it wrote is what
                // this one would have. Anything else (the user still missing) is a real failure.
                if (identity.createUserQuery().userId(manager.getLogin()).count() == 0) {
                    throw conflict;
                }
                log.info("Tasklist user {} was written by a concurrent directory sync", manager.getLogin());
            }
        }
    }

    private void syncAccount(Manager manager, Map<String, Group> groups, String initialPassword) {
        syncUser(manager, initialPassword);
        Set<String> memberOf = identity.createGroupQuery().groupMember(manager.getLogin()).list().stream()
                .map(Group::getId).collect(Collectors.toCollection(HashSet::new));
        String teamGroup = manager.getTeamId() == null ? null : TEAM_GROUP_PREFIX + manager.getTeamId();
        for (String group : memberOf) {
            if (group.startsWith(TEAM_GROUP_PREFIX) && !group.equals(teamGroup)) {
                identity.deleteMembership(manager.getLogin(), group);
            }
        }
        join(memberOf, MANAGERS_GROUP, manager.getLogin());
        if (teamGroup != null && groups.containsKey(teamGroup)) {
            join(memberOf, teamGroup, manager.getLogin());
        }
    }

    @Override
    public void remove(Manager manager) {
        // Deleting the user takes its group memberships and authorizations with it.
        if (identity.createUserQuery().userId(manager.getLogin()).count() > 0) {
            identity.deleteUser(manager.getLogin());
        }
    }

    private void syncUser(Manager manager, String initialPassword) {
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
    }

    private void ensureGroup(Map<String, Group> groups, String id, String name) {
        Group group = groups.get(id);
        if (group == null) {
            group = identity.newGroup(id);
            group.setType(Groups.GROUP_TYPE_WORKFLOW);
        } else if (name.equals(group.getName())) {
            return;
        }
        group.setName(name);
        try {
            identity.saveGroup(group);
        } catch (ProcessEngineException conflict) {
            // Written by a concurrent directory sync a moment earlier, with the same name.
            if (identity.createGroupQuery().groupId(id).count() == 0) {
                throw conflict;
            }
        }
        groups.put(id, group);
    }

    private void join(Set<String> memberOf, String group, String login) {
        if (memberOf.add(group)) {
            identity.createMembership(login, group);
        }
    }
}
