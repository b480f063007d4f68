package com.shiftrelay.web;

import java.util.Optional;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * Where this application's own web server can be reached from inside it, as the server announces it once started:
 * the sandbox CRM and ShiftRelay's endpoints are served by the application itself, on a port only known then
 * (tests run on random ones).
 */
public final class LocalServer {

    private LocalServer() {
    }

    /**
     * {@code http://localhost:<port><context path>} of the main server; empty for a separate management server,
     * which announces itself too but hosts neither.
     */
    public static Optional<String> baseUrl(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() != null) {
            return Optional.empty();
        }
        String contextPath = event.getApplicationContext() instanceof ServletWebServerApplicationContext servlet
                && servlet.getServletContext() != null ? servlet.getServletContext().getContextPath() : "";
        return Optional.of("http://localhost:" + event.getWebServer().getPort() + contextPath);
    }
}
