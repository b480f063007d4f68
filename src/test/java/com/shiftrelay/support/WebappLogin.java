package com.shiftrelay.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Signs in to the Camunda webapps the way their login page does: a first request hands out the webapps' CSRF
 * token (the {@code XSRF-TOKEN} cookie at {@code /camunda} and the {@code X-XSRF-TOKEN} header), the login
 * form is posted with it, and since the login starts a new session, the next request of the page hands out
 * the token of that session.
 *
 * @param browser the client holding the session cookie, as the browser does
 * @param csrfToken the webapps' token of the session, as a page of the webapps reads it from its cookies
 *                  (a Cockpit plugin's {@code api.CSRFToken})
 */
public record WebappLogin(Api browser, String csrfToken) {

    private static final String USER = "/camunda/api/admin/auth/user/default";
    private static final String PAGE = "/camunda/app/cockpit/default/";

    /** Signs in to {@code app} ("cockpit" for an administrator, "tasklist" for a manager). */
    public static WebappLogin signIn(int port, String app, String user, String password) {
        Api browser = Api.browser(port);
        var before = browser.request("GET", USER).send();
        String token = before.header("X-XSRF-TOKEN").orElseThrow(() ->
                new AssertionError("the webapps handed out no CSRF token: " + before.status() + " " + before.headers()));

        var login = browser.request("POST", USER + "/login/" + app)
                .header("X-XSRF-TOKEN", token)
                .form("username=" + encode(user) + "&password=" + encode(password))
                .send();
        assertThat(login.status()).as("login to %s as %s: %s", app, user, login.text()).isEqualTo(200);

        var signedIn = browser.request("GET", USER).send();
        assertThat(signedIn.status()).as("signed in: %s", signedIn.text()).isEqualTo(200);
        return new WebappLogin(browser, browser.cookie("XSRF-TOKEN", PAGE).orElseThrow());
    }

    /** Signs out as the webapps' "sign out" does; the session then holds nobody. */
    public void signOut() {
        var logout = browser.request("POST", USER + "/logout").header("X-XSRF-TOKEN", csrfToken).form("").send();
        assertThat(logout.status()).as("logout: %s", logout.text()).isEqualTo(200);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
