package com.shiftrelay.presence.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The task lists a manager finds in Tasklist. Each refreshes by itself (Tasklist reloads a filter with
 * {@code refresh} every 10 seconds), so a presence check shows up on a page nobody reloads; the presence
 * check comes first (lowest priority number, Tasklist's default selection). Kept as written here on every
 * start: a filter edited in Tasklist's dialog is set back, so the presence check cannot be hidden by accident.
 */
@Component
class TasklistFilters {

    static final String PRESENCE_CHECKS = "Проверка присутствия";
    static final String MY_TASKS = "Мои задачи";
    /** The presence check, the return check and the prompt at a scheduled shift's start (ManagerShifts). */
    static final List<String> PRESENCE_TASKS = List.of("UserTask_ConfirmPresence", "UserTask_ConfirmReturn",
            "UserTask_StartShift");

    private final FilterService filters;
    private final TaskService tasks;

    TasklistFilters(FilterService filters, TaskService tasks) {
        this.filters = filters;
        this.tasks = tasks;
    }

    void ensure() {
        save(PRESENCE_CHECKS, tasks.createTaskQuery()
                        .taskDefinitionKeyIn(PRESENCE_TASKS.toArray(String[]::new))
                        .taskAssigneeExpression("${currentUser()}")
                        .orderByDueDate().asc(),
                Map.of("priority", -10, "color", "#c9302c", "refresh", true,
                        "description", "«Вы на работе?», возврат сделок и начало смены: ответьте до срока, иначе ваши открытые "
                                + "сделки передадут коллегам на смене"));
        save(MY_TASKS, tasks.createTaskQuery()
                        .taskAssigneeExpression("${currentUser()}")
                        .orderByDueDate().asc(),
                Map.of("priority", 0, "color", "#3a87ad", "refresh", true,
                        "description", "Все задачи, назначенные вам"));
    }

    private void save(String name, TaskQuery query, Map<String, Object> properties) {
        List<Filter> existing = filters.createTaskFilterQuery().filterName(name).list();
        Filter filter = existing.isEmpty() ? filters.newTaskFilter(name) : existing.get(0);
        filter.setQuery(query);
        filter.setProperties(new HashMap<>(properties));
        filters.saveFilter(filter);
    }
}
