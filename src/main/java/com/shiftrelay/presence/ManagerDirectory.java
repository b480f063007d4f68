package com.shiftrelay.presence;

import com.shiftrelay.crm.CrmDirectory;
import com.shiftrelay.crm.CrmGateway;
import com.shiftrelay.crm.CrmTeam;
import com.shiftrelay.crm.CrmUser;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final ReentrantLock syncing = new ReentrantLock();

    ManagerDirectory(CrmGateway crm, Managers managers, Teams teams, TasklistAccounts accounts,
                     PresenceSignals signals, DirectoryProperties properties, Clock clock,
                     ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.crm = crm;
        this.managers = managers;
        this.teams = teams;
        this.accounts = accounts;
        this.signals = signals;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
        // Its own transactions even when a process job calls it, so no manager row stays locked for the sync.
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Returns how many active managers the CRM has. One sync at a time on this node, until its transaction
     * (a process job's, when the engine runs it) has committed: a second sync then finds the presence
     * processes the first one started. The CRM is read outside any transaction of ours; each manager is
     * written in a short transaction of its own under the row lock the presence steps take, so a manager
     * whose presence changes meanwhile neither fails the sync nor is overwritten.
     */
    public int sync() {
        syncing.lock();
        boolean unlockAfterCommit = TransactionSynchronizationManager.isSynchronizationActive();
        if (unlockAfterCommit) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    syncing.unlock();
                }
            });
        }
        try {
            return syncNow();
        } finally {
            if (!unlockAfterCommit) {
                syncing.unlock();
            }
        }
    }

    private int syncNow() {
        CrmDirectory directory = crm.directory();
        Map<Long, Team> teamsById;
        try {
            teamsById = upsertTeams(directory);
        } catch (DataIntegrityViolationException lostTheRace) {
            // Another sync inserted a new team a moment earlier: this time it is there to update.
            teamsById = upsertTeams(directory);
        }
        List<Manager> active = new ArrayList<>();
        List<Manager> deactivated = new ArrayList<>();
        List<Long> created = new ArrayList<>();
        for (CrmUser user : directory.users()) {
            try {
                syncOne(user, active, deactivated, created);
            } catch (DataIntegrityViolationException lostTheRace) {
                // Another sync inserted this new manager a moment earlier: now there is a row to lock.
                syncOne(user, active, deactivated, created);
            }
        }
        accounts.sync(active, teamsById, properties.hasInitialPassword() ? properties.initialPassword() : null);
        // Switched off in the CRM: no Tasklist login any more, and their deals go like any OFFLINE manager's.
        for (Manager manager : deactivated) {
            accounts.remove(manager);
            signals.deactivated(manager.getId());
            log.info("Manager {} ({}) was deactivated in the CRM: Tasklist login removed, deals handed over",
                    manager.getId(), manager.getLogin());
        }
        log.info("Directory synced from the CRM: {} teams, {} active managers", teamsById.size(), active.size());
        events.publishEvent(new DirectorySynced(List.copyOf(created)));
        return active.size();
    }

    private Map<Long, Team> upsertTeams(CrmDirectory directory) {
        return transaction.execute(status -> {
            Map<Long, Team> teams = directory.teams().stream()
                    .map(this::upsertTeam)
                    .collect(Collectors.toMap(Team::getId, Function.identity()));
            this.teams.flush();
            return teams;
        });
    }

    private void syncOne(CrmUser user, List<Manager> active, List<Manager> deactivated, List<Long> created) {
        transaction.executeWithoutResult(status -> {
            Manager manager = managers.lockById(user.id()).orElse(null);
            boolean wasActive = manager != null && manager.isActive();
            boolean isNew = manager == null;
            manager = upsertManager(manager, user);
            managers.flush();
            if (isNew) {
                created.add(manager.getId());
            }
            if (manager.isActive()) {
                // Under the row lock: two syncs at once (a timer's and an admin's, two nodes) never
                // both find no presence instance and start one each.
                signals.track(manager);
                active.add(manager);
            } else if (wasActive) {
                deactivated.add(manager);
            }
        });
    }

    private Team upsertTeam(CrmTeam crmTeam) {
        Team team = teams.findById(crmTeam.id()).orElseGet(() -> new Team(crmTeam.id(), crmTeam.name()));
        team.rename(crmTeam.name());
        return teams.save(team);
    }

    private Manager upsertManager(Manager known, CrmUser user) {
        Manager manager = known != null ? known : new Manager(user.id(), Logins.derive(user.id(), user.email(),
                candidate -> managers.findByLogin(candidate).isPresent()), user.name(), user.email(), user.teamId(),
                clock.instant());
        manager.updateFromCrm(user.name(), user.email(), user.teamId(), user.active());
        return managers.save(manager);
    }
}
