package com.shiftrelay.sandbox;

import com.shiftrelay.web.LocalServer;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.util.UriUtils;

/**
 * Sends the sandbox's deal changes as its dialect's CRM notifies an integration: amoCRM's lead webhooks, one per
 * change, or Bitrix24's outbound events ({@code ONCRMDEALADD}, {@code ONCRMDEALUPDATE}), one per deal; to ShiftRelay's
 * own endpoint unless {@code shiftrelay.sandbox.webhooks.url} names another. A change is sent only once its
 * transaction has committed, from one thread of its own in the order of the commits, so whoever changed the
 * sandbox never waits for the receiver; a delivery that fails is tried again after a pause, and one that keeps
 * failing is logged and given up. The latest deliveries are kept for the sandbox page.
 */
@Component
@ConditionalOnSandboxCrm
class SandboxWebhooks {

    /** What became of one webhook; {@code status} is the last answer's HTTP status, {@code error} why it failed. */
    record Delivery(Instant at, String action, List<Long> leadIds, boolean delivered, Integer status, String error,
                    int tries) {
    }

    static final String SECRET_PROPERTY = "shiftrelay.webhooks.amocrm.secret";
    static final String DEFAULT_SECRET = "sandbox-webhook-secret";
    static final String OWN_ENDPOINT = "/webhooks/amocrm/";
    static final String APPLICATION_TOKEN_PROPERTY = "shiftrelay.webhooks.bitrix24.application-token";
    static final String OWN_BITRIX24_ENDPOINT = "/webhooks/bitrix24";
    static final int KEPT_DELIVERIES = 50;
    /** Webhooks waiting to be sent; more than that while the receiver is slow are dropped, and recorded so. */
    private static final int QUEUE_CAPACITY = 200;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(SandboxWebhooks.class);

    /** One request to send: what it reports, for the page, and its form. */
    private record Message(String action, List<Long> leadIds, String body) {
    }

    private final SandboxProperties.Webhooks settings;
    private final SandboxProperties.Dialect dialect;
    private final String secret;
    private final String applicationToken;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    // One thread: webhooks leave in the order their changes committed, as a receiver would expect them.
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE_CAPACITY), runnable -> {
                Thread thread = new Thread(runnable, "sandbox-webhooks");
                thread.setDaemon(true);
                return thread;
            });
    private final Deque<Delivery> recent = new ArrayDeque<>();
    private volatile String serverBaseUrl;

    SandboxWebhooks(SandboxProperties properties, Environment environment, ObjectProvider<Clock> clock) {
        this.settings = properties.webhooks();
        this.dialect = properties.dialect();
        // The webhook endpoints own shiftrelay.webhooks.*; the sandbox only needs to know where they are and what
        // they check.
        Binder binder = Binder.get(environment);
        this.secret = binder.bind(SECRET_PROPERTY, String.class).orElse(DEFAULT_SECRET);
        this.applicationToken = binder.bind(APPLICATION_TOKEN_PROPERTY, String.class).orElse(properties.token());
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** The sandbox and ShiftRelay's endpoint are this application itself, known once its web server has started. */
    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        LocalServer.baseUrl(event).ifPresent(base -> serverBaseUrl = base);
    }

    /** Called after the change's transaction committed (never for one rolled back); it only queues the webhook. */
    @TransactionalEventListener
    void leadsChanged(SandboxLeadsChanged change) {
        if (!settings.enabled()) {
            return;
        }
        for (Message message : messages(change)) {
            try {
                sender.execute(() -> deliver(message));
            } catch (RejectedExecutionException e) {
                log.warn("Sandbox webhook {} for deals {} dropped: {} webhooks are waiting already",
                        message.action(), message.leadIds(), QUEUE_CAPACITY);
                record(message, false, null, "dropped: " + QUEUE_CAPACITY + " webhooks were waiting already", 0);
            }
        }
    }

    /**
     * amoCRM reports a change's leads together in one webhook; Bitrix24 sends one event per deal, naming only its id
     * (api-reference/crm/deals/events/on-crm-deal-add.md), signed with the application's token.
     */
    private List<Message> messages(SandboxLeadsChanged change) {
        if (dialect == SandboxProperties.Dialect.AMOCRM) {
            String accountUrl = serverBaseUrl + SandboxWebConfiguration.ACCOUNT_BASE;
            return List.of(new Message("leads[" + change.action() + "]", leadIds(change),
                    AmoCrmWebhookForm.encode(change, accountUrl)));
        }
        String event = SandboxLeadsChanged.ADD.equals(change.action()) ? "ONCRMDEALADD" : "ONCRMDEALUPDATE";
        long ts = clock.instant().getEpochSecond();
        return change.leads().stream().map(lead -> new Message(event, List.of(lead.id()),
                "event=" + event + "&" + form("data[FIELDS][ID]") + "=" + lead.id() + "&ts=" + ts
                        + "&" + form("auth[domain]") + "=" + form(SandboxBitrix24Api.DOMAIN)
                        + "&" + form("auth[application_token]") + "=" + form(applicationToken))).toList();
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The latest deliveries, newest first. */
    List<Delivery> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    @PreDestroy
    void stop() {
        sender.shutdownNow();
    }

    private void deliver(Message message) {
        Duration pause = settings.backoff();
        Integer status = null;
        String error;
        int tries = 0;
        while (true) {
            tries++;
            String url = url();
            try {
                if (url == null) {
                    throw new IOException("the web server has not started yet");
                }
                HttpResponse<Void> response = http.send(request(url, message), HttpResponse.BodyHandlers.discarding());
                status = response.statusCode();
                if (status >= 200 && status < 300) {
                    log.debug("Sandbox webhook {} for deals {} delivered: HTTP {}", message.action(),
                            message.leadIds(), status);
                    record(message, true, status, null, tries);
                    return;
                }
                error = "HTTP " + status;
            } catch (IOException | IllegalArgumentException e) {
                status = null;
                error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                record(message, false, status, "stopped: the application is shutting down", tries);
                return;
            }
            if (tries >= settings.attempts()) {
                log.warn("Sandbox webhook {} for deals {} given up after {} tries: {}", message.action(),
                        message.leadIds(), tries, error);
                record(message, false, status, error, tries);
                return;
            }
            log.info("Sandbox webhook {} for deals {} failed on try {} of {} ({}); trying again in {}",
                    message.action(), message.leadIds(), tries, settings.attempts(), error, pause);
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                record(message, false, status, "stopped: the application is shutting down", tries);
                return;
            }
            pause = pause.multipliedBy(2);
        }
    }

    private HttpRequest request(String url, Message message) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(REQUEST_TIMEOUT)
                .header(HttpHeaders.CONTENT_TYPE, AmoCrmWebhookForm.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(message.body(), StandardCharsets.UTF_8))
                .build();
    }

    /** The configured receiver, or ShiftRelay's own endpoint; null while that is not known yet. */
    private String url() {
        if (settings.url() != null) {
            return settings.url();
        }
        String base = serverBaseUrl;
        if (base == null) {
            return null;
        }
        return dialect == SandboxProperties.Dialect.BITRIX24 ? base + OWN_BITRIX24_ENDPOINT
                : base + OWN_ENDPOINT + UriUtils.encodePathSegment(secret, StandardCharsets.UTF_8);
    }

    private void record(Message message, boolean delivered, Integer status, String error, int tries) {
        Delivery delivery = new Delivery(clock.instant(), message.action(), message.leadIds(), delivered, status,
                error, tries);
        synchronized (recent) {
            recent.addFirst(delivery);
            while (recent.size() > KEPT_DELIVERIES) {
                recent.removeLast();
            }
        }
    }

    private static List<Long> leadIds(SandboxLeadsChanged change) {
        return change.leads().stream().map(SandboxLeadsChanged.LeadState::id).toList();
    }
}
