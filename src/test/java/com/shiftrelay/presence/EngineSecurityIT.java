package com.shiftrelay.presence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.shiftrelay.crm.sandbox.SandboxCrm;
import com.shiftrelay.support.Api;
import com.shiftrelay.support.ShiftRelayIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The engine REST API is closed to strangers, and a manager sees only their own tasks. */
@ShiftRelayIntegrationTest
class EngineSecurityIT {

    @Autowired
    SandboxCrm sandbox;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagerDirectory directory;

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

    private Task standaloneTask(String name, String assignee) {
        Task task = tasks.newTask();
        task.setName(name);
        task.setAssignee(assignee);
        tasks.saveTask(task);
        return task;
    }
}
