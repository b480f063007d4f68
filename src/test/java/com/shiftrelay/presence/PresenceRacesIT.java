package com.shiftrelay.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.shiftrelay.sandbox.SandboxCrm;
import com.shiftrelay.support.Api;
import com.shiftrelay.support.ShiftRelayIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Presence signals against the running application at the moments that used to lose them: a confirmation
 * in the instant its timeout fires, a user switched off in the CRM, and a Tasklist task completed by
 * somebody other than its assignee.
 */
@ShiftRelayIntegrationTest
class PresenceRacesIT {

    // A pipeline the clinic's routing rules do not name: its deals stay in their manager's team (Rule_AnyOtherOpenDeal).
    private static final long PIPELINE = 7009;
    private static final long OPEN_STATUS = 70091;

    @Autowired SandboxCrm sandbox;
    @Autowired ManagerDirectory directory;
    @Autowired Managers managers;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired IdentityService identity;
    @Autowired TransactionTemplate tx;
    @Autowired DataSource dataSource;
    @LocalServerPort int port;

    private final ScheduledExecutorService busy = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        busy.shutdownNow();
    }

    /**
     * The timeout's job has fired (its transaction holds the task's rows) when the manager's confirmation
     * arrives and runs into them. The confirmation must be kept and the manager stay ONLINE.
     */
    @Test
    void aConfirmationInTheInstantTheTimeoutFiresKeepsTheManagerOnline() throws Exception {
        long team = sandbox.createTeam("Гонка подтверждения");
        long anna = sandbox.createUser("Анна Гонки", "annarace@demo.shiftrelay.local", team);
        long boris = sandbox.createUser("Борис Гонки", "borisrace@demo.shiftrelay.local", team);
        long deal = sandbox.createLead("Сделка гонки", anna, PIPELINE, OPEN_STATUS, false);
        directory.sync();
        Api api = new Api(port);
        online(api, anna, boris);
        keepBusy(boris);

        Task check = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery()
                .taskAssignee("annarace").taskDefinitionKey("UserTask_ConfirmPresence").singleResult(), t -> t != null);
        Job timeout = management.createJobQuery().processInstanceId(check.getProcessInstanceId()).timers()
                .activityId("BoundaryEvent_ConfirmationTimedOut").singleResult();

        CompletableFuture<Api.Response> confirmation = new CompletableFuture<>();
        boolean[] blocked = new boolean[1];
        tx.executeWithoutResult(status -> {
            Object timeoutSession = currentSession();
            management.executeJob(timeout.getId());
            // The timeout's transaction is open: now the manager confirms, and the confirmation waits on its rows.
            CompletableFuture.supplyAsync(() -> api.post("/api/managers/" + anna + "/online", null, "annarace", "demo"))
                    .whenComplete((response, error) -> {
                        if (error != null) {
                            confirmation.completeExceptionally(error);
                        } else {
                            confirmation.complete(response);
                        }
                    });
            blocked[0] = CompletableFuture.supplyAsync(() -> someoneWaitsFor(timeoutSession)).join();
        });

        assertThat(blocked[0]).as("the confirmation ran into the timeout's transaction").isTrue();
        Api.Response answer = confirmation.get(30, TimeUnit.SECONDS);
        assertThat(answer.status()).as(answer.text()).isEqualTo(202);
        keepBusy(anna);
        // Kept ONLINE: her presence process waits for the next inactivity check and her deal is hers.
        await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(anna)).activityIdIn("Gateway_Online").count() == 1
                && managers.findById(anna).orElseThrow().getState() == PresenceState.ONLINE);
        assertThat(sandbox.lead(deal).responsibleId()).isEqualTo(anna);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("DealHandover")
                .processInstanceBusinessKey(String.valueOf(anna)).count()).as("no hand-over began").isZero();
    }

    @Test
    void aUserDeactivatedInTheCrmLosesTheTasklistLoginAndTheirDealsAreHandedOver() {
        long team = sandbox.createTeam("Уволенные");
        long anna = sandbox.createUser("Анна Уходит", "annaleaves@demo.shiftrelay.local", team);
        long boris = sandbox.createUser("Борис Остаётся", "borisstays@demo.shiftrelay.local", team);
        List<Long> deals = List.of(sandbox.createLead("Сделка 1", anna, PIPELINE, OPEN_STATUS, false),
                sandbox.createLead("Сделка 2", anna, PIPELINE, OPEN_STATUS, false));
        directory.sync();
        Api api = new Api(port);
        online(api, anna, boris);
        keepBusy(boris);
        keepBusy(anna);
        assertThat(identity.checkPassword("annaleaves", "demo")).isTrue();

        sandbox.setUserActive(anna, false);
        directory.sync();

        assertThat(identity.createUserQuery().userId("annaleaves").count()).isZero();
        assertThat(identity.createGroupQuery().groupMember("annaleaves").count()).isZero();
        assertThat(api.get("/engine-rest/task", "annaleaves", "demo").status()).isEqualTo(401);
        await().atMost(Duration.ofSeconds(30)).until(() -> deals.stream()
                .allMatch(id -> sandbox.lead(id).responsibleId() == boris));
        await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(String.valueOf(anna)).count() == 0);
        Manager gone = managers.findById(anna).orElseThrow();
        assertThat(gone.isActive()).isFalse();
        assertThat(gone.getState()).isEqualTo(PresenceState.OFFLINE);
    }

    @Test
    void twoSyncsAtOnceStartOnePresenceProcessPerManager() throws Exception {
        long team = sandbox.createTeam("Две синхронизации");
        List<Long> newcomers = new java.util.ArrayList<>();
        for (int round = 0; round < 5; round++) {
            long id = sandbox.createUser("Новичок " + round, "twosyncs" + round + "@demo.shiftrelay.local", team);
            newcomers.add(id);
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService pool = Executors.newFixedThreadPool(2);
            List<java.util.concurrent.Future<?>> syncs = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                syncs.add(pool.submit(() -> {
                    together.await();
                    return directory.sync();
                }));
            }
            for (java.util.concurrent.Future<?> sync : syncs) {
                // Both succeed: the one whose insert of the newcomer lost takes the row the other wrote.
                sync.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
        }
        for (long id : newcomers) {
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("ManagerPresence")
                    .processInstanceBusinessKey(String.valueOf(id)).count()).as("presence instances of %s", id).isOne();
        }
    }

    @Test
    void aTaskCompletedBySomebodyElseIsTheirActivityNotTheAssignees() {
        long team = sandbox.createTeam("Чужие задачи");
        long anna = sandbox.createUser("Анна Задачи", "annatasks@demo.shiftrelay.local", team);
        directory.sync();
        Task task = tasks.newTask();
        task.setName("Перезвонить пациенту");
        task.setAssignee("annatasks");
        tasks.saveTask(task);
        Api api = new Api(port);

        var completed = api.post("/engine-rest/task/" + task.getId() + "/complete", "{}", "admin", "admin");

        assertThat(completed.status()).as(completed.text()).isEqualTo(204);
        assertThat(managers.findById(anna).orElseThrow().getLastActivityAt())
                .as("the admin did the work, not Anna").isNull();
        assertThat(tasks.createTaskQuery().taskAssignee("annatasks").count()).as("nobody asks Anna if she is back")
                .isZero();

        Task own = tasks.newTask();
        own.setName("Подготовить договор");
        own.setAssignee("annatasks");
        tasks.saveTask(own);
        api.post("/engine-rest/task/" + own.getId() + "/complete", "{}", "annatasks", "demo");
        assertThat(managers.findById(anna).orElseThrow().getLastActivityAt()).isNotNull();
    }

    private void online(Api api, long... ids) {
        for (long id : ids) {
            assertThat(api.post("/api/managers/" + id + "/online", null, "admin", "admin").status()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> java.util.Arrays.stream(ids)
                .allMatch(id -> managers.findById(id).orElseThrow().getState() == PresenceState.ONLINE));
    }

    private void keepBusy(long userId) {
        busy.scheduleAtFixedRate(() -> sandbox.recordActivity(userId, "outgoing_call", null), 0, 1, TimeUnit.SECONDS);
    }

    private boolean postgres() {
        return new JdbcTemplate(dataSource).execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName())
                .toLowerCase().contains("postgres");
    }

    /** The database session of the current transaction. */
    private Object currentSession() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        return postgres() ? jdbc.queryForObject("select pg_backend_pid()", Integer.class)
                : jdbc.queryForObject("select session_id()", Integer.class);
    }

    /** Whether, within ten seconds, another database session waits for a lock the given session holds. */
    private boolean someoneWaitsFor(Object session) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String sql = postgres()
                ? "select count(*) from pg_stat_activity where ? = any(pg_blocking_pids(pid))"
                : "select count(*) from information_schema.sessions where blocker_id = ?";
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            Integer waiting = jdbc.queryForObject(sql, Integer.class, session);
            if (waiting != null && waiting > 0) {
                return true;
            }
            Thread.onSpinWait();
        }
        return false;
    }
}
