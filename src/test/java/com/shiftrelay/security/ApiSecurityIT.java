package com.shiftrelay.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.shiftrelay.sandbox.SandboxCrm;
import com.shiftrelay.handover.Handovers;
import com.shiftrelay.presence.ManagerDirectory;
import com.shiftrelay.presence.Managers;
import com.shiftrelay.presence.PresenceState;
import com.shiftrelay.support.Api;
import com.shiftrelay.support.ShiftRelayIntegrationTest;
import com.shiftrelay.support.WebappLogin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * ShiftRelay's own API as Spring Security guards it: who may read and change what, what a stranger and a
 * browser are told, and that no page of another site can change anything with credentials a browser kept.
 */
@ShiftRelayIntegrationTest
class ApiSecurityIT {

    private static final String PASSWORD = "demo";
    // A pipeline the clinic's routing rules do not name: its deals stay in their manager's team (Rule_AnyOtherOpenDeal).
    private static final long PIPELINE = 7009;
    private static final long OPEN_STATUS = 70091;

    @Autowired
    SandboxCrm sandbox;

    @Autowired
    ManagerDirectory directory;

    @Autowired
    Managers managers;

    @Autowired
    Handovers handovers;

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @Test
    void anIntegrationIsChallengedForBasicCredentialsAndABrowserIsNot() {
        Api api = new Api(port);

        // Wrong passwords only for a user who does not exist: the engine delays a real user's next login after one.
        for (var response : List.of(api.get("/api/managers", null, null), api.get("/api/managers", "nobody", "wrong"))) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).contains("Basic realm=\"ShiftRelay\"");
            assertUnauthorizedProblem(response);
        }

        List<UnaryOperator<Api.Request>> browsers = List.of(
                request -> request.header("Sec-Fetch-Mode", "navigate"),
                request -> request.header("Sec-Fetch-Site", "same-origin"),
                request -> request.header("Origin", "http://evil.example"),
                request -> request.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
        for (var browser : browsers) {
            var anonymous = browser.apply(api.request("GET", "/api/managers")).send();
            var wrongPassword = browser.apply(api.request("GET", "/api/teams").basic("nobody", "wrong")).send();
            for (var response : List.of(anonymous, wrongPassword)) {
                assertThat(response.status()).isEqualTo(401);
                assertThat(response.header("WWW-Authenticate")).as("no dialog, nothing for the browser to remember")
                        .isEmpty();
                assertUnauthorizedProblem(response);
            }
        }
        // An integration that merely accepts HTML among other things is still an integration.
        assertThat(api.request("GET", "/api/managers").header("Accept", "application/json, text/html;q=0.5").send()
                .header("WWW-Authenticate")).contains("Basic realm=\"ShiftRelay\"");
    }

    @Test
    void basicRequestsLeaveNoSessionAndSpringBootMakesNoUserOfItsOwn() {
        var response = new Api(port).get("/api/managers", "admin", "admin");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
        // Spring Boot's generated password comes with its in-memory user; the engine's users are the only ones.
        assertThat(context.getBeansOfType(UserDetailsService.class)).isEmpty();
    }

    /** A browser signed in to Cockpit keeps its session as it is when a page of ours calls the API by Basic. */
    @Test
    void basicRequestsLeaveTheSessionABrowserBringsAlone() {
        WebappLogin cockpit = WebappLogin.signIn(port, "cockpit", "admin", "admin");

        var response = cockpit.browser().request("GET", "/api/managers").basic("admin", "admin")
                .header("Sec-Fetch-Site", "same-origin").send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
        assertThat(cockpit.browser().request("GET", "/camunda/api/admin/auth/user/default").send().status())
                .as("still signed in to Cockpit").isEqualTo(200);
    }

    @Test
    void readingIsForEveryUserAndTeamSettingsForAdministrators() {
        long team = sandbox.createTeam("Команда чтения");
        sandbox.createUser("Кира Читающая", "kirasecapi@demo.shiftrelay.local", team);
        long lev = sandbox.createUser("Лев Соседний", "levsecapi@demo.shiftrelay.local", team);
        directory.sync();
        Api api = new Api(port);

        assertThat(api.get("/api/managers", "kirasecapi", PASSWORD).status()).isEqualTo(200);
        assertThat(api.get("/api/managers/" + lev, "kirasecapi", PASSWORD).status()).isEqualTo(200);
        assertThat(api.get("/api/teams", "kirasecapi", PASSWORD).status()).isEqualTo(200);

        var refused = api.put("/api/teams/" + team + "/settings", "{\"handoverEnabled\":false}", "kirasecapi", PASSWORD);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("status").asInt()).isEqualTo(403);
        assertThat(api.put("/api/teams/" + team + "/settings", "{\"handoverEnabled\":false}", "admin", "admin").status())
                .isEqualTo(200);
    }

    /** A manager is told 403 for any id not theirs, known or not; an administrator learns that it does not exist. */
    @Test
    void anUnknownManagerIsForbiddenToAManagerAndNotFoundForAnAdministrator() {
        long team = sandbox.createTeam("Команда неизвестных");
        sandbox.createUser("Мира Любопытная", "mirasecapi@demo.shiftrelay.local", team);
        directory.sync();
        Api api = new Api(port);

        for (String action : List.of("online", "offline", "activity")) {
            var asManager = api.post("/api/managers/999999/" + action, null, "mirasecapi", PASSWORD);
            assertThat(asManager.status()).as(action).isEqualTo(403);
            assertThat(asManager.contentType()).startsWith("application/problem+json");

            var asAdmin = api.post("/api/managers/999999/" + action, null, "admin", "admin");
            assertThat(asAdmin.status()).as(action).isEqualTo(404);
            assertThat(asAdmin.body().get("detail").asText()).contains("999999");
        }
    }

    @Test
    void theLedgerOfAManagerIsForThatManagerAndAdministrators() {
        long team = sandbox.createTeam("Команда журнала");
        long nina = sandbox.createUser("Нина Своя", "ninasecapi@demo.shiftrelay.local", team);
        long oleg = sandbox.createUser("Олег Чужой", "olegsecapi@demo.shiftrelay.local", team);
        directory.sync();
        Api api = new Api(port);

        assertThat(api.get("/api/handovers?managerId=" + nina, "ninasecapi", PASSWORD).status()).isEqualTo(200);
        var othersLedger = api.get("/api/handovers?managerId=" + oleg, "ninasecapi", PASSWORD);
        assertThat(othersLedger.status()).isEqualTo(403);
        assertThat(othersLedger.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/handovers?managerId=" + oleg, "admin", "admin").status()).isEqualTo(200);
    }

    @Test
    void aManagerSeesOnlyTheirOwnWaitingDealsAndAnAdministratorAll() {
        // Each alone in a team: when they leave, nobody can take their deals and the deals wait.
        long pavel = aloneInATeam("Павел Ушедший", "pavelsecapi");
        long raisa = aloneInATeam("Раиса Ушедшая", "raisasecapi");
        long pavelsDeal = sandbox.createLead("Сделка Павла", pavel, PIPELINE, OPEN_STATUS, false);
        long raisasDeal = sandbox.createLead("Сделка Раисы", raisa, PIPELINE, OPEN_STATUS, false);
        Api api = new Api(port);
        for (long id : List.of(pavel, raisa)) {
            String login = managers.findById(id).orElseThrow().getLogin();
            assertThat(api.post("/api/managers/" + id + "/online", null, login, PASSWORD).status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(20)).until(() -> state(id) == PresenceState.ONLINE);
            // 409 means "between two steps, try again": a client retries.
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> api.post("/api/managers/" + id + "/offline", null, login, PASSWORD).status() == 202);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> waitingDeals(api, "admin", "admin").containsAll(
                List.of(pavelsDeal, raisasDeal)));

        assertThat(waitingDeals(api, "pavelsecapi", PASSWORD)).contains(pavelsDeal).doesNotContain(raisasDeal);
        assertThat(waitingManagers(api, "pavelsecapi", PASSWORD)).containsOnly(pavel);
        assertThat(waitingDeals(api, "raisasecapi", PASSWORD)).contains(raisasDeal).doesNotContain(pavelsDeal);
        assertThat(waitingManagers(api, "raisasecapi", PASSWORD)).containsOnly(raisa);
    }

    @Test
    void aCrossSiteFormPostChangesNothingEvenWithCredentialsTheBrowserKept() {
        long sofia = aloneInATeam("София Атакуемая", "sofiasecapi");
        sandbox.createLead("Сделка Софии", sofia, PIPELINE, OPEN_STATUS, false);
        Api api = new Api(port);
        assertThat(api.post("/api/managers/" + sofia + "/online", null, "sofiasecapi", PASSWORD).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> state(sofia) == PresenceState.ONLINE);

        // A page of evil.example posts a form to ShiftRelay; the browser adds the Basic credentials it cached.
        var forged = api.request("POST", "/api/managers/" + sofia + "/offline")
                .basic("sofiasecapi", PASSWORD)
                .header("Origin", "http://evil.example")
                .header("Sec-Fetch-Site", "cross-site")
                .header("Sec-Fetch-Mode", "navigate")
                .form("")
                .send();

        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.contentType()).startsWith("application/problem+json");
        assertThat(forged.body().get("detail").asText()).contains("X-XSRF-TOKEN");
        // A sign-off takes effect in her presence process a moment later: watch that moment pass.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() ->
                state(sofia) != PresenceState.OFFLINE && handovers.findByManagerIdOrderByCreatedAtDesc(sofia).isEmpty());

        // The same request from an integration (no browser's headers) is what the API is for.
        await().atMost(Duration.ofSeconds(20)).until(() -> api.request("POST", "/api/managers/" + sofia + "/offline")
                .basic("sofiasecapi", PASSWORD).form("").send().status() == 202);
        await().atMost(Duration.ofSeconds(20)).until(() -> state(sofia) == PresenceState.OFFLINE
                && !handovers.findByManagerIdOrderByCreatedAtDesc(sofia).isEmpty());
    }

    @Test
    void aPageOfOursChangesStateWithTheTokenFromTheCookie() {
        long tamara = aloneInATeam("Тамара Браузерная", "tamarasecapi");
        Api browser = Api.browser(port);

        // Its first request, a GET, hands the page the token.
        var read = browser.request("GET", "/api/managers/" + tamara).basic("tamarasecapi", PASSWORD)
                .header("Sec-Fetch-Site", "same-origin").header("Sec-Fetch-Mode", "cors").send();
        assertThat(read.status()).isEqualTo(200);
        String token = browser.cookie("XSRF-TOKEN", "/api").orElseThrow();

        var withoutToken = sameOriginActivity(browser, tamara).send();
        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(withoutToken.contentType()).startsWith("application/problem+json");
        assertThat(sameOriginActivity(browser, tamara).header("X-XSRF-TOKEN", "forged").send().status()).isEqualTo(403);
        assertThat(managers.findById(tamara).orElseThrow().getLastActivityAt()).isNull();

        var withToken = sameOriginActivity(browser, tamara).header("X-XSRF-TOKEN", token).send();
        assertThat(withToken.status()).isEqualTo(202);
        assertThat(managers.findById(tamara).orElseThrow().getLastActivityAt()).isNotNull();
    }

    private Api.Request sameOriginActivity(Api browser, long managerId) {
        return browser.request("POST", "/api/managers/" + managerId + "/activity").basic("tamarasecapi", PASSWORD)
                .header("Origin", "http://localhost:" + port)
                .header("Sec-Fetch-Site", "same-origin")
                .header("Sec-Fetch-Mode", "cors")
                .json("{}");
    }

    private long aloneInATeam(String name, String login) {
        long team = sandbox.createTeam("Команда " + login);
        long id = sandbox.createUser(name, login + "@demo.shiftrelay.local", team);
        directory.sync();
        return id;
    }

    private PresenceState state(long managerId) {
        return managers.findById(managerId).orElseThrow().getState();
    }

    private static List<Long> waitingDeals(Api api, String user, String password) {
        List<Long> deals = new ArrayList<>();
        waiting(api, user, password).forEach(deal -> deals.add(deal.get("dealId").asLong()));
        return deals;
    }

    private static List<Long> waitingManagers(Api api, String user, String password) {
        List<Long> ids = new ArrayList<>();
        waiting(api, user, password).forEach(deal -> ids.add(deal.get("managerId").asLong()));
        return ids;
    }

    private static JsonNode waiting(Api api, String user, String password) {
        var response = api.get("/api/handovers/waiting", user, password);
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private static void assertUnauthorizedProblem(Api.Response response) {
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("status").asInt()).isEqualTo(401);
        assertThat(response.body().get("title").asText()).isEqualTo("Unauthorized");
    }
}
