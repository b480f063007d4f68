package com.shiftrelay.presence;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.shiftrelay.crm.sandbox.SandboxCrm;
import com.shiftrelay.support.Api;
import com.shiftrelay.support.Browser;
import com.shiftrelay.support.ShiftRelayIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A manager in a real browser with Tasklist open: the presence check appears without a reload, rings (told by
 * the page's worker, whose timers a hidden tab does not throttle), and is answered through its Russian form,
 * which says until when; a check that runs out is explained on the page.
 * A person needs longer than the other tests' 4 seconds to answer, so the window is a minute here, as in
 * production.
 */
@ShiftRelayIntegrationTest
@TestPropertySource(properties = "shiftrelay.presence.confirmation-timeout=PT60S")
class TasklistBrowserIT {

    private static final String CHECK = "Подтвердите, что вы на работе";
    private static final String WATCH = "/scripts/shiftrelay/presence-watch.js";
    /**
     * Records what the page itself fetches and what its workers post to it, before Tasklist loads: the page must
     * learn of a check from the worker, not by polling on its own timers.
     */
    private static final String RECORD_PAGE_AND_WORKERS = """
            window.__pageFetches = [];
            const pageFetch = window.fetch;
            window.fetch = function (input, init) {
              window.__pageFetches.push(String((input && input.url) || input));
              return pageFetch.apply(this, arguments);
            };
            window.__workerMessages = [];
            const PageWorker = window.Worker;
            window.Worker = class extends PageWorker {
              constructor(url, options) {
                super(url, options);
                this.addEventListener('message', (event) => window.__workerMessages.push({ url: String(url), data: event.data }));
              }
            };
            """;

    @Autowired SandboxCrm sandbox;
    @Autowired ManagerDirectory directory;
    @Autowired Managers managers;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @LocalServerPort int port;

    private Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start(port);
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        browser.close(test.getTestMethod().orElseThrow().getName());
    }

    @Test
    void aManagerWithTasklistOpenSeesThePresenceCheckWithoutReloadingAndAnswersIt() {
        long team = sandbox.createTeam("Смена в браузере");
        long marina = sandbox.createUser("Марина Браузерова", "marinabrowser@demo.shiftrelay.local", team);
        directory.sync();
        Page page = browser.newPage("ru-RU");
        page.addInitScript(RECORD_PAGE_AND_WORKERS);
        Browser.signIn(page, "tasklist", "marinabrowser", "demo");

        // Tasklist speaks Russian, lists the presence checks first and has the notification switch.
        assertThat(page.locator(".start-process-action")).containsText("Запустить процесс");
        Locator lists = page.locator(".task-filters .task-filter");
        assertThat(lists.first()).containsText("Проверка присутствия");
        assertThat(page.locator("[data-testid=shiftrelay-notifications]")).containsText("Уведомления включены");

        assertThat(new Api(port).post("/api/managers/" + marina + "/online", null, "admin", "admin").status()).isEqualTo(202);
        Task check = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery()
                .taskAssignee("marinabrowser").taskDefinitionKey("UserTask_ConfirmPresence").singleResult(), t -> t != null);
        Instant created = check.getCreateTime().toInstant();
        assertThat(Duration.between(created, check.getDueDate().toInstant()))
                .isBetween(Duration.ofSeconds(59), Duration.ofSeconds(60));

        // Nobody reloads: the list brings the check by itself within 15 s of its creation.
        Locator card = page.locator(".tasks-list li.task").filter(new Locator.FilterOptions().setHasText(CHECK));
        long left = Math.max(1, Duration.ofSeconds(15).minus(Duration.between(created, Instant.now())).toMillis());
        card.waitFor(new Locator.WaitForOptions().setTimeout(left));
        assertThat(Duration.between(created, Instant.now())).isLessThanOrEqualTo(Duration.ofSeconds(15));
        await().atMost(Duration.ofSeconds(10)).until(() -> notificationTags(page).contains("shiftrelay-" + check.getId()));
        assertThat(notifications(page)).contains(CHECK);
        assertThat(page.title()).startsWith("⚠");
        // The check came from the worker: it runs, it posted this very task as new, and the page polled nothing.
        assertThat(page.workers()).anySatisfy(worker -> assertThat(worker.url()).contains(WATCH));
        assertThat((Boolean) page.evaluate("id => window.__workerMessages.some(m => m.url.includes('" + WATCH + "')"
                + " && m.data.type === 'checks' && m.data.added.some(task => task.id === id))", check.getId())).isTrue();
        assertThat(pageFetches(page)).noneMatch(url -> url.contains("/task?"));

        card.click();
        assertThat(page.locator(".task-details")).containsText("Вы на работе?");
        // The form says until when, in Moscow time, and how long the window is.
        String until = DateTimeFormatter.ofPattern("HH:mm:ss")
                .format(check.getDueDate().toInstant().atZone(ZoneId.of("Europe/Moscow")));
        assertThat(page.locator(".task-details"))
                .containsText("На ответ — минута: ответьте до " + until + " (время московское).");
        assertThat(page.locator(".task-details")).not().containsText("{{");
        assertThat(page.locator(".task-details")).not().containsText("Complete");
        page.locator(".task-details button").filter(new Locator.FilterOptions().setHasText("Завершить")).click();

        await().atMost(Duration.ofSeconds(20)).until(() -> "completed".equals(history.createHistoricTaskInstanceQuery()
                .taskId(check.getId()).singleResult().getDeleteReason()));
        await().atMost(Duration.ofSeconds(20)).until(() -> managers.findById(marina).orElseThrow().getState()
                == PresenceState.ONLINE);
        assertThat(card).hasCount(0);
    }

    @Test
    void aCheckThatRanOutIsExplainedInRussian() {
        long team = sandbox.createTeam("Смена без ответа");
        long oleg = sandbox.createUser("Олег Отошедший", "olegaway@demo.shiftrelay.local", team);
        directory.sync();
        Page page = browser.newPage("ru-RU");
        Browser.signIn(page, "tasklist", "olegaway", "demo");
        assertThat(page.locator("[data-testid=shiftrelay-notifications]")).isVisible();

        assertThat(new Api(port).post("/api/managers/" + oleg + "/online", null, "admin", "admin").status()).isEqualTo(202);
        Task check = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery()
                .taskAssignee("olegaway").taskDefinitionKey("UserTask_ConfirmPresence").singleResult(), t -> t != null);
        page.locator(".tasks-list li.task").filter(new Locator.FilterOptions().setHasText(CHECK))
                .waitFor(new Locator.WaitForOptions().setTimeout(15_000));

        // The page has taken note of the check (its title says so) before the minute is up.
        await().atMost(Duration.ofSeconds(15)).until(() -> page.title().startsWith("⚠"));
        // The minute is up: the engine fires the timeout now rather than the test waiting for it.
        Job timeout = management.createJobQuery().processInstanceId(check.getProcessInstanceId()).timers()
                .activityId("BoundaryEvent_ConfirmationTimedOut").singleResult();
        management.executeJob(timeout.getId());

        Locator explained = page.locator("[data-testid=shiftrelay-timed-out]");
        assertThat(explained).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                .setTimeout(30_000));
        assertThat(explained).containsText("переданы коллегам");
        assertThat(explained).containsText("Начать смену");
        assertThat(managers.findById(oleg).orElseThrow().getState()).isEqualTo(PresenceState.OFFLINE);
    }

    @SuppressWarnings("unchecked")
    private static List<String> notifications(Page page) {
        return (List<String>) page.evaluate("() => window.__notifications.map(n => n.title)");
    }

    @SuppressWarnings("unchecked")
    private static List<String> notificationTags(Page page) {
        return (List<String>) page.evaluate("() => window.__notifications.map(n => n.tag)");
    }

    @SuppressWarnings("unchecked")
    private static List<String> pageFetches(Page page) {
        return (List<String>) page.evaluate("() => window.__pageFetches");
    }
}
