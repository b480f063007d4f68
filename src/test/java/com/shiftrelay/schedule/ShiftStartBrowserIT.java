package com.shiftrelay.schedule;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.shiftrelay.sandbox.SandboxCrm;
import com.shiftrelay.presence.ManagerDirectory;
import com.shiftrelay.presence.Managers;
import com.shiftrelay.presence.PresenceState;
import com.shiftrelay.support.Api;
import com.shiftrelay.support.Browser;
import com.shiftrelay.support.ShiftRelayIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
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

/**
 * A manager with Tasklist open in a real browser when their scheduled shift starts: "Начать смену" appears in the
 * first list without a reload and rings, its Russian form names the shift's hours, and completing it puts the manager
 * ONLINE until the shift's end, where the engine's timer waits.
 */
@ShiftRelayIntegrationTest
class ShiftStartBrowserIT {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Autowired SandboxCrm sandbox;
    @Autowired ManagerDirectory directory;
    @Autowired Managers managers;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired Clock clock;
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
    void theShiftStartPromptAppearsByItselfNamesTheHoursAndCompletingItStartsTheShift() {
        long team = sandbox.createTeam("Смена по графику в браузере");
        long nina = sandbox.createUser("Нина Пографику", "ninaschedule@demo.shiftrelay.local", team);
        directory.sync();
        Api api = new Api(port);
        // Once ONLINE, nobody asks Nina whether she is at work while the test runs.
        assertThat(api.put("/api/teams/" + team + "/settings", "{\"timeZone\":\"Europe/Moscow\","
                + "\"inactivityInterval\":\"PT1H\"}", "admin", "admin").status()).isEqualTo(200);
        Page page = browser.newPage("ru-RU");
        Browser.signIn(page, "tasklist", "ninaschedule", "demo");
        assertThat(page.locator(".task-filters .task-filter").first()).containsText("Проверка присутствия");
        assertThat(page.locator("[data-testid=shiftrelay-notifications]")).isVisible();

        // Her shift began this minute and lasts four hours: one day on, one off, from today.
        ZonedDateTime now = clock.instant().atZone(MOSCOW);
        LocalTime start = now.toLocalTime().truncatedTo(ChronoUnit.MINUTES);
        LocalTime end = start.plusHours(4);
        LocalDate today = now.toLocalDate();
        assertThat(api.put("/api/managers/" + nina + "/schedule", "{\"rotation\":{\"anchor\":\"" + today
                + "\",\"daysOn\":1,\"daysOff\":1,\"start\":\"" + start + "\",\"end\":\"" + end + "\",\"overnight\":"
                + end.isBefore(start) + "}}", "admin", "admin").status()).isEqualTo(200);

        Task prompt = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery()
                .taskAssignee("ninaschedule").taskDefinitionKey("UserTask_StartShift").singleResult(), t -> t != null);
        Instant shiftEnd = ZonedDateTime.of(end.isBefore(start) ? today.plusDays(1) : today, end, MOSCOW).toInstant();
        assertThat(prompt.getDueDate().toInstant()).isEqualTo(shiftEnd);

        // Nobody reloads: the first list brings the prompt within 15 s, with a desktop notification.
        Locator card = page.locator(".tasks-list li.task")
                .filter(new Locator.FilterOptions().setHasText("Начать смену"));
        Instant created = prompt.getCreateTime().toInstant();
        long left = Math.max(1, Duration.ofSeconds(15).minus(Duration.between(created, Instant.now())).toMillis());
        card.waitFor(new Locator.WaitForOptions().setTimeout(left));
        await().atMost(Duration.ofSeconds(10)).until(() -> notificationTags(page).contains("shiftrelay-" + prompt.getId()));
        assertThat(notificationTitles(page)).contains("Ваша смена началась");

        card.click();
        assertThat(page.locator(".task-details")).containsText("Ваша смена началась");
        assertThat(page.locator(".task-details")).containsText("По графику у вас смена " + start + "–" + end);
        assertThat(page.locator(".task-details")).not().containsText("{{");
        page.locator(".task-details button").filter(new Locator.FilterOptions().setHasText("Завершить")).click();

        await().atMost(Duration.ofSeconds(20)).until(() -> managers.findById(nina).orElseThrow().getState()
                == PresenceState.ONLINE);
        assertThat(card).hasCount(0);
        // The shift is on: the engine's timer waits for its end, when Nina, still ONLINE, will be asked.
        Job shiftEnds = await().atMost(Duration.ofSeconds(20)).until(() -> management.createJobQuery().timers()
                .processInstanceId(prompt.getProcessInstanceId()).activityId("Event_ShiftEnds").singleResult(),
                j -> j != null);
        assertThat(shiftEnds.getDuedate().toInstant()).isEqualTo(shiftEnd);
    }

    @SuppressWarnings("unchecked")
    private static List<String> notificationTitles(Page page) {
        return (List<String>) page.evaluate("() => window.__notifications.map(n => n.title)");
    }

    @SuppressWarnings("unchecked")
    private static List<String> notificationTags(Page page) {
        return (List<String>) page.evaluate("() => window.__notifications.map(n => n.tag)");
    }
}
