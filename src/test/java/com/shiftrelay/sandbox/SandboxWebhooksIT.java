package com.shiftrelay.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.shiftrelay.support.Api;
import com.shiftrelay.support.ShiftRelayIntegrationTest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.boot.web.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sandbox's amoCRM lead webhooks as a receiver sees them (a WireMock server standing in for ShiftRelay's
 * endpoint), and the page's endpoints that create deals and move them on.
 */
@ShiftRelayIntegrationTest
@TestPropertySource(properties = {
        "shiftrelay.sandbox.webhooks.enabled=true",
        "shiftrelay.sandbox.webhooks.attempts=3",
        "shiftrelay.sandbox.webhooks.backoff=PT0.1S",
        // The limit has its own test; here it would only make the suite's timing matter.
        "shiftrelay.sandbox.requests-per-second=10000"})
class SandboxWebhooksIT {

    private static final String HOOK = "/webhooks/amocrm/sandbox-webhook-secret";
    private static final String API = "/sandbox/amocrm/api/v4";
    private static final Duration DELIVERY = Duration.ofSeconds(15);

    static final WireMockServer receiver = new WireMockServer(options().dynamicPort());

    static {
        receiver.start();
    }

    @DynamicPropertySource
    static void receiverAddress(DynamicPropertyRegistry registry) {
        registry.add("shiftrelay.sandbox.webhooks.url", () -> receiver.baseUrl() + HOOK);
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop();
    }

    @Autowired
    SandboxCrm crm;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    private Api api;
    private long anna;
    private long boris;
    private long evgeny;

    @BeforeEach
    void freshSandboxAndReceiver() {
        crm.reset();
        receiver.resetAll();
        receiver.stubFor(post(urlPathEqualTo(HOOK)).atPriority(10).willReturn(aResponse().withStatus(200)));
        api = new Api(port);
        long administrators = crm.createTeam("Администраторы");
        long curators = crm.createTeam("Кураторы");
        anna = crm.createUser("Анна Смирнова", "anna@demo.shiftrelay.local", administrators);
        boris = crm.createUser("Борис Иванов", "boris@demo.shiftrelay.local", administrators);
        evgeny = crm.createUser("Евгений Лебедев", "evgeny@demo.shiftrelay.local", curators);
        crm.createPipeline(7001, "Продажи");
        crm.createPipeline(7002, "Сопровождение");
    }

    @Test
    void aNewDealIsReportedAsLeadsAddWithEveryFieldOfTheSpec() {
        // The administrators work the sales pipeline; the demo's own deals are reported by no webhook.
        crm.createDemoLead("Консультация", 0, boris, 7001, 70012, false, List.of(), Instant.now());

        var created = api.post("/sandbox/leads", """
                {"name":"Имплантация — Петрова","pipelineId":7001,"price":180000,"tags":["VIP","Имплантация"],
                 "responsibleId":null}""", "admin", "admin");

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        SandboxLead lead = crm.lead(id);
        assertThat(lead.responsibleId()).as("the administrators' first active user").isEqualTo(anna);
        JsonNode tags = leadJson(id).at("/_embedded/tags");
        assertThat(tags).hasSize(2);
        assertThat(tags.get(0).get("name").asText()).isEqualTo("VIP");
        assertThat(tags.get(0).get("color").isNull()).isTrue();
        String createdAt = String.valueOf(lead.createdAt().getEpochSecond());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("leads[add][0][id]", String.valueOf(id));
        expected.put("leads[add][0][name]", "Имплантация — Петрова");
        expected.put("leads[add][0][status_id]", "70011");
        expected.put("leads[add][0][pipeline_id]", "7001");
        expected.put("leads[add][0][price]", "180000");
        expected.put("leads[add][0][responsible_user_id]", String.valueOf(anna));
        expected.put("leads[add][0][last_modified]", createdAt);
        expected.put("leads[add][0][modified_user_id]", "0");
        expected.put("leads[add][0][created_user_id]", "0");
        expected.put("leads[add][0][date_create]", createdAt);
        expected.put("leads[add][0][created_at]", createdAt);
        expected.put("leads[add][0][updated_at]", createdAt);
        expected.put("leads[add][0][account_id]", "1");
        expected.put("leads[add][0][tags][0][id]", tags.get(0).get("id").asText());
        expected.put("leads[add][0][tags][0][name]", "VIP");
        expected.put("leads[add][0][tags][1][id]", tags.get(1).get("id").asText());
        expected.put("leads[add][0][tags][1][name]", "Имплантация");
        expected.put("account[subdomain]", "sandbox");
        expected.put("account[id]", "1");
        expected.put("account[_links][self]", "http://localhost:" + port + "/sandbox/amocrm");

        LoggedRequest webhook = awaitWebhook("add", id);
        assertThat(webhook.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(form(webhook)).containsExactlyEntriesOf(expected);
        assertThat(webhooksMentioning("Консультация")).as("the demo's deal").isEmpty();
    }

    @Test
    void aTagKeepsItsIdOnEveryLead() {
        long first = crm.createLead(new SandboxCrm.NewLead("Брекеты", 7002L, 90000L, List.of("VIP"), evgeny));
        long second = crm.createLead(new SandboxCrm.NewLead("Виниры", 7002L, 95000L, List.of(" VIP ", "VIP"), evgeny));

        assertThat(leadJson(second).at("/_embedded/tags")).isEqualTo(leadJson(first).at("/_embedded/tags"));
        assertThat(crm.lead(second).tags()).containsExactly("VIP");
        assertThat(form(awaitWebhook("add", second))).containsEntry("leads[add][0][tags][0][id]",
                leadJson(first).at("/_embedded/tags/0/id").asText()).doesNotContainKey("leads[add][0][tags][1][id]");
    }

    @Test
    void aNewDealWithNobodyNamedGoesToTheFirstActiveUserOfTheTeamWorkingItsPipeline() {
        crm.createDemoLead("Кариес", 0, boris, 7001, 70011, false, List.of(), Instant.now());
        crm.createDemoLead("Осмотр", 0, evgeny, 7002, 70021, false, List.of(), Instant.now());
        crm.createDemoLead("Чистка", 0, evgeny, 7002, 70021, false, List.of(), Instant.now());
        crm.createDemoLead("Коронка", 0, anna, 7002, 70021, false, List.of(), Instant.now());
        crm.setUserActive(anna, false);

        long sales = crm.createLead(new SandboxCrm.NewLead("Отбеливание", 7001L, null, null, null));
        long care = crm.createLead(new SandboxCrm.NewLead("Профгигиена", 7002L, null, null, null));
        long named = crm.createLead(new SandboxCrm.NewLead("Протезирование", 7002L, null, null, boris));
        crm.createPipeline(7003, "Новая воронка");
        long nobodysYet = crm.createLead(new SandboxCrm.NewLead("Консультация", 7003L, null, null, null));

        assertThat(crm.lead(sales).responsibleId()).as("Anna is inactive").isEqualTo(boris);
        assertThat(crm.lead(care).responsibleId()).as("the curators hold most care deals").isEqualTo(evgeny);
        assertThat(crm.lead(named).responsibleId()).isEqualTo(boris);
        assertThat(crm.lead(nobodysYet).responsibleId()).as("the sandbox's first active user").isEqualTo(boris);
        assertThat(crm.lead(sales).statusId()).isEqualTo(70011);
        assertThat(crm.lead(care).statusId()).isEqualTo(70021);
        assertThat(crm.lead(nobodysYet).statusId()).isEqualTo(70031);
    }

    @Test
    void aStageChangeIsReportedAsLeadsStatusWithTheStageBefore() {
        long id = crm.createLead(new SandboxCrm.NewLead("Брекеты", 7001L, 150000L, List.of(), boris));

        var moved = api.post("/sandbox/leads/" + id + "/status", "{\"statusId\":70012}", "admin", "admin");

        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(moved.body().get("statusId").asLong()).isEqualTo(70012);
        Map<String, String> form = form(awaitWebhook("status", id));
        SandboxLead lead = crm.lead(id);
        assertThat(form).containsOnlyKeys("leads[status][0][id]", "leads[status][0][name]",
                "leads[status][0][status_id]", "leads[status][0][old_status_id]", "leads[status][0][pipeline_id]",
                "leads[status][0][old_pipeline_id]", "leads[status][0][price]",
                "leads[status][0][responsible_user_id]", "leads[status][0][last_modified]",
                "leads[status][0][modified_user_id]", "leads[status][0][created_user_id]",
                "leads[status][0][date_create]", "leads[status][0][created_at]", "leads[status][0][updated_at]",
                "leads[status][0][account_id]", "account[subdomain]", "account[id]", "account[_links][self]");
        assertThat(form).containsEntry("leads[status][0][status_id]", "70012")
                .containsEntry("leads[status][0][old_status_id]", "70011")
                .containsEntry("leads[status][0][pipeline_id]", "7001")
                .containsEntry("leads[status][0][old_pipeline_id]", "7001")
                .containsEntry("leads[status][0][price]", "150000")
                .containsEntry("leads[status][0][modified_user_id]", String.valueOf(boris))
                .containsEntry("leads[status][0][last_modified]", String.valueOf(lead.updatedAt().getEpochSecond()));

        var won = api.post("/sandbox/leads/" + id + "/status", "{\"statusId\":142}", "admin", "admin");
        assertThat(won.status()).isEqualTo(200);
        assertThat(crm.lead(id).open()).isFalse();
        assertThat(form(awaitWebhook("status", id, "142"))).containsEntry("leads[status][0][old_status_id]", "70012");
    }

    @Test
    void aStageOfAnotherPipelineOrAnUnknownDealIsRefused() {
        long id = crm.createLead(new SandboxCrm.NewLead("Брекеты", 7001L, 0L, List.of(), boris));

        var otherPipeline = api.post("/sandbox/leads/" + id + "/status", "{\"statusId\":70021}", "admin", "admin");
        var noStage = api.post("/sandbox/leads/" + id + "/status", "{}", "admin", "admin");
        var unknown = api.post("/sandbox/leads/987654321/status", "{\"statusId\":70012}", "admin", "admin");

        assertThat(otherPipeline.status()).isEqualTo(400);
        assertThat(otherPipeline.contentType()).startsWith("application/problem+json");
        assertThat(otherPipeline.body().get("field").asText()).isEqualTo("statusId");
        assertThat(noStage.status()).isEqualTo(400);
        assertThat(noStage.body().get("field").asText()).isEqualTo("statusId");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(crm.lead(id).statusId()).isEqualTo(70011);
        awaitMarker();
        assertThat(webhooks("status")).isEmpty();
    }

    @Test
    void aPatchOfTwoDealsIsOneLeadsResponsibleWebhookWithBoth() {
        long first = crm.createLead(new SandboxCrm.NewLead("Имплантация", 7001L, 0L, List.of(), anna));
        long second = crm.createLead(new SandboxCrm.NewLead("Виниры", 7001L, 0L, List.of(), anna));
        long untouched = crm.createLead(new SandboxCrm.NewLead("Коронка", 7001L, 0L, List.of(), boris));

        var patched = api.request("PATCH", API + "/leads").header("Authorization", "Bearer sandbox-token")
                .json("[{\"id\":" + first + ",\"responsible_user_id\":" + boris + "},"
                        + "{\"id\":" + second + ",\"responsible_user_id\":" + boris + "},"
                        + "{\"id\":" + untouched + ",\"responsible_user_id\":" + boris + "}]")
                .send();

        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        Map<String, String> form = form(awaitWebhook("responsible", first));
        assertThat(form).containsEntry("leads[responsible][0][id]", String.valueOf(first))
                .containsEntry("leads[responsible][1][id]", String.valueOf(second))
                .doesNotContainKey("leads[responsible][2][id]");
        for (int i = 0; i < 2; i++) {
            String lead = "leads[responsible][" + i + "]";
            assertThat(form).containsEntry(lead + "[responsible_user_id]", String.valueOf(boris))
                    .containsEntry(lead + "[old_responsible_user_id]", String.valueOf(anna))
                    .containsEntry(lead + "[modified_user_id]", "0")
                    .doesNotContainKey(lead + "[old_status_id]");
        }
        assertThat(form).containsEntry("leads[responsible][1][name]", "Виниры");
        awaitMarker();
        assertThat(webhooks("responsible")).as("one POST for the batch").hasSize(1);
    }

    @Test
    void aDealGivenAwayByHandIsALeadsResponsibleWebhook() {
        long id = crm.createLead(new SandboxCrm.NewLead("Имплантация", 7001L, 0L, List.of(), anna));

        var moved = api.post("/sandbox/leads/" + id + "/responsible", "{\"userId\":" + boris + "}", "admin", "admin");

        assertThat(moved.status()).isEqualTo(200);
        assertThat(form(awaitWebhook("responsible", id)))
                .containsEntry("leads[responsible][0][responsible_user_id]", String.valueOf(boris))
                .containsEntry("leads[responsible][0][old_responsible_user_id]", String.valueOf(anna))
                .containsEntry("leads[responsible][0][modified_user_id]", String.valueOf(boris));
    }

    @Test
    void aReceiverThatAnswers500IsTriedAgainAndThePageSaysHowItWent() {
        receiver.stubFor(post(urlPathEqualTo(HOOK)).atPriority(1).withRequestBody(containing("Once"))
                .inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
        receiver.stubFor(post(urlPathEqualTo(HOOK)).atPriority(2).withRequestBody(containing("Never"))
                .willReturn(aResponse().withStatus(503)));

        long once = crm.createLead(new SandboxCrm.NewLead("Once", 7001L, 0L, List.of(), anna));
        long never = crm.createLead(new SandboxCrm.NewLead("Never", 7001L, 0L, List.of(), anna));

        await().atMost(DELIVERY).untilAsserted(() -> {
            assertThat(delivery(once)).hasValueSatisfying(d -> {
                assertThat(d.get("delivered").asBoolean()).isTrue();
                assertThat(d.get("status").asInt()).isEqualTo(200);
                assertThat(d.get("tries").asInt()).isEqualTo(2);
                assertThat(d.get("action").asText()).isEqualTo("leads[add]");
            });
            assertThat(delivery(never)).hasValueSatisfying(d -> {
                assertThat(d.get("delivered").asBoolean()).isFalse();
                assertThat(d.get("status").asInt()).isEqualTo(503);
                assertThat(d.get("error").asText()).isEqualTo("HTTP 503");
                assertThat(d.get("tries").asInt()).isEqualTo(3);
            });
        });
        assertThat(webhooksMentioning("Once")).hasSize(2);
        assertThat(webhooksMentioning("Never")).hasSize(3);
    }

    @Test
    void aChangeThatRollsBackIsNeverReported() {
        long[] rolledBack = new long[1];
        transactions.executeWithoutResult(tx -> {
            rolledBack[0] = crm.createLead(new SandboxCrm.NewLead("Rolled back", 7001L, 0L, List.of("Откат"), anna));
            tx.setRollbackOnly();
        });

        awaitMarker();
        assertThat(webhooksMentioning("Rolled")).isEmpty();
        assertThat(crm.leads()).noneMatch(lead -> lead.id() == rolledBack[0]);
        assertThat(jdbc.queryForObject("select count(*) from sandbox_tags where name = 'Откат'", Long.class)).isZero();
    }

    @Test
    void aNewDealWithABadFieldIsRefusedNamingItAndLeavesNothingBehind() {
        crm.setUserActive(boris, false);
        List<String> tooMany = new ArrayList<>();
        for (int i = 1; i <= 21; i++) {
            tooMany.add("\"Refused-" + i + "\"");
        }
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("{\"name\":\"  \",\"pipelineId\":7001}", "name");
        refused.put("{\"pipelineId\":7001}", "name");
        refused.put("{\"name\":\"Refused\",\"pipelineId\":7999}", "pipelineId");
        refused.put("{\"name\":\"Refused\"}", "pipelineId");
        refused.put("{\"name\":\"Refused\",\"pipelineId\":7001,\"price\":-1}", "price");
        refused.put("{\"name\":\"Refused\",\"pipelineId\":7001,\"responsibleId\":987654321,\"tags\":[\"Refused-tag\"]}",
                "responsibleId");
        refused.put("{\"name\":\"Refused\",\"pipelineId\":7001,\"responsibleId\":" + boris + "}", "responsibleId");
        refused.put("{\"name\":\"Refused\",\"pipelineId\":7001,\"tags\":[" + String.join(",", tooMany) + "]}", "tags");
        refused.put("{\"name\":\"Refused\",\"pipelineId\":7001,\"tags\":[\"VIP\",\" \"]}", "tags");

        refused.forEach((body, field) -> {
            var response = api.post("/sandbox/leads", body, "admin", "admin");
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.contentType()).as(body).startsWith("application/problem+json");
            assertThat(response.body().get("field").asText()).as(body).isEqualTo(field);
        });

        assertThat(crm.leads()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from sandbox_tags", Long.class)).isZero();
        awaitMarker();
        assertThat(webhooksMentioning("Refused")).isEmpty();
    }

    @Test
    void theDealEndpointsNeedALogin() {
        long id = crm.createLead(new SandboxCrm.NewLead("Имплантация", 7001L, 0L, List.of(), anna));

        var create = api.post("/sandbox/leads", "{\"name\":\"Anonymous\",\"pipelineId\":7001}", null, null);
        var move = api.post("/sandbox/leads/" + id + "/status", "{\"statusId\":70012}", null, null);

        for (var response : List.of(create, move)) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(crm.leads()).extracting(SandboxLead::id).containsExactly(id);
        assertThat(crm.lead(id).statusId()).isEqualTo(70011);
        awaitMarker();
        assertThat(webhooksMentioning("Anonymous")).isEmpty();
        assertThat(webhooks("status")).isEmpty();
    }

    @Test
    void aRequestToTheSandboxDoesNotWaitForTheReceiver() {
        receiver.stubFor(post(urlPathEqualTo(HOOK)).atPriority(1).withRequestBody(containing("Slow"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(4000)));

        long started = System.nanoTime();
        var created = api.post("/sandbox/leads", "{\"name\":\"Slow\",\"pipelineId\":7001}", "admin", "admin");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(created.status()).isEqualTo(201);
        assertThat(took).isLessThan(Duration.ofSeconds(2));
        awaitWebhook("add", created.body().get("id").asLong());
    }

    /**
     * Without a URL it posts to ShiftRelay's own endpoint, on the port the web server says it listens on (here the
     * receiver's), with the secret of {@code shiftrelay.webhooks.amocrm.secret} or the sandbox's default one.
     */
    @Test
    void withNoUrlSetItPostsToShiftRelaysOwnEndpointOnTheServersPort() {
        receiver.stubFor(post(urlPathEqualTo("/webhooks/amocrm/clinic-secret")).willReturn(aResponse().withStatus(204)));
        SandboxLeadsChanged change = new SandboxLeadsChanged(SandboxLeadsChanged.ADD, List.of(
                new SandboxLeadsChanged.LeadState(4242, "Own endpoint", 70011, null, 7001, null, 0, anna, null, 0, 0,
                        Instant.now(), Instant.now(), List.of())));

        sendWithNoUrl(new MockEnvironment().withProperty(SandboxWebhooks.SECRET_PROPERTY, "clinic-secret"), change);
        sendWithNoUrl(new MockEnvironment(), change);

        LoggedRequest webhook = receiver.findAll(postRequestedFor(urlPathEqualTo("/webhooks/amocrm/clinic-secret")))
                .get(0);
        assertThat(form(webhook)).containsEntry("leads[add][0][id]", "4242")
                .containsEntry("account[_links][self]", "http://localhost:" + receiver.port() + "/sandbox/amocrm");
        assertThat(webhooks("add")).extracting(request -> form(request).get("leads[add][0][id]")).contains("4242");
    }

    /**
     * Speaking Bitrix24, the sandbox sends one outbound event per deal, as a portal does (on-crm-deal-add.md): the
     * deal's id only, signed with the application token of {@code shiftrelay.webhooks.bitrix24.application-token},
     * to ShiftRelay's {@code /webhooks/bitrix24}.
     */
    @Test
    void speakingBitrix24ItSendsOneSignedEventPerDealToTheBitrix24Endpoint() {
        receiver.stubFor(post(urlPathEqualTo("/webhooks/bitrix24")).willReturn(aResponse().withStatus(200)));
        Instant now = Instant.now();
        SandboxLeadsChanged added = new SandboxLeadsChanged(SandboxLeadsChanged.ADD, List.of(
                new SandboxLeadsChanged.LeadState(5151, "Portal deal", 70011, null, 7001, null, 0, anna, null, 0, 0,
                        now, now, List.of())));
        SandboxLeadsChanged moved = new SandboxLeadsChanged(SandboxLeadsChanged.RESPONSIBLE, List.of(
                new SandboxLeadsChanged.LeadState(5152, "One", 70011, null, 7001, null, 0, anna, 1L, 0, 0, now, now,
                        List.of()),
                new SandboxLeadsChanged.LeadState(5153, "Two", 70011, null, 7001, null, 0, anna, 1L, 0, 0, now, now,
                        List.of())));

        SandboxWebhooks webhooks = started(SandboxProperties.Dialect.BITRIX24, new MockEnvironment()
                .withProperty(SandboxWebhooks.APPLICATION_TOKEN_PROPERTY, "portal-token"));
        try {
            webhooks.leadsChanged(added);
            webhooks.leadsChanged(moved);
            await().atMost(DELIVERY).until(() -> webhooks.recent().size() == 3);
            assertThat(webhooks.recent()).allMatch(SandboxWebhooks.Delivery::delivered);
            assertThat(webhooks.recent()).extracting(SandboxWebhooks.Delivery::action)
                    .containsExactly("ONCRMDEALUPDATE", "ONCRMDEALUPDATE", "ONCRMDEALADD");
        } finally {
            webhooks.stop();
        }
        List<Map<String, String>> events = receiver.findAll(postRequestedFor(urlPathEqualTo("/webhooks/bitrix24")))
                .stream().map(SandboxWebhooksIT::form).toList();
        assertThat(events).extracting(event -> event.get("event") + " " + event.get("data[FIELDS][ID]"))
                .containsExactly("ONCRMDEALADD 5151", "ONCRMDEALUPDATE 5152", "ONCRMDEALUPDATE 5153");
        assertThat(events).allSatisfy(event -> assertThat(event)
                .containsEntry("auth[application_token]", "portal-token")
                .containsEntry("auth[domain]", SandboxBitrix24Api.DOMAIN)
                .containsKey("ts"));
    }

    private SandboxWebhooks started(SandboxProperties.Dialect dialect, MockEnvironment environment) {
        SandboxWebhooks webhooks = new SandboxWebhooks(new SandboxProperties(null, null, null, null,
                new SandboxProperties.Webhooks(true, "", 1, Duration.ZERO), dialect, null), environment,
                new StaticListableBeanFactory().getBeanProvider(Clock.class));
        WebServer server = mock(WebServer.class);
        when(server.getPort()).thenReturn(receiver.port());
        webhooks.serverStarted(new ServletWebServerInitializedEvent(server, mock(ServletWebServerApplicationContext.class)));
        return webhooks;
    }

    private void sendWithNoUrl(MockEnvironment environment, SandboxLeadsChanged change) {
        SandboxWebhooks webhooks = started(SandboxProperties.Dialect.AMOCRM, environment);
        try {
            webhooks.leadsChanged(change);
            await().atMost(DELIVERY).until(() -> webhooks.recent().size() == 1);
            assertThat(webhooks.recent().get(0).delivered()).as(webhooks.recent().get(0).toString()).isTrue();
        } finally {
            webhooks.stop();
        }
    }

    // ---- helpers ----

    private JsonNode leadJson(long id) {
        var response = api.request("GET", API + "/leads?filter%5Bid%5D%5B%5D=" + id)
                .header("Authorization", "Bearer sandbox-token").send();
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.body().at("/_embedded/leads/0");
    }

    /** The webhook for {@code leads[action]} whose first lead is {@code id} (and, if given, at that stage). */
    private LoggedRequest awaitWebhook(String action, long id, String... statusId) {
        return await().atMost(DELIVERY).until(() -> webhooks(action).stream().filter(request -> {
            Map<String, String> form = form(request);
            return String.valueOf(id).equals(form.get("leads[" + action + "][0][id]"))
                    && (statusId.length == 0 || statusId[0].equals(form.get("leads[" + action + "][0][status_id]")));
        }).findFirst(), Optional::isPresent).orElseThrow();
    }

    /**
     * Creates a deal and waits for its webhook. Webhooks leave one at a time in the order of their commits, so once
     * it is in, anything the test did before that was going to be sent has been sent.
     */
    private void awaitMarker() {
        awaitWebhook("add", crm.createLead(new SandboxCrm.NewLead("Marker", 7001L, 0L, List.of(), anna)));
    }

    private List<LoggedRequest> webhooks(String action) {
        return receiver.findAll(postRequestedFor(urlPathEqualTo(HOOK))).stream()
                .filter(request -> form(request).keySet().stream().anyMatch(key -> key.startsWith("leads[" + action + "]")))
                .toList();
    }

    private List<LoggedRequest> webhooksMentioning(String text) {
        return receiver.findAll(postRequestedFor(urlPathEqualTo(HOOK))).stream()
                .filter(request -> form(request).values().stream().anyMatch(value -> value.contains(text)))
                .toList();
    }

    /** The latest delivery of a webhook about the lead, as {@code GET /sandbox/state} shows it to the page. */
    private Optional<JsonNode> delivery(long leadId) {
        List<JsonNode> matching = new ArrayList<>();
        api.get("/sandbox/state", "admin", "admin").body().get("webhooks").forEach(delivery -> {
            delivery.get("leadIds").forEach(id -> {
                if (id.asLong() == leadId) {
                    matching.add(delivery);
                }
            });
        });
        return matching.stream().findFirst();
    }

    /** The form fields of a webhook in their order, keys and values decoded. */
    private static Map<String, String> form(LoggedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return Collections.unmodifiableMap(fields);
    }
}
