package com.shiftrelay.sandbox;

import com.shiftrelay.web.LocalServer;
import com.shiftrelay.web.WebhookSignatures;
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
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Calls as the sandbox's telephony would report them to ShiftRelay: in the Bitrix24 dialect the portal's
 * {@code ONVOXIMPLANTCALLEND} (form, signed with the application token), in the amoCRM dialect a PBX in ShiftRelay's
 * own JSON format (amoCRM has no telephony of its own), signed with {@code shiftrelay.telephony.pbx.secret}. A
 * missed call, a call a manager answered, and a manager's call back to the client.
 */
@Component
@ConditionalOnSandboxCrm
class SandboxCalls {

    /** What the page and the REST simulation can make happen. */
    enum Kind {
        MISSED, ANSWERED, CALLBACK
    }

    record Simulated(String callId, int status, String answer) {
    }

    static final String PBX_SECRET_PROPERTY = "shiftrelay.telephony.pbx.secret";
    static final String BITRIX24_TOKEN_PROPERTY = "shiftrelay.telephony.bitrix24.application-token";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final SandboxProperties.Dialect dialect;
    private final SandboxClients clients;
    private final SandboxCrm crm;
    private final Environment environment;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private volatile String serverBaseUrl;

    SandboxCalls(SandboxProperties properties, SandboxClients clients, SandboxCrm crm, Environment environment,
                 ObjectProvider<Clock> clock) {
        this.dialect = properties.dialect();
        this.clients = clients;
        this.crm = crm;
        this.environment = environment;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        LocalServer.baseUrl(event).ifPresent(base -> serverBaseUrl = base);
    }

    /**
     * The call, posted to ShiftRelay's telephony webhook of the dialect; {@code managerId} null is the client's
     * responsible manager (for a callback: the one whose callback task is open, if any).
     */
    Simulated simulate(Kind kind, String number, Long managerId) {
        if (kind == null) {
            throw new SimulationRejectedException(HttpStatus.BAD_REQUEST, "kind", "kind must be missed, answered or"
                    + " callback");
        }
        if (number == null || !number.matches("\\d{11,15}")) {
            throw new SimulationRejectedException(HttpStatus.BAD_REQUEST, "number",
                    "number must be the client's digits, 7XXXXXXXXXX");
        }
        Long manager = kind == Kind.MISSED ? null : managerId != null ? managerId : managerOf(number);
        if (manager != null && crm.users().stream().noneMatch(user -> user.id() == manager)) {
            throw new SimulationRejectedException(HttpStatus.BAD_REQUEST, "managerId", "No user " + manager);
        }
        if (kind != Kind.MISSED && manager == null) {
            throw new SimulationRejectedException(HttpStatus.BAD_REQUEST, "managerId",
                    "Name the manager who talks to the client (managerId): the sandbox knows no client with " + number);
        }
        String base = serverBaseUrl;
        if (base == null) {
            throw new SimulationRejectedException(HttpStatus.SERVICE_UNAVAILABLE, "server",
                    "The web server has not started yet");
        }
        String callId = "sandbox-" + UUID.randomUUID();
        Instant startedAt = clock.instant().minus(kind == Kind.MISSED ? Duration.ofSeconds(20)
                : Duration.ofSeconds(kind == Kind.CALLBACK ? 190 : 95));
        int seconds = kind == Kind.MISSED ? 0 : kind == Kind.CALLBACK ? 190 : 95;
        boolean outgoing = kind == Kind.CALLBACK;
        HttpRequest request = dialect == SandboxProperties.Dialect.BITRIX24
                ? bitrix24(base, callId, outgoing, number, manager, seconds, startedAt)
                : pbx(base, callId, outgoing, number, manager, seconds, startedAt);
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Simulated(callId, response.statusCode(), response.body());
        } catch (IOException e) {
            throw new SimulationRejectedException(HttpStatus.BAD_GATEWAY, "server",
                    "ShiftRelay's telephony webhook did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulationRejectedException(HttpStatus.SERVICE_UNAVAILABLE, "server", "Interrupted");
        }
    }

    private Long managerOf(String number) {
        return clients.contactsByPhone(number).stream().findFirst().map(contact -> clients.tasks().stream()
                .filter(task -> !task.completed() && (contact.leadIds().contains(task.leadId())
                        || Long.valueOf(contact.id()).equals(task.contactId())))
                .map(SandboxClients.Task::responsibleId).findFirst().orElse(contact.responsibleId())).orElse(null);
    }

    private HttpRequest pbx(String base, String callId, boolean outgoing, String number, Long manager, int seconds,
                            Instant startedAt) {
        String secret = Binder.get(environment).bind(PBX_SECRET_PROPERTY, String.class).orElse("");
        byte[] body = ("{\"callId\":\"" + callId + "\",\"direction\":\"" + (outgoing ? "outgoing" : "incoming")
                + "\",\"clientNumber\":\"+" + number + "\"" + (manager == null ? "" : ",\"managerId\":" + manager)
                + ",\"answered\":" + (seconds > 0) + ",\"durationSeconds\":" + seconds + ",\"startedAt\":\""
                + startedAt + "\"}").getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.instant().getEpochSecond();
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return HttpRequest.newBuilder(URI.create(base + "/webhooks/telephony/calls")).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("X-ShiftRelay-Timestamp", String.valueOf(timestamp))
                .header("X-ShiftRelay-Signature", "sha256=" + WebhookSignatures.hmacSha256Hex(secret, signed))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private HttpRequest bitrix24(String base, String callId, boolean outgoing, String number, Long manager,
                                 int seconds, Instant startedAt) {
        String token = Binder.get(environment).bind(BITRIX24_TOKEN_PROPERTY, String.class).orElse("");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("event", "ONVOXIMPLANTCALLEND");
        fields.put("data[CALL_ID]", callId);
        fields.put("data[CALL_TYPE]", outgoing ? "1" : "2");
        fields.put("data[PHONE_NUMBER]", "+" + number);
        fields.put("data[PORTAL_USER_ID]", manager == null ? "0" : String.valueOf(manager));
        fields.put("data[PORTAL_NUMBER]", "reg74950000000");
        fields.put("data[CALL_DURATION]", String.valueOf(seconds));
        fields.put("data[CALL_START_DATE]", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                startedAt.atZone(ZoneId.of("Europe/Moscow"))));
        fields.put("data[CALL_FAILED_CODE]", seconds > 0 ? "200" : "304");
        fields.put("data[CALL_FAILED_REASON]", seconds > 0 ? "Success call" : "Missed call");
        fields.put("ts", String.valueOf(clock.instant().getEpochSecond()));
        fields.put("auth[domain]", SandboxBitrix24Api.DOMAIN);
        fields.put("auth[application_token]", token);
        String form = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(base + "/webhooks/telephony/bitrix24")).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build();
    }
}
