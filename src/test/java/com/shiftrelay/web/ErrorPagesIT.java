package com.shiftrelay.web;

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
 * A person who opens what they may not use, or what does not exist, reads a page that says so and where to go;
 * a JSON client still gets JSON.
 */
@ShiftRelayIntegrationTest
class ErrorPagesIT {

    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final String WHO_MAY = "Cockpit и Admin — для администраторов; менеджеры работают в Tasklist";

    @Autowired
    SandboxCrm sandbox;

    @Autowired
    ManagerDirectory directory;

    @LocalServerPort
    int port;

    @Test
    void aManagerOpeningCockpitOrAdminReadsWhoTheyAreForAndFindsTasklist() {
        long team = sandbox.createTeam("Команда страниц");
        sandbox.createUser("Эмма Любопытная", "emmaerrors@demo.shiftrelay.local", team);
        directory.sync();
        Api browser = Api.browser(port);
        signInToTasklist(browser, "emmaerrors", "demo");

        for (String app : List.of("/camunda/app/cockpit/default/", "/camunda/app/admin/default/")) {
            var page = browser.request("GET", app).header("Accept", HTML).send();
            assertThat(page.status()).as(app).isEqualTo(403);
            assertThat(page.contentType()).as(app).startsWith("text/html");
            assertThat(page.text()).as(app).contains(WHO_MAY).contains("Cockpit and Admin are for administrators")
                    .contains("href=\"/camunda/app/tasklist/\"").doesNotContain("Whitelabel");

            var json = browser.request("GET", app).header("Accept", "application/json").send();
            assertThat(json.status()).as(app).isEqualTo(403);
            assertThat(json.contentType()).as(app).contains("json");
            assertThat(json.body().get("status").asInt()).as(app).isEqualTo(403);
        }
        // Tasklist itself is theirs.
        assertThat(browser.request("GET", "/camunda/app/tasklist/default/").header("Accept", HTML).send().status())
                .isEqualTo(200);
    }

    @Test
    void anUnknownPathIsAReadableNotFound() {
        Api browser = Api.browser(port);

        // The last two name an app the webapps do not have, where Camunda would fail with 500.
        for (String path : List.of("/no-such-page", "/camunda/lib/no-such-script.js", "/camunda/app/no-such-app/",
                "/camunda/app/no-such-app/default/")) {
            var page = browser.request("GET", path).header("Accept", HTML).send();
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.contentType()).as(path).startsWith("text/html");
            assertThat(page.text()).as(path).contains("Такой страницы нет").contains("There is no such page")
                    .contains("href=\"/camunda/app/tasklist/\"").doesNotContain("Whitelabel");

            var json = browser.request("GET", path).header("Accept", "application/json").send();
            assertThat(json.status()).as(path).isEqualTo(404);
            assertThat(json.contentType()).as(path).contains("json");
            assertThat(json.text()).as(path).doesNotContain("<html");
        }
        var style = browser.request("GET", "/error/error.css").send();
        assertThat(style.status()).isEqualTo(200);
        assertThat(style.contentType()).startsWith("text/css");
    }

    private static void signInToTasklist(Api browser, String login, String password) {
        String token = browser.request("GET", "/camunda/app/tasklist/").send().header("X-XSRF-TOKEN").orElseThrow();
        var response = browser.request("POST", "/camunda/api/admin/auth/user/default/login/tasklist")
                .header("X-XSRF-TOKEN", token).form("username=" + login + "&password=" + password).send();
        assertThat(response.status()).isEqualTo(200);
    }
}
