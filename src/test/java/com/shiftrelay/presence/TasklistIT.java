package com.shiftrelay.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shiftrelay.sandbox.SandboxCrm;
import com.shiftrelay.support.Api;
import com.shiftrelay.support.ShiftRelayIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a manager's Tasklist is given by the running application: task lists that reload themselves with the
 * presence check first, a check that is due when it runs out, the Russian locale and the notification
 * plugin, and presence instances that name their manager for Cockpit.
 */
@ShiftRelayIntegrationTest
class TasklistIT {

    @Autowired SandboxCrm sandbox;
    @Autowired ManagerDirectory directory;
    @Autowired Managers managers;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @LocalServerPort int port;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aManagersTaskListsRefreshThemselvesAndTheCheckComesFirst() {
        long team = sandbox.createTeam("Списки задач");
        long anna = sandbox.createUser("Анна Списки", "annalists@demo.shiftrelay.local", team);
        directory.sync();
        Api api = new Api(port);

        Api.Response filters = api.get("/engine-rest/filter?resourceType=Task&itemCount=false", "annalists", "demo");
        assertThat(filters.status()).as(filters.text()).isEqualTo(200);
        List<JsonNode> byPriority = new ArrayList<>();
        filters.body().forEach(byPriority::add);
        byPriority.sort((a, b) -> Integer.compare(a.at("/properties/priority").asInt(), b.at("/properties/priority").asInt()));
        assertThat(byPriority).extracting(f -> f.get("name").asText()).containsExactly("Проверка присутствия", "Мои задачи");
        assertThat(byPriority).allSatisfy(f -> {
            assertThat(f.at("/properties/refresh").asBoolean()).as("reloads itself").isTrue();
            assertThat(f.at("/properties/description").asText()).isNotBlank();
            assertThat(f.at("/properties/color").asText()).startsWith("#");
        });

        // The presence check list shows her check, assigned to her, and nothing else.
        assertThat(api.post("/api/managers/" + anna + "/online", null, "admin", "admin").status()).isEqualTo(202);
        Task check = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery()
                .taskAssignee("annalists").taskDefinitionKey("UserTask_ConfirmPresence").singleResult(), t -> t != null);
        String presenceList = byPriority.get(0).get("id").asText();
        Api.Response listed = api.get("/engine-rest/filter/" + presenceList + "/list", "annalists", "demo");
        assertThat(listed.status()).as(listed.text()).isEqualTo(200);
        assertThat(listed.body()).extracting(t -> t.get("id").asText()).containsExactly(check.getId());
    }

    @Test
    void aPresenceCheckIsDueWhenItRunsOutAndTheInstanceNamesItsManager() {
        long team = sandbox.createTeam("Сроки");
        long vera = sandbox.createUser("Вера Сроки", "veradue@demo.shiftrelay.local", team);
        directory.sync();
        ProcessInstance presence = runtime.createProcessInstanceQuery().processDefinitionKey("ManagerPresence")
                .processInstanceBusinessKey(String.valueOf(vera)).singleResult();
        assertThat(runtime.getVariables(presence.getId()))
                .containsEntry("managerName", "Вера Сроки").containsEntry("presenceState", "OFFLINE");

        assertThat(new Api(port).post("/api/managers/" + vera + "/online", null, "admin", "admin").status()).isEqualTo(202);
        Task check = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery()
                .taskAssignee("veradue").taskDefinitionKey("UserTask_ConfirmPresence").singleResult(), t -> t != null);
        Job timeout = management.createJobQuery().processInstanceId(check.getProcessInstanceId()).timers()
                .activityId("BoundaryEvent_ConfirmationTimedOut").singleResult();

        assertThat(check.getDueDate()).as("Tasklist counts down to the timeout").isEqualTo(timeout.getDuedate());
        assertThat(runtime.getVariable(presence.getId(), "presenceState")).isEqualTo("CONFIRMING");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "OFFLINE".equals(runtime.getVariable(presence.getId(), "presenceState")));
        assertThat(managers.findById(vera).orElseThrow().getState()).isEqualTo(PresenceState.OFFLINE);
    }

    @Test
    void tasklistSpeaksRussianAndLoadsTheNotificationPlugin() throws Exception {
        Api api = new Api(port);
        Api.Response config = api.get("/camunda/app/tasklist/scripts/config.js", null, null);
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.text()).contains("availableLocales: ['ru', 'en']", "fallbackLocale: 'ru'",
                "scripts/shiftrelay/presence-alerts.js");

        Api.Response russian = api.get("/camunda/app/tasklist/locales/ru.json", null, null);
        assertThat(russian.status()).isEqualTo(200);
        // Camunda's own en.json starts with a byte order mark.
        JsonNode english = json.readTree(api.get("/camunda/app/tasklist/locales/en.json", null, null).text()
                .replace("\uFEFF", ""));
        JsonNode labels = russian.body().get("labels");
        List<String> untranslated = new ArrayList<>();
        english.get("labels").fieldNames().forEachRemaining(key -> {
            if (!labels.hasNonNull(key)) {
                untranslated.add(key);
            }
        });
        assertThat(untranslated).as("every label Tasklist has in English").isEmpty();
        assertThat(Map.of("COMPLETE", labels.get("COMPLETE").asText(), "START", labels.get("START").asText()))
                .containsEntry("COMPLETE", "Завершить").containsEntry("START", "Запустить");

        Api.Response plugin = api.get("/camunda/app/tasklist/scripts/shiftrelay/presence-alerts.js", null, null);
        assertThat(plugin.status()).isEqualTo(200);
        assertThat(plugin.contentType()).contains("javascript");
        assertThat(plugin.text()).contains("pluginPoint: 'tasklist.navbar.action'");
    }
}
