package com.shiftrelay.presence;

import com.shiftrelay.crm.CrmDirectory;
import com.shiftrelay.crm.CrmGateway;
import com.shiftrelay.crm.CrmTeam;
import com.shiftrelay.crm.CrmUser;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Mirrors the CRM's users and teams: managers, Tasklist users and groups, one presence process each. */
@Service
public class ManagerDirectory {

    private static final Logger log = LoggerFactory.getLogger(ManagerDirectory.class);

    private final CrmGateway crm;
    private final Managers managers;
    private final Teams teams;
    private final TasklistAccounts accounts;
    private final PresenceSignals signals;
    private final DirectoryProperties properties;
    private final Clock clock;

    ManagerDirectory(CrmGateway crm, Managers managers, Teams teams, TasklistAccounts accounts,
                     PresenceSignals signals, DirectoryProperties properties, Clock clock) {
        this.crm = crm;
        this.managers = managers;
        this.teams = teams;
        this.accounts = accounts;
        this.signals = signals;
        this.properties = properties;
        this.clock = clock;
    }

    /** Returns how many active managers the CRM has. */
    @Transactional
    public int sync() {
        CrmDirectory directory = crm.directory();
        Map<Long, Team> teamsById = directory.teams().stream()
                .map(this::upsertTeam)
                .collect(Collectors.toMap(Team::getId, Function.identity()));
        List<Manager> active = directory.users().stream()
                .map(this::upsertManager)
                .filter(Manager::isActive)
                .toList();
        accounts.sync(active, teamsById, properties.hasInitialPassword() ? properties.initialPassword() : null);
        active.forEach(signals::track);
        log.info("Directory synced from the CRM: {} teams, {} active managers", teamsById.size(), active.size());
        return active.size();
    }

    private Team upsertTeam(CrmTeam crmTeam) {
        Team team = teams.findById(crmTeam.id()).orElseGet(() -> new Team(crmTeam.id(), crmTeam.name()));
        team.rename(crmTeam.name());
        return teams.save(team);
    }

    private Manager upsertManager(CrmUser user) {
        Manager manager = managers.findById(user.id()).orElseGet(() -> {
            String login = Logins.derive(user.id(), user.email(),
                    candidate -> managers.findByLogin(candidate).isPresent());
            return new Manager(user.id(), login, user.name(), user.email(), user.teamId(), clock.instant());
        });
        manager.updateFromCrm(user.name(), user.email(), user.teamId(), user.active());
        return managers.save(manager);
    }
}
