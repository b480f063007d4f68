package com.shiftrelay.handover;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.shiftrelay.sandbox.SandboxCrm;
import com.shiftrelay.presence.ManagerDirectory;
import com.shiftrelay.support.Api;
import com.shiftrelay.support.Browser;
import com.shiftrelay.support.ShiftRelayIntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The admin in a real browser signed in to Cockpit, with no second login: the ShiftRelay panel on the
 * dashboard counts the managers of each team by state, and the ShiftRelay page shows a finished hand-over
 * that opens to its moves.
 */
@ShiftRelayIntegrationTest
class CockpitBrowserIT {

    // A pipeline the clinic's routing rules do not name: its deals stay in their manager's team (Rule_AnyOtherOpenDeal).
    private static final long PIPELINE = 7009;
    private static final long OPEN_STATUS = 70091;

    @Autowired SandboxCrm sandbox;
    @Autowired ManagerDirectory directory;
    @Autowired Handovers handovers;
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
    void theAdminSeesWhoIsWhereAndAFinishedHandoverWithItsMoves() {
        long team = sandbox.createTeam("Кокпит");
        long anna = sandbox.createUser("Анна Кокпитова", "annacockpit@demo.shiftrelay.local", team);
        long boris = sandbox.createUser("Борис Кокпитов", "boriscockpit@demo.shiftrelay.local", team);
        List<Long> deals = List.of(sandbox.createLead("Сделка К1", anna, PIPELINE, OPEN_STATUS, false),
                sandbox.createLead("Сделка К2", anna, PIPELINE, OPEN_STATUS, false));
        directory.sync();
        Api api = new Api(port);
        // The page is read long after the tests' 6-second inactivity interval: Boris must stay ONLINE meanwhile.
        assertThat(api.put("/api/teams/" + team + "/settings", "{\"inactivityInterval\":\"PT1H\"}", "admin", "admin")
                .status()).isEqualTo(200);
        for (long id : List.of(anna, boris)) {
            assertThat(api.post("/api/managers/" + id + "/online", null, "admin", "admin").status()).isEqualTo(202);
        }
        assertThat(api.post("/api/managers/" + anna + "/offline", null, "admin", "admin").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> deals.stream().allMatch(id -> sandbox.lead(id).responsibleId() == boris)
                && handovers.findByManagerIdOrderByCreatedAtDesc(anna).stream()
                        .anyMatch(h -> h.getKind() == Handover.Kind.HANDOVER && h.getStatus() == Handover.Status.DONE));
        String run = handovers.findByManagerIdOrderByCreatedAtDesc(anna).stream()
                .filter(h -> h.getKind() == Handover.Kind.HANDOVER).findFirst().orElseThrow().getId();

        Page page = browser.newPage("en-US");
        Browser.signIn(page, "cockpit", "admin", "admin");

        // The dashboard's panel: the team's managers counted by state.
        Locator counts = page.locator("[data-testid=shiftrelay-dashboard-counts] tr[data-team-id='" + team + "']");
        assertThat(counts.locator("td[data-state=OFFLINE]")).hasText("1");
        assertThat(counts.locator("td[data-state=ONLINE]")).hasText("1");

        // Its own page: who is where, and the finished hand-over, opened to its moves.
        page.locator("[data-testid=shiftrelay-dashboard-link]").click();
        Locator teamRows = page.locator("[data-testid=shiftrelay-teams] tbody[data-team-id='" + team + "']");
        assertThat(teamRows.locator("tr[data-manager-id='" + anna + "']")).hasAttribute("data-state", "OFFLINE");
        assertThat(teamRows.locator("tr[data-manager-id='" + anna + "']")).containsText("Анна Кокпитова");
        assertThat(teamRows.locator("tr[data-manager-id='" + boris + "']")).hasAttribute("data-state", "ONLINE");

        Locator runRow = page.locator("[data-testid=shiftrelay-runs] tr[data-run-id='" + run + "']");
        assertThat(runRow).containsText("Анна Кокпитова");
        runRow.click();
        Locator moves = page.locator("[data-testid=shiftrelay-moves]");
        for (long deal : deals) {
            Locator move = moves.locator("tr[data-deal-id='" + deal + "']");
            assertThat(move).hasAttribute("data-status", "WRITTEN");
            assertThat(move).containsText("Борис Кокпитов");
        }
    }
}
