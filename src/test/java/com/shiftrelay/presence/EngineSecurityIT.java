package com.shiftrelay.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.shiftrelay.sandbox.SandboxCrm;
import com.shiftrelay.support.Api;
import com.shiftrelay.support.ShiftRelayIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The engine REST API is closed to strangers, a manager sees only their own tasks and starts only their own
 * shift, and the Camunda webapps keep their own login and CSRF protection.
 */
@ShiftRelayIntegrationTest
class EngineSecurityIT {

    @Autowired
    SandboxCrm sandbox;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    ManagerDirectory directory;

    @Autowired
    Managers managers;

    @LocalServerPort
    int port;

    @Test
    void theEngineRestApiRefusesARequestWithoutCredentials() {
        Api api = new Api(port);

        assertThat(api.get("/engine-rest/task", null, null).status()).isEqualTo(401);
        assertThat(api.get("/engine-rest/process-instance", null, null).status()).isEqualTo(401);
        assertThat(api.get("/engine-rest/task", "admin", "admin").status()).isEqualTo(200);
        // A wrong password is refused (and, by the engine's login throttling, delays that user's next try).
        assertThat(api.get("/engine-rest/task", "nobody", "wrong").status()).isEqualTo(401);
        // Still Camunda's own filter: its realm, its (empty) body.
        assertThat(api.get("/engine-rest/task", null, null).header("WWW-Authenticate")).contains("Basic realm=\"default\"");
    }

    @Test
    void nobodyStartsAShiftForSomebodyElse() {
        long team = sandbox.createTeam("Смена подмены");
        long anna = sandbox.createUser("Анна Подменная", "annaforged@demo.shiftrelay.local", team);
        long boris = sandbox.createUser("Борис Подменяющий", "borisforged@demo.shiftrelay.local", team);
        directory.sync();
        Api api = new Api(port);

        // Boris starts "Начать смену" through the engine REST API and names Anna as the starter.
        var started = api.post("/engine-rest/process-definition/key/StartShift/start",
                "{\"variables\":{\"starterLogin\":{\"value\":\"annaforged\"}}}", "borisforged", "demo");
        assertThat(started.status()).as(started.text()).isEqualTo(200);
        String instance = started.body().get("id").asText();

        await().atMost(Duration.ofSeconds(20)).until(() -> ended(instance));
        assertThat(passed(instance, "EndEvent_ShiftStarted")).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> state(boris) == PresenceState.ONLINE);
        assertThat(state(anna)).isEqualTo(PresenceState.OFFLINE);
        assertThat(managers.findById(anna).orElseThrow().getLastConfirmedAt()).isNull();
    }

    @Test
    void anAdministratorWhoIsNoManagerStartsNoShiftAndCausesNoIncident() {
        var started = new Api(port).post("/engine-rest/process-definition/key/StartShift/start", "{}", "admin", "admin");
        assertThat(started.status()).as(started.text()).isEqualTo(200);
        String instance = started.body().get("id").asText();

        // Told at once, in a task of their own, and nothing else happens.
        Api.Response told = new Api(port).get("/engine-rest/task?processInstanceId=" + instance, "admin", "admin");
        assertThat(told.body()).hasSize(1);
        assertThat(told.body().get(0).get("name").asText()).isEqualTo("Смену начинают только менеджеры");
        assertThat(told.body().get(0).get("assignee").asText()).isEqualTo("admin");
        assertThat(new Api(port).post("/engine-rest/task/" + told.body().get(0).get("id").asText() + "/complete", "{}",
                "admin", "admin").status()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(20)).until(() -> ended(instance));
        assertThat(passed(instance, "EndEvent_NotAManager")).isTrue();
        assertThat(passed(instance, "Task_ConfirmShiftStart")).isFalse();
        assertThat(history.createHistoricIncidentQuery().processInstanceId(instance).count()).isZero();
    }

    @Test
    void theWebappsKeepTheirOwnSessionLoginAndCsrfProtection() {
        long team = sandbox.createTeam("Смена веба");
        long gleb = sandbox.createUser("Глеб Вебов", "glebweb@demo.shiftrelay.local", team);
        directory.sync();
        Api browser = Api.browser(port);
        // A browser that used ShiftRelay's API first holds its XSRF-TOKEN too, at "/"; the webapps' own, at
        // /camunda, comes first there and keeps working.
        assertThat(browser.request("GET", "/api/teams").basic("glebweb", "demo").header("Sec-Fetch-Site", "same-origin")
                .send().status()).isEqualTo(200);
        String apiToken = browser.cookie("XSRF-TOKEN", "/api/").orElseThrow();

        // As the browser does: open Tasklist (the session gets Camunda's CSRF token), log in, read tasks.
        var page = browser.request("GET", "/camunda/app/tasklist/default/").header("Accept", "text/html").send();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("X-Frame-Options")).as("Spring Security adds no headers here").isEmpty();
        var login = browser.request("POST", "/camunda/api/admin/auth/user/default/login/tasklist")
                .header("X-XSRF-TOKEN", xsrfToken(browser))
                .form("username=glebweb&password=demo")
                .send();
        assertThat(login.status()).as(login.text()).isEqualTo(200);
        assertThat(xsrfToken(browser)).isNotEqualTo(apiToken);
        var taskList = browser.request("GET", "/camunda/api/engine/engine/default/task")
                .header("X-XSRF-TOKEN", xsrfToken(browser)).header("Accept", "application/json").send();
        assertThat(taskList.status()).as(taskList.text()).isEqualTo(200);
        assertThat(taskList.body().isArray()).isTrue();

        // "Начать смену" from Tasklist: the logged-in user is the starter.
        String definition = browser.request("GET", "/camunda/api/engine/engine/default/process-definition/key/StartShift")
                .header("X-XSRF-TOKEN", xsrfToken(browser)).send().body().get("id").asText();
        var submitted = browser.request("POST", "/camunda/api/engine/engine/default/process-definition/" + definition
                        + "/submit-form")
                .header("X-XSRF-TOKEN", xsrfToken(browser)).json("{\"variables\":{}}").send();
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> state(gleb) == PresenceState.ONLINE);

        // Without the token Camunda's own filter refuses a change (and ends the session).
        var forged = browser.request("POST", "/camunda/api/engine/engine/default/process-definition/" + definition
                + "/submit-form").json("{\"variables\":{}}").send();
        assertThat(forged.status()).isEqualTo(403);
    }

    @Test
    void aManagerSeesOnlyTheirOwnTasks() {
        long team = sandbox.createTeam("Смена безопасности");
        sandbox.createUser("Олег Первый", "olegsec@demo.shiftrelay.local", team);
        sandbox.createUser("Полина Вторая", "polinasec@demo.shiftrelay.local", team);
        directory.sync();
        Task olegs = standaloneTask("Перезвонить клиенту", "olegsec");
        Task polinas = standaloneTask("Подготовить договор", "polinasec");
        Api api = new Api(port);

        List<String> visibleToOleg = new ArrayList<>();
        api.get("/engine-rest/task", "olegsec", "demo").body().forEach(t -> visibleToOleg.add(t.get("id").asText()));

        assertThat(visibleToOleg).contains(olegs.getId()).doesNotContain(polinas.getId());
        assertThat(api.get("/engine-rest/task/" + polinas.getId(), "olegsec", "demo").status()).isIn(403, 404);
        assertThat(api.post("/engine-rest/task/" + polinas.getId() + "/complete", "{}", "olegsec", "demo").status())
                .isIn(403, 404);
        assertThat(tasks.createTaskQuery().taskId(polinas.getId()).count()).as("Polina's task is untouched").isEqualTo(1);
        JsonNode own = api.get("/engine-rest/task/" + olegs.getId(), "olegsec", "demo").body();
        assertThat(own.get("assignee").asText()).isEqualTo("olegsec");
    }

    @Test
    void aManagerMayNotActForAnotherManagerButAnAdminMay() {
        long team = sandbox.createTeam("Смена прав");
        long rita = sandbox.createUser("Рита Третья", "ritasec@demo.shiftrelay.local", team);
        sandbox.createUser("Семён Четвёртый", "semensec@demo.shiftrelay.local", team);
        directory.sync();
        Api api = new Api(port);

        assertThat(api.post("/api/managers/" + rita + "/offline", null, "semensec", "demo").status()).isEqualTo(403);
        assertThat(api.post("/api/managers/" + rita + "/activity", null, "semensec", "demo").status()).isEqualTo(403);
        assertThat(api.post("/api/managers/" + rita + "/activity", null, "ritasec", "demo").status()).isEqualTo(202);
        assertThat(api.post("/api/managers/" + rita + "/activity", null, "admin", "admin").status()).isEqualTo(202);
        assertThat(api.put("/api/teams/" + team + "/settings", "{\"handoverEnabled\":false}", "ritasec", "demo").status())
                .isEqualTo(403);
    }

    private static String xsrfToken(Api browser) {
        return browser.cookie("XSRF-TOKEN", "/camunda/api/").orElseThrow();
    }

    private PresenceState state(long managerId) {
        return managers.findById(managerId).orElseThrow().getState();
    }

    private boolean ended(String processInstanceId) {
        return history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).finished().count() == 1;
    }

    private boolean passed(String processInstanceId, String activityId) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).activityId(activityId)
                .finished().count() == 1;
    }

    private Task standaloneTask(String name, String assignee) {
        Task task = tasks.newTask();
        task.setName(name);
        task.setAssignee(assignee);
        tasks.saveTask(task);
        return task;
    }
}
