package com.shiftrelay.crm.amocrm;

import static org.assertj.core.api.Assertions.assertThat;

import com.shiftrelay.ShiftRelayApplication;
import com.shiftrelay.crm.CrmDealChange;
import com.shiftrelay.crm.CrmDealChange.Kind;
import com.shiftrelay.intake.DealChangeAccepted;
import com.shiftrelay.support.Api;
import com.shiftrelay.support.ShiftRelayIntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * amoCRM's lead webhooks over HTTP as amoCRM sends them: stored once, announced once, refused without the secret,
 * the account, a readable body or a body of at most a megabyte, and acknowledged only once stored.
 */
@ShiftRelayIntegrationTest
// Named, because Spring Boot would take the contract test's configuration found first in this package.
@ContextConfiguration(classes = {ShiftRelayApplication.class, AmoCrmWebhookIT.Listening.class})
@TestPropertySource(properties = "shiftrelay.webhooks.amocrm.subdomain=clinic")
@ExtendWith(OutputCaptureExtension.class)
class AmoCrmWebhookIT {

    /** The sandbox profile's secret. */
    private static final String SECRET = "sandbox-webhook-secret";
    private static final String URL = "/webhooks/amocrm/" + SECRET;
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final int MEGABYTE = 1024 * 1024;
    /** Deal ids of this run, apart from any an earlier run left in a database that outlives it. */
    private static final AtomicLong DEALS = new AtomicLong(System.currentTimeMillis() * 100);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    HeardChanges heard;

    @LocalServerPort
    int port;

    @TestConfiguration
    static class Listening {
        @Bean
        HeardChanges heardChanges() {
            return new HeardChanges();
        }
    }

    /** Listens as routing will: in the storing transaction; fails or holds it on a test's request. */
    static class HeardChanges {
        final List<DealChangeAccepted> heard = new CopyOnWriteArrayList<>();
        final Set<Long> failOnce = ConcurrentHashMap.newKeySet();
        volatile long holdDeal;
        volatile CountDownLatch released = new CountDownLatch(0);

        @EventListener
        void on(DealChangeAccepted accepted) throws InterruptedException {
            long deal = accepted.change().dealId();
            if (failOnce.remove(deal)) {
                throw new IllegalStateException("Routing deal " + deal + " failed");
            }
            if (deal == holdDeal) {
                released.await(2, TimeUnit.SECONDS);
            }
            heard.add(accepted);
        }

        List<DealChangeAccepted> of(long deal) {
            return heard.stream().filter(accepted -> accepted.change().dealId() == deal).toList();
        }
    }

    @Test
    void aDeliveryIsStoredAndEachChangeAnnouncedOnce() {
        long deal = DEALS.incrementAndGet();
        String body = delivery(
                "leads[add][0][id]", deal, "leads[add][0][name]", "Имплантация", "leads[add][0][status_id]", 70011,
                "leads[add][0][pipeline_id]", 7001, "leads[add][0][price]", 180000,
                "leads[add][0][responsible_user_id]", 5001, "leads[add][0][last_modified]", 1764672000,
                "leads[add][0][modified_user_id]", 5001, "leads[add][0][tags][0][name]", "VIP",
                "leads[add][0][tags][1][name]", "Повторный визит", "leads[add][0][custom_fields][0][id]", 900001,
                "leads[add][0][custom_fields][0][values][0][value]", 1,
                "leads[status][0][id]", deal, "leads[status][0][status_id]", 70012, "leads[status][0][old_status_id]", 70011,
                "leads[status][0][pipeline_id]", 7001, "leads[status][0][old_pipeline_id]", 7001,
                "leads[status][0][last_modified]", 1764672060);

        var response = post(body);

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.body().get("accepted").asInt()).isEqualTo(2);
        assertThat(response.body().get("duplicates").asInt()).isZero();
        Map<String, Object> delivery = jdbc.queryForMap(
                "select id, size_bytes, change_count from webhook_delivery where source = 'amocrm' and delivery_key = ?",
                sha256(body));
        assertThat(((Number) delivery.get("size_bytes")).intValue()).isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
        assertThat(((Number) delivery.get("change_count")).intValue()).isEqualTo(2);
        List<StoredEvent> rows = rowsOf(deal);
        assertThat(rows).extracting(StoredEvent::kind).containsExactly("ADDED", "STATUS_CHANGED");
        assertThat(rows).allMatch(row -> row.deliveryId() == ((Number) delivery.get("id")).longValue());
        assertThat(rows.get(0).eventKey()).isEqualTo("add:" + deal);
        assertThat(rows.get(0).name()).isEqualTo("Имплантация");
        assertThat(rows.get(0).tags()).isEqualTo("VIP\nПовторный визит");
        assertThat(rows.get(0).changedAt().toInstant()).isEqualTo(Instant.ofEpochSecond(1764672000));
        assertThat(rows.get(1).eventKey()).isEqualTo("status:" + deal + ":70012:1764672060");
        assertThat(rows.get(1).previousStatusId()).isEqualTo(70011L);

        List<DealChangeAccepted> announced = heard.of(deal);
        assertThat(announced).extracting(DealChangeAccepted::eventId).containsExactly(rows.get(0).id(), rows.get(1).id());
        assertThat(announced).allMatch(accepted -> accepted.source().equals("amocrm"));
        assertThat(announced.get(0).change()).isEqualTo(new CrmDealChange(Kind.ADDED, deal, "Имплантация", 7001L, 70011L,
                null, null, 5001L, null, 180000L, List.of("VIP", "Повторный визит"), 5001L, Instant.ofEpochSecond(1764672000)));
        assertThat(announced.get(1).change().previousStatusId()).isEqualTo(70011L);
    }

    @Test
    void theSameDeliveryTwiceIsStoredOnceAndAnswered200Both() {
        long deal = DEALS.incrementAndGet();
        String body = delivery("leads[add][0][id]", deal, "leads[add][0][name]", "Чистка",
                "leads[responsible][0][id]", deal, "leads[responsible][0][responsible_user_id]", 5003,
                "leads[responsible][0][old_responsible_user_id]", 5001, "leads[responsible][0][last_modified]", 1764672100);
        assertThat(post(body).status()).isEqualTo(200);
        long deliveries = count("webhook_delivery");

        var again = post(body);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("accepted").asInt()).isZero();
        assertThat(again.body().get("duplicates").asInt()).isEqualTo(2);
        assertThat(count("webhook_delivery")).isEqualTo(deliveries);
        assertThat(rowsOf(deal)).extracting(StoredEvent::kind).containsExactly("ADDED", "RESPONSIBLE_CHANGED");
        assertThat(heard.of(deal)).hasSize(2);
    }

    @Test
    void aLeadsAddInAnotherDeliveryChangesNothing() {
        long deal = DEALS.incrementAndGet();
        assertThat(post(delivery("leads[add][0][id]", deal, "leads[add][0][name]", "Осмотр",
                "leads[add][0][last_modified]", 1764672200)).status()).isEqualTo(200);

        // amoCRM repeats the add, as it was when it happened, together with a later edit.
        var response = post(delivery("leads[add][0][id]", deal, "leads[add][0][name]", "Осмотр и снимок",
                "leads[add][0][last_modified]", 1764672260, "leads[update][0][id]", deal,
                "leads[update][0][name]", "Осмотр и снимок", "leads[update][0][last_modified]", 1764672260));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("accepted").asInt()).isEqualTo(1);
        assertThat(response.body().get("duplicates").asInt()).isEqualTo(1);
        List<StoredEvent> rows = rowsOf(deal);
        assertThat(rows).extracting(StoredEvent::kind).containsExactly("ADDED", "UPDATED");
        assertThat(rows.get(0).name()).isEqualTo("Осмотр");
        assertThat(heard.of(deal)).extracting(accepted -> accepted.change().kind()).containsExactly(Kind.ADDED, Kind.UPDATED);
    }

    @Test
    void aWrongSecretOrAnotherAccountIsNotFoundAndStoresNothing(CapturedOutput output) {
        long deal = DEALS.incrementAndGet();
        String body = delivery("leads[add][0][id]", deal);
        long deliveries = count("webhook_delivery");
        long events = count("crm_deal_event");
        Api api = new Api(port);

        List<Api.Response> refused = List.of(
                api.request("POST", "/webhooks/amocrm/guessed-secret").form(body).send(),
                api.request("POST", URL + "x").form(body).send(),
                api.request("POST", "/webhooks/amocrm/" + SECRET.substring(1)).form(body).send(),
                post(body.replace("account%5Bsubdomain%5D=clinic", "account%5Bsubdomain%5D=another-clinic")),
                post(body.replace("&account%5Bsubdomain%5D=clinic", "")));

        for (Api.Response response : refused) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.text()).doesNotContain(SECRET).doesNotContain("guessed-secret");
            assertThat(response.header("WWW-Authenticate")).isEmpty();
        }
        assertThat(refused.get(0).text()).as("nothing tells which check failed").isEqualTo(refused.get(3).text());
        assertThat(count("webhook_delivery")).isEqualTo(deliveries);
        assertThat(count("crm_deal_event")).isEqualTo(events);
        assertThat(heard.of(deal)).isEmpty();
        assertThat(output.getAll()).doesNotContain(SECRET).doesNotContain("guessed-secret");
    }

    @Test
    void aMalformedBodyIsA400NamingTheFieldAndStoresNothing() {
        long deal = DEALS.incrementAndGet();
        long deliveries = count("webhook_delivery");

        var badId = post(delivery("leads[add][0][id]", deal, "leads[status][0][id]", "десять"));
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.contentType()).startsWith("application/problem+json");
        assertThat(badId.body().get("field").asText()).isEqualTo("leads[status][0][id]");
        assertThat(badId.body().get("detail").asText()).contains("leads[status][0][id]");
        assertThat(badId.body().get("instance").asText()).isEqualTo("/webhooks/amocrm");
        assertThat(badId.text()).doesNotContain(SECRET);

        var brokenEncoding = post("leads%5Badd%5D%5B0%5D%5Bid%5D=" + deal + "&leads%5Badd%5D%5B0%5D%5Bname%5D=%D0%9");
        assertThat(brokenEncoding.status()).isEqualTo(400);
        assertThat(brokenEncoding.body().get("field").asText()).isEqualTo("leads[add][0][name]");

        var unbalanced = post("leads[add][0[id]=" + deal);
        assertThat(unbalanced.status()).isEqualTo(400);
        assertThat(unbalanced.body().get("field").asText()).isEqualTo("leads[add][0[id]");

        for (String type : List.of("application/json", "text/plain", FORM + "; charset=windows-1251")) {
            var notAForm = new Api(port).request("POST", URL)
                    .body(type, BodyPublishers.ofString(delivery("leads[add][0][id]", deal))).send();
            assertThat(notAForm.status()).as(type).isEqualTo(400);
            assertThat(notAForm.body().get("field").asText()).isEqualTo("Content-Type");
        }
        var noType = new Api(port).request("POST", URL).body(null, BodyPublishers.ofString("x")).send();
        assertThat(noType.status()).isEqualTo(400);

        assertThat(count("webhook_delivery")).isEqualTo(deliveries);
        assertThat(rowsOf(deal)).isEmpty();
    }

    @Test
    void aBodyOverAMegabyteIs413AndStoresNothing() {
        long deal = DEALS.incrementAndGet();
        byte[] tooLarge = paddedTo(MEGABYTE + 1, deal);
        long deliveries = count("webhook_delivery");
        Api api = new Api(port);

        var declared = api.request("POST", URL).body(FORM, BodyPublishers.ofByteArray(tooLarge)).send();
        var chunked = api.request("POST", URL)
                .body(FORM, BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooLarge))).send();

        for (Api.Response response : List.of(declared, chunked)) {
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(count("webhook_delivery")).isEqualTo(deliveries);
        assertThat(rowsOf(deal)).isEmpty();
    }

    /** A megabyte reaches the endpoint whole: no filter has read it as parameters, no 2 MB form limit of Tomcat's. */
    @Test
    void aBodyOfAMegabyteIsAcceptedWhole() {
        long deal = DEALS.incrementAndGet();
        byte[] body = paddedTo(MEGABYTE, deal);

        var response = new Api(port).request("POST", URL).body(FORM, BodyPublishers.ofByteArray(body)).send();

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.body().get("accepted").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select size_bytes from webhook_delivery where delivery_key = ?", Integer.class,
                sha256(new String(body, StandardCharsets.US_ASCII)))).isEqualTo(MEGABYTE);
        assertThat(rowsOf(deal)).hasSize(1);
    }

    /** amoCRM cannot log in; and no browser's cookie or missing CSRF token counts here either. */
    @Test
    void noLoginNoCsrfTokenAndNoSession() {
        long deal = DEALS.incrementAndGet();

        var response = new Api(port).request("POST", URL)
                .header("Origin", "http://evil.example")
                .header("Sec-Fetch-Site", "cross-site")
                .header("Sec-Fetch-Mode", "navigate")
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .header("Cookie", "JSESSIONID=0123456789ABCDEF")
                .form(delivery("leads[add][0][id]", deal))
                .send();

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.header("WWW-Authenticate")).isEmpty();
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(rowsOf(deal)).hasSize(1);
    }

    @Test
    void onlyPostIsAnswered() {
        Api api = new Api(port);

        for (String method : List.of("GET", "PUT", "DELETE")) {
            for (String path : List.of(URL, "/webhooks/amocrm/guessed-secret")) {
                var response = api.request(method, path).send();
                assertThat(response.status()).as(method + " " + path).isEqualTo(405);
                assertThat(response.header("WWW-Authenticate")).isEmpty();
            }
        }
    }

    /**
     * Two identical deliveries at once. The listener holds the first one's transaction open, so the second reads
     * "not stored yet" and then waits on the first one's unique key; it must neither fail nor store a second time.
     */
    @Test
    void twoIdenticalDeliveriesAtOnceAreStoredOnceAndBothAnswered200() throws Exception {
        long deal = DEALS.incrementAndGet();
        String body = delivery("leads[add][0][id]", deal, "leads[add][0][name]", "Гонка");
        heard.released = new CountDownLatch(1);
        heard.holdDeal = deal;
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Api.Response>> responses = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                responses.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return post(body);
                }, threads));
            }
            // Whichever answers first was not held: the first one's transaction need wait no longer.
            CompletableFuture.anyOf(responses.toArray(CompletableFuture[]::new)).thenRun(heard.released::countDown);

            List<Api.Response> answered = responses.stream().map(CompletableFuture::join).toList();

            assertThat(answered).extracting(Api.Response::status).containsExactly(200, 200);
            assertThat(answered).extracting(response -> response.body().get("accepted").asInt())
                    .containsExactlyInAnyOrder(1, 0);
            assertThat(jdbc.queryForObject("select count(*) from webhook_delivery where delivery_key = ?", Long.class,
                    sha256(body))).isEqualTo(1);
            assertThat(rowsOf(deal)).hasSize(1);
            assertThat(heard.of(deal)).hasSize(1);
        } finally {
            heard.holdDeal = 0;
            heard.released.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void aListenerThatFailsLeavesNothingStoredAndTheResendIsTaken(CapturedOutput output) {
        long routed = DEALS.incrementAndGet();
        long failing = DEALS.incrementAndGet();
        String body = delivery("leads[add][0][id]", routed, "leads[add][1][id]", failing);
        heard.failOnce.add(failing);
        long deliveries = count("webhook_delivery");

        var failed = post(body);

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.contentType()).startsWith("application/problem+json");
        assertThat(failed.text()).doesNotContain(SECRET);
        assertThat(count("webhook_delivery")).isEqualTo(deliveries);
        assertThat(rowsOf(routed)).isEmpty();
        assertThat(rowsOf(failing)).isEmpty();
        assertThat(output.getAll()).contains("was not stored").doesNotContain(SECRET);

        // amoCRM sends it again; this time routing works.
        var resent = post(body);

        assertThat(resent.status()).isEqualTo(200);
        assertThat(resent.body().get("accepted").asInt()).isEqualTo(2);
        assertThat(rowsOf(routed)).hasSize(1);
        assertThat(rowsOf(failing)).hasSize(1);
    }

    private record StoredEvent(long id, long deliveryId, String eventKey, String kind, String name, String tags,
                               Long previousStatusId, OffsetDateTime changedAt) {
    }

    private List<StoredEvent> rowsOf(long deal) {
        return jdbc.query("""
                select id, delivery_id, event_key, kind, name, tags, previous_status_id, changed_at
                from crm_deal_event where source = 'amocrm' and deal_id = ? order by id
                """, (rs, row) -> new StoredEvent(rs.getLong("id"), rs.getLong("delivery_id"), rs.getString("event_key"),
                rs.getString("kind"), rs.getString("name"), rs.getString("tags"),
                rs.getObject("previous_status_id") == null ? null : rs.getLong("previous_status_id"),
                rs.getObject("changed_at", OffsetDateTime.class)), deal);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private Api.Response post(String body) {
        return new Api(port).request("POST", URL).form(body).send();
    }

    /** A webhook body as amoCRM encodes it (brackets too), from clinic's account. */
    private static String delivery(Object... keysAndValues) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            pairs.add(encode(keysAndValues[i]) + "=" + encode(keysAndValues[i + 1]));
        }
        pairs.add(encode("account[id]") + "=28805383");
        pairs.add(encode("account[subdomain]") + "=clinic");
        return String.join("&", pairs);
    }

    /** A valid delivery of one new lead, made exactly {@code size} bytes long by a custom field's value. */
    private static byte[] paddedTo(int size, long deal) {
        String start = delivery("leads[add][0][id]", deal) + "&" + encode("leads[add][0][custom_fields][0][values][0][value]")
                + "=";
        return (start + "x".repeat(size - start.length())).getBytes(StandardCharsets.US_ASCII);
    }

    private static String encode(Object text) {
        return URLEncoder.encode(String.valueOf(text), StandardCharsets.UTF_8);
    }

    private static String sha256(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
