package com.shiftrelay.distribution.process;

import com.shiftrelay.distribution.TeamDistribution;
import com.shiftrelay.engine.EngineGrants;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The two seats routing adds. Supervisors (the group {@code supervisors}, or whichever group a team names) open
 * Tasklist and find the deals that waited too long in a list of their own that refreshes itself. Process owners (the
 * group {@code processowners}) deploy BPMN and DMN from Camunda Modeler with their own login and use Cockpit, but
 * administer no users, groups or authorizations.
 */
@Component
class DistributionAccessSetup {

    /** Camunda allows only letters and digits in group ids (and camunda-admin). */
    static final String PROCESS_OWNERS = "processowners";
    static final String WAITING_DEALS_FILTER = "Сделки ждут распределения";
    static final String ESCALATION_TASK = "UserTask_DealWaitsTooLong";

    private final EngineGrants grants;
    private final FilterService filters;
    private final TaskService tasks;

    DistributionAccessSetup(EngineGrants grants, FilterService filters, TaskService tasks) {
        this.grants = grants;
        this.filters = filters;
        this.tasks = tasks;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    public void onReady() {
        Filter waiting = waitingDealsFilter();
        String supervisors = TeamDistribution.DEFAULT_SUPERVISOR_GROUP;
        grants.ensureGroup(supervisors, "Руководители смен");
        grants.grant(supervisors, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grants.grant(supervisors, Resources.FILTER, waiting.getId(), Permissions.READ);
        grants.ensureGroup(PROCESS_OWNERS, "Владельцы процессов");
        grants.grant(PROCESS_OWNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grants.grant(PROCESS_OWNERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        for (var resource : List.of(Resources.DEPLOYMENT, Resources.PROCESS_DEFINITION, Resources.PROCESS_INSTANCE,
                Resources.DECISION_DEFINITION, Resources.DECISION_REQUIREMENTS_DEFINITION, Resources.BATCH,
                Resources.HISTORIC_PROCESS_INSTANCE, Resources.HISTORIC_TASK, Resources.TASK)) {
            grants.grant(PROCESS_OWNERS, resource, Authorization.ANY, Permissions.ALL);
        }
        grants.grant(PROCESS_OWNERS, Resources.FILTER, waiting.getId(), Permissions.READ);
    }

    /** Kept as written here on every start, like the managers' lists. */
    private Filter waitingDealsFilter() {
        List<Filter> existing = filters.createTaskFilterQuery().filterName(WAITING_DEALS_FILTER).list();
        Filter filter = existing.isEmpty() ? filters.newTaskFilter(WAITING_DEALS_FILTER) : existing.get(0);
        filter.setQuery(tasks.createTaskQuery().taskDefinitionKey(ESCALATION_TASK)
                .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                .orderByTaskCreateTime().asc());
        filter.setProperties(new HashMap<>(Map.of("priority", -5, "color", "#f0ad4e", "refresh", true,
                "description", "Сделки, которые слишком долго ждут в очереди команды: назначьте их или попросите "
                        + "кого-то начать смену")));
        return filters.saveFilter(filter);
    }
}
