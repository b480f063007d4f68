package com.shiftrelay.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.shiftrelay.sandbox.SandboxCrm;
import com.shiftrelay.presence.ManagerDirectory;
import com.shiftrelay.presence.Managers;
import com.shiftrelay.support.Api;
import com.shiftrelay.support.ShiftRelayIntegrationTest;
import com.shiftrelay.support.StartupSync;
import com.shiftrelay.support.WebappLogin;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A page of the Camunda webapps (ShiftRelay's Cockpit plugin) calls the API with the session its user signed
 * in with, and nothing else: the same rules as for HTTP Basic, and the webapps' CSRF token for anything that
 * changes state.
 */
@ShiftRelayIntegrationTest
class WebappSessionApiIT {

    private static final String PASSWORD = "demo";

    @Autowired
    SandboxCrm sandbox;

    @Autowired
    ManagerDirectory directory;

    @Autowired
    Managers managers;

    @Autowired
    IdentityService identity;

    @Autowired
    HistoryService history;

    @LocalServerPort
    int port;

    @BeforeEach
    void afterTheStartupSync() {
        StartupSync.awaitEnd(history);
    }

    @Test
    void anAdministratorSignedInToCockpitReadsTheApiWithTheSessionAlone() {
        long team = sandbox.createTeam("Команда Cockpit");
        long yana = sandbox.createUser("Яна Просматриваемая", "yanawebsession@demo.shiftrelay.local", team);
        directory.sync();
        WebappLogin admin = WebappLogin.signIn(port, "cockpit", "admin", "admin");

        var managersList = fromThePage(admin.browser().request("GET", "/api/managers")).send();
        assertThat(managersList.status()).isEqualTo(200);
        assertThat(managersList.body().findValuesAsText("login")).contains("yanawebsession");
        assertThat(fromThePage(admin.browser().request("GET", "/api/handovers?managerId=" + yana)).send().status())
                .isEqualTo(200);

        // Nothing is kept for the API: no session of its own, no second XSRF-TOKEN beside the webapps'.
        assertThat(managersList.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void aManagerSignedInToTasklistReadsOnlyTheirOwnLedger() {
        long team = sandbox.createTeam("Команда сессий");
        long ulyana = sandbox.createUser("Ульяна Своя", "ulyanawebsession@demo.shiftrelay.local", team);
        long fyodor = sandbox.createUser("Фёдор Чужой", "fyodorwebsession@demo.shiftrelay.local", team);
        directory.sync();
        WebappLogin ulyanasSession = WebappLogin.signIn(port, "tasklist", "ulyanawebsession", PASSWORD);
        Api browser = ulyanasSession.browser();

        assertThat(fromThePage(browser.request("GET", "/api/handovers?managerId=" + ulyana)).send().status())
                .isEqualTo(200);
        var othersLedger = fromThePage(browser.request("GET", "/api/handovers?managerId=" + fyodor)).send();
        assertThat(othersLedger.status()).isEqualTo(403);
        assertThat(othersLedger.contentType()).startsWith("application/problem+json");
        var settings = fromThePage(browser.request("PUT", "/api/teams/" + team + "/settings"))
                .header("X-XSRF-TOKEN", ulyanasSession.csrfToken()).json("{\"handoverEnabled\":false}").send();
        assertThat(settings.status()).as("team settings are for administrators").isEqualTo(403);
    }

    @Test
    void aRequestThatChangesStateNeedsTheWebappsTokenOfTheSession() {
        long team = sandbox.createTeam("Команда токенов");
        long khariton = sandbox.createUser("Харитон Занятой", "kharitonwebsession@demo.shiftrelay.local", team);
        directory.sync();
        WebappLogin session = WebappLogin.signIn(port, "tasklist", "kharitonwebsession", PASSWORD);
        // Spring Security's token, as a page of ours signed in by HTTP Basic would hold it.
        Api other = Api.browser(port);
        other.request("GET", "/api/managers/" + khariton).basic("kharitonwebsession", PASSWORD)
                .header("Sec-Fetch-Site", "same-origin").send();
        String springsToken = other.cookie("XSRF-TOKEN", "/api").orElseThrow();

        for (String token : new String[] {null, "forged", springsToken}) {
            var request = activity(session.browser(), khariton);
            var refused = (token == null ? request : request.header("X-XSRF-TOKEN", token)).send();
            assertThat(refused.status()).as("token %s", token).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().get("detail").asText()).contains("X-XSRF-TOKEN");
        }
        assertThat(managers.findById(khariton).orElseThrow().getLastActivityAt()).isNull();

        // The refusals did not end the session (the webapps' own filter would have): the right token passes.
        var accepted = activity(session.browser(), khariton).header("X-XSRF-TOKEN", session.csrfToken()).send();
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(managers.findById(khariton).orElseThrow().getLastActivityAt()).isNotNull();
    }

    @Test
    void withoutASignedInSessionAndWithoutBasicTheAnswerIs401() {
        var anonymous = fromThePage(new Api(port).request("GET", "/api/managers")).header("Cookie", "JSESSIONID=unknown")
                .send();
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.header("WWW-Authenticate")).as("a browser gets no login dialog").isEmpty();

        // The webapps' session before sign-in and after sign-out holds nobody.
        WebappLogin admin = WebappLogin.signIn(port, "cockpit", "admin", "admin");
        admin.signOut();
        var signedOut = fromThePage(admin.browser().request("GET", "/api/managers")).send();
        assertThat(signedOut.status()).isEqualTo(401);
        assertThat(signedOut.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aUserDeletedSinceSigningInIsNobody() {
        long team = sandbox.createTeam("Команда уволенных");
        sandbox.createUser("Эмма Уволенная", "emmawebsession@demo.shiftrelay.local", team);
        directory.sync();
        WebappLogin emma = WebappLogin.signIn(port, "tasklist", "emmawebsession", PASSWORD);
        assertThat(fromThePage(emma.browser().request("GET", "/api/managers")).send().status()).isEqualTo(200);

        identity.deleteUser("emmawebsession");

        assertThat(fromThePage(emma.browser().request("GET", "/api/managers")).send().status()).isEqualTo(401);
    }

    @Test
    void basicCredentialsDecideWhenARequestCarriesThemBesideASession() {
        WebappLogin admin = WebappLogin.signIn(port, "cockpit", "admin", "admin");

        var wrongBasic = fromThePage(admin.browser().request("GET", "/api/managers")).basic("nobody", "wrong").send();

        assertThat(wrongBasic.status()).isEqualTo(401);
    }

    /** What a Cockpit plugin's fetch() of ShiftRelay's API sends besides the cookies. */
    private Api.Request fromThePage(Api.Request request) {
        return request.header("Sec-Fetch-Site", "same-origin").header("Sec-Fetch-Mode", "cors")
                .header("Referer", "http://localhost:" + port + "/camunda/app/cockpit/default/");
    }

    private Api.Request activity(Api browser, long managerId) {
        return fromThePage(browser.request("POST", "/api/managers/" + managerId + "/activity"))
                .header("Origin", "http://localhost:" + port)
                .json("{}");
    }
}
