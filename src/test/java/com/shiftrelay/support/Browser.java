package com.shiftrelay.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real headless Chromium, the system's (Debian's {@code chromium} package, or {@code SHIFTRELAY_CHROMIUM}),
 * driven by Playwright. On a machine without it the browser tests are skipped with a notice, except in CI
 * ({@code CI=true}), where {@code .ci/run} installs it and a missing browser is a failure.
 */
public final class Browser implements AutoCloseable {

    private static final Path DEFAULT_CHROMIUM = Path.of("/usr/bin/chromium");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;
    private final String base;
    private final List<Page> pages = new ArrayList<>();
    private final List<List<String>> journals = new ArrayList<>();

    private Browser(int port) {
        Path executable = executable();
        this.playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable)
                .setHeadless(true)
                .setArgs(List.of("--disable-dev-shm-usage")));
        this.base = "http://localhost:" + port;
    }

    public static Browser start(int port) {
        Path executable = executable();
        boolean present = Files.isExecutable(executable);
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("No Chromium at " + executable + ": .ci/run installs Debian's chromium");
        }
        assumeTrue(present, "No Chromium at " + executable + " (apt-get install chromium): browser test skipped");
        return new Browser(port);
    }

    private static Path executable() {
        String configured = System.getenv("SHIFTRELAY_CHROMIUM");
        return configured == null || configured.isBlank() ? DEFAULT_CHROMIUM : Path.of(configured);
    }

    /**
     * A fresh browser profile in the given language (a Russian manager's browser sends {@code ru-RU}), allowed
     * to show notifications, which are recorded in {@code window.__notifications} instead of reaching a desktop
     * that a headless browser does not have.
     */
    public Page newPage(String locale) {
        BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale(locale)
                .setBaseURL(base)
                .setViewportSize(1400, 900));
        context.grantPermissions(List.of("notifications"), new BrowserContext.GrantPermissionsOptions().setOrigin(base));
        context.addInitScript("""
                window.__notifications = [];
                window.Notification = class {
                  static permission = 'granted';
                  static requestPermission() { return Promise.resolve('granted'); }
                  constructor(title, options) { window.__notifications.push({ title, body: (options || {}).body, tag: (options || {}).tag }); }
                  close() {}
                };
                """);
        Page page = context.newPage();
        page.setDefaultTimeout(20_000);
        // What the page asked for and how long each answer took, and what it complained of: kept with its picture.
        List<String> journal = new ArrayList<>();
        long opened = System.nanoTime();
        page.onConsoleMessage(message -> {
            if (!"log".equals(message.type()) && !"debug".equals(message.type())) {
                journal.add(elapsed(opened) + " console " + message.type() + ": " + message.text());
            }
        });
        page.onPageError(error -> journal.add(elapsed(opened) + " page error: " + error));
        page.onRequestFinished(request -> journal.add(elapsed(opened) + " " + request.method() + " " + request.url()
                + " in " + Math.round(request.timing().responseEnd) + " ms"));
        page.onRequestFailed(request -> journal.add(elapsed(opened) + " FAILED " + request.method() + " "
                + request.url() + ": " + request.failure()));
        pages.add(page);
        journals.add(journal);
        return page;
    }

    /**
     * Signs in on a Camunda webapp's own login form, as a person does, and returns once the form is gone. The
     * webapp focuses its user name field when its view settles, which on a busy machine can be after the fields
     * were filled; the password then lands in the user name field ("marinademo"). So the fields are read back
     * before the form is sent, and filled again when the webapp moved the typing elsewhere.
     */
    public static void signIn(Page page, String app, String user, String password) {
        page.navigate("/camunda/app/" + app + "/");
        Locator username = page.locator("input[ng-model=username]");
        Locator secret = page.locator("input[ng-model=password]");
        try {
            username.waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        } catch (TimeoutError stalled) {
            // A webapp that has not drawn its form after 30 s on a busy machine is loaded again, as a person would;
            // the page's journal (target/browser) shows which of its requests took so long.
            page.reload();
        }
        for (int attempt = 1; ; attempt++) {
            username.fill(user);
            secret.fill(password);
            if (!user.equals(username.inputValue()) || !password.equals(secret.inputValue())) {
                if (attempt == 3) {
                    throw new IllegalStateException("The " + app + " login form did not keep what was typed in it");
                }
                page.waitForTimeout(500);
                continue;
            }
            page.locator("form[name=signinForm] button[type=submit]").click();
            try {
                username.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED).setTimeout(20_000));
                return;
            } catch (TimeoutError stillThere) {
                if (attempt == 3) {
                    throw stillThere;
                }
            }
        }
    }

    /** Opens the sandbox page and signs in on its form; returns once the page is there. */
    public static void openSandboxPage(Page page, String user, String password) {
        page.navigate("/sandbox");
        page.waitForURL("**/sandbox/login.html");
        signInOnOurForm(page, user, password);
        // Signing in goes through the webapps' login, which a busy 2-core machine may take its time over.
        page.waitForURL("**/sandbox/index.html**", new Page.WaitForURLOptions().setTimeout(45_000));
    }

    /** Signs in on the sign-in form of a page of ours behind a login (the sandbox's, the roster's). */
    public static void signInOnOurForm(Page page, String user, String password) {
        page.locator("#login input[name=username]").fill(user);
        page.locator("#login input[name=password]").fill(password);
        page.locator("#login button[type=submit]").click();
    }

    private static String elapsed(long since) {
        return String.format("%7.1f s", (System.nanoTime() - since) / 1e9);
    }

    /**
     * Keeps a picture of every page as it was at the end, and the journal of its requests and complaints, in
     * target/browser, for whoever reads a failure.
     */
    public void close(String testName) {
        for (int i = 0; i < pages.size(); i++) {
            try {
                Files.createDirectories(Path.of("target", "browser"));
                Files.write(Path.of("target", "browser", testName + "-" + i + ".log"), List.copyOf(journals.get(i)));
            } catch (java.io.IOException | RuntimeException e) {
                // The journal is a help for reading a failure, never a failure of its own.
            }
            try {
                pages.get(i).screenshot(new Page.ScreenshotOptions().setFullPage(true)
                        .setPath(Path.of("target", "browser", testName + "-" + i + ".png")));
            } catch (RuntimeException e) {
                // A page that is gone has nothing to show.
            }
        }
        close();
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
