package com.shiftrelay.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.shiftrelay.sandbox.SandboxCrm;
import com.shiftrelay.presence.ManagerDirectory;
import com.shiftrelay.support.Api;
import com.shiftrelay.support.ShiftRelayIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sandbox CRM's page and its simulation, state and reset endpoints need a login, by HTTP Basic or by the
 * session of a browser signed in to the Camunda webapps; its amoCRM-dialect API keeps its bearer token.
 */
@ShiftRelayIntegrationTest
class SandboxSecurityIT {

    private static final String PASSWORD = "demo";
    // A pipeline the clinic's routing rules do not name: its deals stay in their manager's team (Rule_AnyOtherOpenDeal).
    private static final long PIPELINE = 7009;
    private static final long OPEN_STATUS = 70091;
    private static final String WEBAPP_USER = "/camunda/api/admin/auth/user/default";

    @Autowired
    SandboxCrm sandbox;

    @Autowired
    ManagerDirectory directory;

    @LocalServerPort
    int port;

    @Test
    void nothingIsServedWithoutALogin() {
        long ulyana = manager("Ульяна Анонимная", "ulyanasandsec");
        long lead = sandbox.createLead("Сделка Ульяны", ulyana, PIPELINE, OPEN_STATUS, false);
        Api api = new Api(port);

        List<Api.Response> refused = List.of(
                api.get("/sandbox/state", null, null),
                api.post("/sandbox/simulate/activity", "{\"userId\":" + ulyana + ",\"type\":\"incoming_call\"}", null, null),
                api.post("/sandbox/leads/" + lead + "/responsible", "{\"userId\":" + ulyana + "}", null, null),
                api.post("/sandbox/leads", "{\"name\":\"Сделка Ульяны\",\"pipelineId\":" + PIPELINE + "}", null, null),
                api.post("/sandbox/leads/" + lead + "/status", "{\"statusId\":70012}", null, null),
                api.post("/sandbox/reset", null, null, null),
                api.get("/sandbox/index.html", null, null),
                api.get("/sandbox/state", "nobody", "wrong"));
        for (Api.Response response : refused) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.header("WWW-Authenticate")).contains("Basic realm=\"ShiftRelay\"");
            assertThat(response.text()).doesNotContain("Сделка Ульяны");
        }
        assertThat(refused.get(0).body().get("detail").asText()).contains("login").contains("HTTP Basic")
                .contains("Camunda webapps");
        assertThat(sandbox.events()).noneMatch(event -> event.createdBy() == ulyana);
        assertThat(sandbox.lead(lead).responsibleId()).isEqualTo(ulyana);
        assertThat(sandbox.lead(lead).statusId()).isEqualTo(OPEN_STATUS);
        assertThat(sandbox.leads()).filteredOn(deal -> deal.name().equals("Сделка Ульяны")).hasSize(1);
    }

    @Test
    void aBrowserThatIsNotSignedInIsSentToTheSignInPage() {
        Api browser = Api.browser(port);

        for (String page : List.of("/sandbox", "/sandbox/index.html")) {
            var response = browser.request("GET", page)
                    .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").header("Sec-Fetch-Mode", "navigate")
                    .send();
            assertThat(response.status()).as(page).isEqualTo(302);
            assertThat(response.header("Location")).as(page).hasValueSatisfying(to -> assertThat(to).endsWith("/sandbox/login.html"));
        }
        var signIn = browser.request("GET", "/sandbox/login.html").header("Accept", "text/html").send();
        assertThat(signIn.status()).isEqualTo(200);
        assertThat(signIn.text()).contains("/shared/sign-in.js").contains("data-page=\"/sandbox\"");
        // The form's script, shared with the roster's sign-in page, is served without a login too.
        var script = browser.request("GET", "/shared/sign-in.js").send();
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.text()).contains(WEBAPP_USER).contains("/login/welcome");
        // The page's own requests are told 401, with no Basic dialog a browser would remember.
        var state = browser.request("GET", "/sandbox/state").header("Accept", "application/json")
                .header("Sec-Fetch-Mode", "cors").send();
        assertThat(state.status()).isEqualTo(401);
        assertThat(state.header("WWW-Authenticate")).isEmpty();
    }

    @Test
    void aDemoManagersBasicCredentialsOpenThePageAndTheSimulation() {
        long vasilisa = manager("Василиса Смотрящая", "vasilisasandsec");
        long yakov = manager("Яков Соседний", "yakovsandsec");
        long lead = sandbox.createLead("Сделка Василисы", vasilisa, PIPELINE, OPEN_STATUS, false);
        Api api = new Api(port);

        var state = api.get("/sandbox/state", "vasilisasandsec", PASSWORD);
        assertThat(state.status()).isEqualTo(200);
        assertThat(state.body().at("/viewer/login").asText()).isEqualTo("vasilisasandsec");
        assertThat(state.body().at("/viewer/administrator").asBoolean()).isFalse();
        assertThat(state.text()).contains("Сделка Василисы");
        assertThat(api.get("/sandbox/index.html", "vasilisasandsec", PASSWORD).status()).isEqualTo(200);

        var call = api.post("/sandbox/simulate/activity", "{\"userId\":" + vasilisa + ",\"type\":\"incoming_call\"}",
                "vasilisasandsec", PASSWORD);
        assertThat(call.status()).isEqualTo(201);
        var moved = api.post("/sandbox/leads/" + lead + "/responsible", "{\"userId\":" + yakov + "}",
                "vasilisasandsec", PASSWORD);
        assertThat(moved.status()).isEqualTo(200);
        assertThat(sandbox.lead(lead).responsibleId()).isEqualTo(yakov);
        // Basic credentials leave no session behind.
        assertThat(state.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
    }

    @Test
    void onlyAnAdministratorResetsTheSandbox() {
        long zakhar = manager("Захар Сбрасывающий", "zakharsandsec");
        long lead = sandbox.createLead("Сделка Захара", zakhar, PIPELINE, OPEN_STATUS, false);
        Api api = new Api(port);

        var byManager = api.post("/sandbox/reset", null, "zakharsandsec", PASSWORD);
        assertThat(byManager.status()).isEqualTo(403);
        assertThat(byManager.contentType()).startsWith("application/problem+json");
        assertThat(byManager.body().get("detail").asText()).contains("administrator");
        assertThat(sandbox.lead(lead).name()).isEqualTo("Сделка Захара");

        var byAdmin = api.post("/sandbox/reset", null, "admin", "admin");
        assertThat(byAdmin.status()).isEqualTo(200);
        assertThat(byAdmin.body().get("deals").asInt()).isEqualTo(200);
        assertThat(sandbox.leads()).hasSize(200).noneMatch(deal -> deal.id() == lead);
        assertThat(api.get("/sandbox/state", "admin", "admin").body().at("/viewer/administrator").asBoolean()).isTrue();
    }

    @Test
    void theAmoCrmDialectApiKeepsItsBearerTokenNotALogin() {
        Api api = new Api(port);
        String account = "/sandbox/amocrm/api/v4/account";

        var none = api.get(account, null, null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).contains("Bearer realm=\"sandbox\"");
        assertThat(api.get(account, "admin", "admin").status()).as("a login is not the token").isEqualTo(401);
        assertThat(api.request("GET", account).header("Authorization", "Bearer sandbox-token").send().status())
                .isEqualTo(200);
    }

    @Test
    void aBrowserSignedInToTasklistUsesThePageWithoutASecondLogin() {
        long wanda = manager("Ванда Браузерная", "wandasandsec");
        Api browser = Api.browser(port);
        assertThat(signInToTasklist(browser, "wandasandsec").status()).isEqualTo(200);

        var state = sameOrigin(browser, "GET", "/sandbox/state").send();
        assertThat(state.status()).isEqualTo(200);
        assertThat(state.body().at("/viewer/login").asText()).isEqualTo("wandasandsec");
        assertThat(sameOrigin(browser, "GET", "/sandbox/index.html").header("Accept", "text/html").send().status())
                .isEqualTo(200);

        // Changing something takes the CSRF token of the XSRF-TOKEN cookie, as /api does.
        String activity = "{\"userId\":" + wanda + ",\"type\":\"incoming_call\"}";
        var withoutToken = sameOrigin(browser, "POST", "/sandbox/simulate/activity").json(activity).send();
        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(withoutToken.contentType()).startsWith("application/problem+json");
        assertThat(withoutToken.body().get("detail").asText()).contains("X-XSRF-TOKEN");
        String token = browser.cookie("XSRF-TOKEN", "/sandbox").orElseThrow();
        var withToken = sameOrigin(browser, "POST", "/sandbox/simulate/activity").header("X-XSRF-TOKEN", token)
                .json(activity).send();
        assertThat(withToken.status()).isEqualTo(201);
        // The session and the token survive the requests: the page keeps working, and so does Tasklist.
        assertThat(sameOrigin(browser, "POST", "/sandbox/simulate/activity").header("X-XSRF-TOKEN", token)
                .json(activity).send().status()).isEqualTo(201);
        assertThat(browser.request("GET", WEBAPP_USER).send().body().get("userId").asText()).isEqualTo("wandasandsec");
        var reset = sameOrigin(browser, "POST", "/sandbox/reset").header("X-XSRF-TOKEN", token).send();
        assertThat(reset.status()).isEqualTo(403);

        // Signing out of the page ends the session: the webapps are signed out too.
        var signOut = sameOrigin(browser, "POST", "/sandbox/logout").header("X-XSRF-TOKEN", token).send();
        assertThat(signOut.status()).isEqualTo(204);
        assertThat(sameOrigin(browser, "GET", "/sandbox/state").send().status()).isEqualTo(401);
        assertThat(browser.request("GET", WEBAPP_USER).send().status()).isEqualTo(404);
    }

    /** What the sign-in page's script does, in a browser that opened Tasklist before without signing in. */
    @Test
    void theSignInPageSignsInThroughTheWebappsEvenWhenTheirTokenIsOutOfReach() {
        manager("Филипп Входящий", "filippsandsec");
        Api browser = Api.browser(port);
        browser.request("GET", "/camunda/app/tasklist/").send();
        browser.request("GET", "/sandbox/login.html").header("Accept", "text/html").header("Sec-Fetch-Mode", "navigate")
                .send();

        // The session has the webapps' token already, and a script at /sandbox cannot read its cookie.
        var probe = sameOrigin(browser, "GET", WEBAPP_USER).send();
        assertThat(probe.header("X-XSRF-TOKEN")).isEmpty();
        String ours = browser.cookie("XSRF-TOKEN", "/sandbox").orElseThrow();
        assertThat(sameOrigin(browser, "POST", "/sandbox/logout").header("X-XSRF-TOKEN", ours).send().status())
                .isEqualTo(204);
        String webappToken = sameOrigin(browser, "GET", WEBAPP_USER).send().header("X-XSRF-TOKEN").orElseThrow();

        var login = sameOrigin(browser, "POST", WEBAPP_USER + "/login/welcome").header("X-XSRF-TOKEN", webappToken)
                .form("username=filippsandsec&password=" + PASSWORD).send();
        assertThat(login.status()).isEqualTo(200);
        assertThat(sameOrigin(browser, "GET", "/sandbox/state").send().body().at("/viewer/login").asText())
                .isEqualTo("filippsandsec");
    }

    /** Logs in the way Tasklist's login form does: a first request hands out the CSRF token, the POST sends it. */
    private static Api.Response signInToTasklist(Api browser, String login) {
        String token = browser.request("GET", "/camunda/app/tasklist/").send().header("X-XSRF-TOKEN").orElseThrow();
        return browser.request("POST", WEBAPP_USER + "/login/tasklist")
                .header("X-XSRF-TOKEN", token)
                .form("username=" + login + "&password=" + PASSWORD)
                .send();
    }

    private Api.Request sameOrigin(Api browser, String method, String path) {
        return browser.request(method, path)
                .header("Origin", "http://localhost:" + port)
                .header("Sec-Fetch-Site", "same-origin")
                .header("Sec-Fetch-Mode", "cors")
                .header("Accept", "application/json");
    }

    private long manager(String name, String login) {
        long team = sandbox.createTeam("Команда " + login);
        long id = sandbox.createUser(name, login + "@demo.shiftrelay.local", team);
        directory.sync();
        return id;
    }
}
