package com.shiftrelay.crm.amocrm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.shiftrelay.crm.ActivityType;
import com.shiftrelay.crm.CrmActivity;
import com.shiftrelay.crm.CrmClient;
import com.shiftrelay.crm.CrmDeal;
import com.shiftrelay.crm.CrmDirectory;
import com.shiftrelay.crm.CrmException;
import com.shiftrelay.crm.CrmGateway;
import com.shiftrelay.crm.CrmNotFoundException;
import com.shiftrelay.crm.CrmRateLimitedException;
import com.shiftrelay.crm.CrmTaskRequest;
import com.shiftrelay.crm.CrmTeam;
import com.shiftrelay.crm.CrmTokens;
import com.shiftrelay.crm.CrmUnavailableException;
import com.shiftrelay.crm.CrmUser;
import com.shiftrelay.crm.ReassignResult;
import com.shiftrelay.crm.Reassignment;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.openfeign.FeignAutoConfiguration;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.boot.web.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The amoCRM adapter against a stubbed amoCRM that answers with the vendor's documented payloads, through the
 * real Feign client and its configuration.
 */
@SpringBootTest(classes = AmoCrmGatewayContractTest.Context.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestPropertySource(properties = {
                "shiftrelay.crm.provider=amocrm",
                "shiftrelay.crm.amocrm.long-lived-token=long-lived-token",
                "shiftrelay.crm.amocrm.requests-per-second=100",
                "shiftrelay.crm.amocrm.rate-limit-retries=2",
                "spring.datasource.url=jdbc:h2:mem:amocrm-${random.uuid};DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE"
})
class AmoCrmGatewayContractTest {

    static final WireMockServer amoCrm = new WireMockServer(options().dynamicPort());

    static {
        amoCrm.start();
    }

    @DynamicPropertySource
    static void amoCrmAddress(DynamicPropertyRegistry registry) {
        registry.add("shiftrelay.crm.amocrm.base-url", amoCrm::baseUrl);
    }

    @AfterAll
    static void stopAmoCrm() {
        amoCrm.stop();
    }

    @Autowired
    CrmGateway gateway;

    @BeforeEach
    void resetStubs() {
        amoCrm.resetAll();
    }

    @Test
    void readsEveryPageOfLeadsWithBracketFilters() {
        stubLeadsPage(1, "leads-page-1.json");
        stubLeadsPage(2, "leads-page-2.json");
        stubLeadsPage(3, "leads-page-3.json");

        List<CrmDeal> deals = gateway.dealsOf(List.of(6L, 5L), List.of(3L));

        // 104 is deleted in amoCRM's recycle bin and must not come back
        assertThat(deals).extracting(CrmDeal::id).containsExactly(101L, 102L, 103L, 105L);
        assertThat(deals.get(0)).isEqualTo(new CrmDeal(101, "Сделка 101", 5, 3, 142, Set.of(900001L),
                Instant.ofEpochSecond(1700000000), 1000, List.of("VIP", "Имплантация"), 5));
        for (int page = 1; page <= 3; page++) {
            amoCrm.verify(exactly(1), getRequestedFor(urlPathEqualTo("/api/v4/leads"))
                    .withQueryParam("filter[responsible_user_id][]", havingExactly("5", "6"))
                    .withQueryParam("filter[pipeline_id][]", havingExactly("3"))
                    .withQueryParam("order[id]", equalTo("asc"))
                    .withQueryParam("limit", equalTo("250"))
                    .withQueryParam("page", equalTo(String.valueOf(page))));
        }
        amoCrm.verify(exactly(3), anyRequestedFor(anyUrl()));
    }

    @Test
    void ticksCheckboxCustomFieldsAsFlags() {
        stubLeadsPage(1, "leads-page-1.json");
        stubLeadsPage(2, "leads-page-2.json");
        stubLeadsPage(3, "leads-page-3.json");

        List<CrmDeal> deals = gateway.dealsOf(List.of(5L, 6L), List.of());

        assertThat(deals).filteredOn(deal -> deal.id() == 101).singleElement()
                .satisfies(deal -> assertThat(deal.checkedFlags()).containsExactly(900001L));
        assertThat(deals).filteredOn(deal -> deal.id() == 102).singleElement()
                .satisfies(deal -> assertThat(deal.checkedFlags()).isEmpty());
        assertThat(deals).filteredOn(deal -> deal.flagged(900001L)).extracting(CrmDeal::id)
                .containsExactly(101L, 105L);
        amoCrm.verify(getRequestedFor(urlPathEqualTo("/api/v4/leads")).withoutQueryParam("filter[pipeline_id][]"));
    }

    @Test
    void readsDealsByIdAFullPageOfIdsAtATime() {
        amoCrm.stubFor(get(urlPathEqualTo("/api/v4/leads")).willReturn(hal("leads-page-3.json")));
        List<Long> ids = LongStream.rangeClosed(1, 260).boxed().toList();

        gateway.deals(ids);

        amoCrm.verify(exactly(1), getRequestedFor(urlPathEqualTo("/api/v4/leads"))
                .withQueryParam("filter[id][]", havingExactly(numbers(1, 250))).withQueryParam("page", equalTo("1"))
                .withQueryParam("limit", equalTo("250")));
        amoCrm.verify(exactly(1), getRequestedFor(urlPathEqualTo("/api/v4/leads"))
                .withQueryParam("filter[id][]", havingExactly(numbers(251, 260))));
        amoCrm.verify(exactly(2), anyRequestedFor(anyUrl()));
    }

    @Test
    void readsTheDealsOfFiftyResponsiblesAtATime() {
        amoCrm.stubFor(get(urlPathEqualTo("/api/v4/leads")).willReturn(aResponse().withStatus(204)));
        List<Long> responsibles = LongStream.rangeClosed(1, 60).boxed().toList();

        gateway.dealsOf(responsibles, List.of());

        amoCrm.verify(exactly(1), getRequestedFor(urlPathEqualTo("/api/v4/leads"))
                .withQueryParam("filter[responsible_user_id][]", havingExactly(numbers(1, 50))));
        amoCrm.verify(exactly(1), getRequestedFor(urlPathEqualTo("/api/v4/leads"))
                .withQueryParam("filter[responsible_user_id][]", havingExactly(numbers(51, 60))));
        amoCrm.verify(exactly(2), anyRequestedFor(anyUrl()));
    }

    @Test
    void noContentMeansNoDeals() {
        amoCrm.stubFor(get(urlPathEqualTo("/api/v4/leads")).willReturn(aResponse().withStatus(204)));

        assertThat(gateway.dealsOf(List.of(5L), List.of())).isEmpty();
        assertThat(gateway.deals(List.of(101L))).isEmpty();
    }

    @Test
    void anEmptyBodyMeansNoDeals() {
        amoCrm.stubFor(get(urlPathEqualTo("/api/v4/leads")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/hal+json")));

        assertThat(gateway.deals(List.of(101L))).isEmpty();
    }

    @Test
    void waitsForRetryAfterAndUsesTheNextAnswer() {
        amoCrm.stubFor(get(urlPathEqualTo("/api/v4/leads")).inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "text/html").withBody("<html>Too Many Requests</html>"))
                .willSetStateTo("cooled down"));
        amoCrm.stubFor(get(urlPathEqualTo("/api/v4/leads")).inScenario("limit")
                .whenScenarioStateIs("cooled down")
                .willReturn(hal("leads-page-3.json")));

        long started = System.nanoTime();
        List<CrmDeal> deals = gateway.deals(List.of(105L));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(deals).extracting(CrmDeal::id).containsExactly(105L);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        amoCrm.verify(exactly(2), getRequestedFor(urlPathEqualTo("/api/v4/leads")));
    }

    @Test
    void givesUpOnRateLimitAfterTheConfiguredRetries() {
        amoCrm.stubFor(get(urlPathEqualTo("/api/v4/leads"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")));

        assertThatThrownBy(() -> gateway.deals(List.of(105L)))
                .isInstanceOf(CrmRateLimitedException.class);
        // rate-limit-retries=2: the first try and two more
        amoCrm.verify(exactly(3), getRequestedFor(urlPathEqualTo("/api/v4/leads")));
    }

    @Test
    void aRetryAfterPastTheCallsBudgetReachesTheCallerAsSecondsOrAnHttpDate() {
        // Two minutes: longer than the call's 30-second budget may wait, so no retry is made and the wait the
        // CRM asked for is the exception's, for the engine's retry to respect.
        assertThat(retryAfterAnswering("120")).isEqualTo(Duration.ofSeconds(120));
        Instant until = Instant.now().plusSeconds(120);
        assertThat(retryAfterAnswering(DateTimeFormatter.RFC_1123_DATE_TIME.format(until.atOffset(ZoneOffset.UTC))))
                .isBetween(Duration.ofSeconds(110), Duration.ofSeconds(120));
    }

    private Duration retryAfterAnswering(String retryAfter) {
        amoCrm.resetAll();
        amoCrm.stubFor(get(urlPathEqualTo("/api/v4/leads"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", retryAfter)));
        Throwable thrown = catchThrowable(() -> gateway.deals(List.of(105L)));
        assertThat(thrown).isInstanceOf(CrmRateLimitedException.class);
        return ((CrmRateLimitedException) thrown).retryAfter();
    }

    @Test
    void reassignsABatchInOnePatch() {
        amoCrm.stubFor(patch(urlPathEqualTo("/api/v4/leads")).willReturn(hal("leads-patched.json")));

        ReassignResult result = gateway.reassign(List.of(new Reassignment(101, 5), new Reassignment(102, 6)));

        assertThat(result.rejected()).isEmpty();
        amoCrm.verify(exactly(1), patchRequestedFor(urlPathEqualTo("/api/v4/leads"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("[{\"id\":101,\"responsible_user_id\":5},{\"id\":102,\"responsible_user_id\":6}]")));
    }

    @Test
    void reportsTheRefusedDealAndSendsTheOthersAgain() {
        String all = "[{\"id\":101,\"responsible_user_id\":5},{\"id\":102,\"responsible_user_id\":99},"
                + "{\"id\":103,\"responsible_user_id\":6}]";
        String rest = "[{\"id\":101,\"responsible_user_id\":5},{\"id\":103,\"responsible_user_id\":6}]";
        // request_id "1": the second item sent
        amoCrm.stubFor(patch(urlPathEqualTo("/api/v4/leads")).withRequestBody(equalToJson(all))
                .willReturn(problem(400, "problem-validation.json")));
        amoCrm.stubFor(patch(urlPathEqualTo("/api/v4/leads")).withRequestBody(equalToJson(rest))
                .willReturn(hal("leads-patched.json")));

        ReassignResult result = gateway.reassign(List.of(
                new Reassignment(101, 5), new Reassignment(102, 99), new Reassignment(103, 6)));

        assertThat(result.rejected()).containsOnlyKeys(102L);
        assertThat(result.rejected().get(102L)).contains("NotSupportedChoice", "responsible_user_id");
        assertThat(result.written(101)).isTrue();
        assertThat(result.written(103)).isTrue();
        amoCrm.verify(exactly(1), patchRequestedFor(urlPathEqualTo("/api/v4/leads"))
                .withRequestBody(equalToJson(all)));
        amoCrm.verify(exactly(1), patchRequestedFor(urlPathEqualTo("/api/v4/leads"))
                .withRequestBody(equalToJson(rest)));
        amoCrm.verify(exactly(2), patchRequestedFor(urlPathEqualTo("/api/v4/leads")));
    }

    @Test
    void aRefusalThatNamesNoItemRejectsTheWholeBatchAtOnce() {
        amoCrm.stubFor(patch(urlPathEqualTo("/api/v4/leads")).willReturn(problem(400, "problem-bad-request.json")));

        ReassignResult result = gateway.reassign(List.of(
                new Reassignment(101, 5), new Reassignment(102, 6), new Reassignment(103, 7)));

        assertThat(result.rejected()).containsOnlyKeys(101L, 102L, 103L);
        assertThat(result.rejected().values()).allSatisfy(reason -> assertThat(reason).contains("400"));
        amoCrm.verify(exactly(1), patchRequestedFor(urlPathEqualTo("/api/v4/leads")));
    }

    @Test
    void aRefusalNamingAnItemThatWasNotSentRejectsTheWholeBatchAtOnce() {
        // request_id "7" in a batch of three: the refusal cannot be pinned on any one deal
        amoCrm.stubFor(patch(urlPathEqualTo("/api/v4/leads"))
                .willReturn(problem(400, "problem-validation-unknown-item.json")));

        ReassignResult result = gateway.reassign(List.of(
                new Reassignment(101, 5), new Reassignment(102, 6), new Reassignment(103, 7)));

        assertThat(result.rejected()).containsOnlyKeys(101L, 102L, 103L);
        amoCrm.verify(exactly(1), patchRequestedFor(urlPathEqualTo("/api/v4/leads")));
    }

    @Test
    void sendsABatchAtMostThreeTimes() {
        // Every answer refuses the first item sent, whatever it is.
        amoCrm.stubFor(patch(urlPathEqualTo("/api/v4/leads"))
                .willReturn(problem(400, "problem-validation-first-item.json")));

        ReassignResult result = gateway.reassign(List.of(new Reassignment(101, 5), new Reassignment(102, 5),
                new Reassignment(103, 5), new Reassignment(104, 5)));

        assertThat(result.rejected()).containsOnlyKeys(101L, 102L, 103L, 104L);
        assertThat(List.of(101L, 102L, 103L)).allSatisfy(deal ->
                assertThat(result.rejected().get(deal)).contains("NotSupportedChoice", "responsible_user_id"));
        // never named by amoCRM: not written, but not for amoCRM's reason either
        assertThat(result.rejected().get(104L)).doesNotContain("NotSupportedChoice");
        amoCrm.verify(exactly(3), patchRequestedFor(urlPathEqualTo("/api/v4/leads")));
        amoCrm.verify(exactly(1), patchRequestedFor(urlPathEqualTo("/api/v4/leads")).withRequestBody(equalToJson(
                "[{\"id\":103,\"responsible_user_id\":5},{\"id\":104,\"responsible_user_id\":5}]")));
    }

    @Test
    void aServerErrorWhileSendingTheRestStillFailsTheCall() {
        String rest = "[{\"id\":101,\"responsible_user_id\":5},{\"id\":103,\"responsible_user_id\":6}]";
        amoCrm.stubFor(patch(urlPathEqualTo("/api/v4/leads")).willReturn(problem(400, "problem-validation.json")));
        amoCrm.stubFor(patch(urlPathEqualTo("/api/v4/leads")).withRequestBody(equalToJson(rest))
                .willReturn(problem(500, "problem-server-error.json")));

        assertThatThrownBy(() -> gateway.reassign(List.of(
                new Reassignment(101, 5), new Reassignment(102, 99), new Reassignment(103, 6))))
                .isInstanceOf(CrmUnavailableException.class);
        // the first request, then the rest tried three times
        amoCrm.verify(exactly(4), patchRequestedFor(urlPathEqualTo("/api/v4/leads")));
    }

    @Test
    void refusesBatchesOverTheCap() {
        List<Reassignment> tooMany = IntStream.rangeClosed(1, CrmGateway.MAX_BATCH + 1)
                .mapToObj(id -> new Reassignment(id, 5)).toList();

        assertThatThrownBy(() -> gateway.reassign(tooMany)).isInstanceOf(IllegalArgumentException.class);
        amoCrm.verify(exactly(0), anyRequestedFor(anyUrl()));
    }

    @Test
    void serverErrorsAreRetriedThenReportedUnavailable() {
        amoCrm.stubFor(get(urlPathEqualTo("/api/v4/leads")).willReturn(problem(500, "problem-server-error.json")));

        assertThatThrownBy(() -> gateway.deals(List.of(101L)))
                .isInstanceOf(CrmUnavailableException.class)
                .hasMessageContaining("500");
        amoCrm.verify(exactly(3), getRequestedFor(urlPathEqualTo("/api/v4/leads")));
    }

    @Test
    void notFoundIsReportedAsSuch() {
        amoCrm.stubFor(get(urlPathEqualTo("/api/v4/account")).willReturn(aResponse().withStatus(404)));

        assertThatThrownBy(() -> gateway.directory()).isInstanceOf(CrmNotFoundException.class);
    }

    @Test
    void aRejectedLongLivedTokenFailsWithoutRefreshing() {
        amoCrm.stubFor(get(urlPathEqualTo("/api/v4/account")).willReturn(problem(401, "problem-unauthorized.json")));

        assertThatThrownBy(() -> gateway.directory())
                .isInstanceOf(CrmException.class).hasMessageContaining("rejected");
        amoCrm.verify(exactly(0), postRequestedFor(urlPathEqualTo("/oauth2/access_token")));
    }

    @Test
    void keepsPeopleEventsOfTheAskedTypes() {
        amoCrm.stubFor(get(urlPathEqualTo("/api/v4/events")).willReturn(hal("events.json")));

        List<CrmActivity> activity = gateway.activitySince(Instant.ofEpochSecond(1699999000));

        // the robot's task_completed (created_by 0) and the unknown entity_linked are dropped
        assertThat(activity).containsExactly(
                new CrmActivity("01ab3c4d5e6f", 5, ActivityType.INCOMING_CALL, Instant.ofEpochSecond(1700000000)),
                new CrmActivity("02bc3c4d5e6f", 6, ActivityType.STAGE_CHANGED, Instant.ofEpochSecond(1700000060)));
        // the kinds amoCRM's feed has no event for (a sent e-mail, on Bitrix24 only) are not asked for
        String[] types = Arrays.stream(ActivityType.values()).map(ActivityType::amoCrmType)
                .filter(java.util.Objects::nonNull).toArray(String[]::new);
        assertThat(types).hasSize(ActivityType.values().length - 1);
        amoCrm.verify(exactly(1), getRequestedFor(urlPathEqualTo("/api/v4/events"))
                .withQueryParam("filter[created_at][from]", equalTo("1699999000"))
                .withQueryParam("filter[type][]", havingExactly(types))
                .withQueryParam("limit", equalTo("100"))
                .withQueryParam("page", equalTo("1")));
    }

    @Test
    void noEventsIsAnEmptyFeed() {
        amoCrm.stubFor(get(urlPathEqualTo("/api/v4/events")).willReturn(aResponse().withStatus(204)));

        assertThat(gateway.activitySince(Instant.ofEpochSecond(1700000000))).isEmpty();
    }

    @Test
    void directoryHasGroupsAsTeamsAndEveryUserPage() {
        amoCrm.stubFor(get(urlPathEqualTo("/api/v4/account")).withQueryParam("with", equalTo("users_groups"))
                .willReturn(hal("account.json")));
        amoCrm.stubFor(get(urlPathEqualTo("/api/v4/users")).withQueryParam("page", equalTo("1"))
                .willReturn(hal("users-page-1.json")));
        amoCrm.stubFor(get(urlPathEqualTo("/api/v4/users")).withQueryParam("page", equalTo("2"))
                .willReturn(hal("users-page-2.json")));

        CrmDirectory directory = gateway.directory();

        assertThat(directory.teams()).containsExactly(new CrmTeam(0, "Отдел продаж"), new CrmTeam(12, "Вторая линия"));
        assertThat(directory.users()).containsExactly(
                new CrmUser(5, "Анна Смирнова", "anna@example.ru", 12L, true),
                new CrmUser(6, "Борис Петров", "boris@example.ru", 0L, true),
                new CrmUser(7, "Вера Уволенная", "vera@example.ru", null, false));
        amoCrm.verify(exactly(2), getRequestedFor(urlPathEqualTo("/api/v4/users")).withQueryParam("limit", equalTo("250")));
    }

    @Test
    void signsEveryRequestWithTheBearerToken() {
        amoCrm.stubFor(get(urlPathEqualTo("/api/v4/account")).willReturn(hal("account.json")));
        amoCrm.stubFor(get(urlPathEqualTo("/api/v4/users")).willReturn(aResponse().withStatus(204)));

        gateway.directory();

        amoCrm.verify(exactly(2), anyRequestedFor(anyUrl())
                .withHeader("Authorization", equalTo("Bearer long-lived-token")));
    }

    /** contacts-api finds any field containing the digits: only a contact whose phone is the number is the client. */
    @Test
    void findsTheClientsWhosePhoneIsTheNumberWithTheirDeals() {
        amoCrm.stubFor(get(urlPathEqualTo("/api/v4/contacts")).willReturn(hal("contacts-by-phone.json")));

        assertThat(gateway.clientsByPhone("79161234567")).containsExactly(
                new CrmClient(3071, "Ольга Клиентова", 5L, List.of(15L, 16L)));
        amoCrm.verify(getRequestedFor(urlPathEqualTo("/api/v4/contacts"))
                .withQueryParam("query", equalTo("79161234567")).withQueryParam("with", equalTo("leads")));
    }

    @Test
    void nobodyWithTheNumberIsNoClient() {
        amoCrm.stubFor(get(urlPathEqualTo("/api/v4/contacts")).willReturn(aResponse().withStatus(204)));

        assertThat(gateway.clientsByPhone("79161234567")).isEmpty();
    }

    @Test
    void aCallbackIsACallTaskOnTheDealKeyedByItsRequestId() {
        amoCrm.stubFor(post(urlEqualTo("/api/v4/tasks")).willReturn(hal("tasks-created.json")));

        long task = gateway.createTask(new CrmTaskRequest(15L, 3071L, 5, "Пропущенный звонок",
                "Перезвонить +79161234567", Instant.ofEpochSecond(1764763320), "missed-call:79161234567:1"));

        assertThat(task).isEqualTo(4745251);
        amoCrm.verify(postRequestedFor(urlEqualTo("/api/v4/tasks")).withRequestBody(equalToJson("[{"
                + "\"text\":\"Пропущенный звонок\\nПерезвонить +79161234567\",\"complete_till\":1764763320,"
                + "\"entity_id\":15,\"entity_type\":\"leads\",\"responsible_user_id\":5,\"task_type_id\":1,"
                + "\"request_id\":\"missed-call:79161234567:1\"}]")));
    }

    @Test
    void aClientWithoutADealGetsTheTaskOnTheContact() {
        amoCrm.stubFor(post(urlEqualTo("/api/v4/tasks")).willReturn(hal("tasks-created.json")));

        gateway.createTask(new CrmTaskRequest(null, 3071L, 5, "Пропущенный звонок", "?", Instant.ofEpochSecond(1),
                "k"));

        amoCrm.verify(postRequestedFor(urlEqualTo("/api/v4/tasks"))
                .withRequestBody(matchingJsonPath("$[0].entity_type", equalTo("contacts")))
                .withRequestBody(matchingJsonPath("$[0].entity_id", equalTo("3071"))));
    }

    /**
     * A creation whose answer was lost is not sent again by the adapter (amoCRM would make a second task of it); the
     * step's next run finds the task by its link, responsible, text and deadline among the open ones.
     */
    @Test
    void aTaskWhoseAnswerWasLostIsNotAskedForTwiceAndIsFoundByWhatItSays() {
        amoCrm.stubFor(post(urlEqualTo("/api/v4/tasks")).willReturn(aResponse().withStatus(504)));
        amoCrm.stubFor(get(urlPathEqualTo("/api/v4/tasks")).willReturn(hal("tasks-open-of-lead.json")));
        CrmTaskRequest request = new CrmTaskRequest(15L, 3071L, 5, "Пропущенный звонок", "Перезвонить +79161234567",
                Instant.ofEpochSecond(1764763320), "missed-call:1");

        assertThatThrownBy(() -> gateway.createTask(request)).isInstanceOf(CrmUnavailableException.class);
        amoCrm.verify(exactly(1), postRequestedFor(urlEqualTo("/api/v4/tasks")));

        assertThat(gateway.findTask(request)).contains(4745251L);
        amoCrm.verify(getRequestedFor(urlPathEqualTo("/api/v4/tasks"))
                .withQueryParam("filter[entity_type]", equalTo("leads"))
                .withQueryParam("filter[entity_id][]", equalTo("15"))
                .withQueryParam("filter[responsible_user_id][]", equalTo("5"))
                .withQueryParam("filter[is_completed]", equalTo("0")));
        // Another text or another deadline is another task.
        assertThat(gateway.findTask(new CrmTaskRequest(15L, null, 5, "Пропущенный звонок", "Перезвонить +79160000000",
                Instant.ofEpochSecond(1764763320), "missed-call:2"))).isEmpty();
        assertThat(gateway.findTask(new CrmTaskRequest(15L, null, 5, "Пропущенный звонок", "Перезвонить +79161234567",
                Instant.ofEpochSecond(1764763380), "missed-call:3"))).isEmpty();
    }

    /** A note is added once: a 5xx, whose outcome is unknown, is not sent again by the adapter. */
    @Test
    void aNoteWhoseAnswerWasLostIsNotSentTwice() {
        amoCrm.stubFor(post(urlEqualTo("/api/v4/leads/notes")).willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(() -> gateway.addDealNote(15, "Перезвонили клиенту"))
                .isInstanceOf(CrmUnavailableException.class);
        amoCrm.verify(exactly(1), postRequestedFor(urlEqualTo("/api/v4/leads/notes")));
    }

    /** A caller amoCRM does not know: the task is linked to nothing, and looked up among the responsible's. */
    @Test
    void aTaskOfAnUnknownCallerIsLinkedToNothing() {
        amoCrm.stubFor(post(urlEqualTo("/api/v4/tasks")).willReturn(hal("tasks-created.json")));
        amoCrm.stubFor(get(urlPathEqualTo("/api/v4/tasks")).willReturn(aResponse().withStatus(204)));
        CrmTaskRequest request = new CrmTaskRequest(null, null, 5, "Пропущенный звонок", "Перезвонить +79161234567",
                Instant.ofEpochSecond(1764763320), "missed-call:9");

        assertThat(gateway.createTask(request)).isEqualTo(4745251);
        assertThat(gateway.findTask(request)).isEmpty();

        amoCrm.verify(postRequestedFor(urlEqualTo("/api/v4/tasks")).withRequestBody(equalToJson("[{"
                + "\"text\":\"Пропущенный звонок\\nПерезвонить +79161234567\",\"complete_till\":1764763320,"
                + "\"responsible_user_id\":5,\"task_type_id\":1,\"request_id\":\"missed-call:9\"}]")));
        amoCrm.verify(getRequestedFor(urlPathEqualTo("/api/v4/tasks"))
                .withQueryParam("filter[responsible_user_id][]", equalTo("5"))
                .withoutQueryParam("filter[entity_type]"));
    }

    @Test
    void noOpenTaskOnTheDealIsNoTask() {
        amoCrm.stubFor(get(urlPathEqualTo("/api/v4/tasks")).willReturn(aResponse().withStatus(204)));

        assertThat(gateway.findTask(new CrmTaskRequest(null, 3071L, 5, "Пропущенный звонок", "?",
                Instant.ofEpochSecond(1), "k"))).isEmpty();
        amoCrm.verify(getRequestedFor(urlPathEqualTo("/api/v4/tasks"))
                .withQueryParam("filter[entity_type]", equalTo("contacts"))
                .withQueryParam("filter[entity_id][]", equalTo("3071")));
    }

    /** amoCRM's tasks take no comments: a note on the deal, and the task's text grows by the line. */
    @Test
    void aCommentIsANoteOnTheDealAndALineOfTheTasksText() {
        amoCrm.stubFor(post(urlEqualTo("/api/v4/leads/notes")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/hal+json").withBody("{\"_embedded\":{\"notes\":[{\"id\":1,"
                        + "\"entity_id\":15}]}}")));
        amoCrm.stubFor(patch(urlEqualTo("/api/v4/tasks/4745251")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/hal+json").withBody("{\"id\":4745251,\"updated_at\":1}")));

        gateway.commentOnTask(4745251, 15L, "Перезвонить", "Повторный звонок в 14:40");
        gateway.completeTask(4745251, "Перезвонили в 14:52, разговор 3 мин 10 с");
        gateway.reassignTask(4745251, 6);

        amoCrm.verify(postRequestedFor(urlEqualTo("/api/v4/leads/notes")).withRequestBody(equalToJson(
                "[{\"entity_id\":15,\"note_type\":\"common\",\"params\":{\"text\":\"Повторный звонок в 14:40\"}}]")));
        amoCrm.verify(patchRequestedFor(urlEqualTo("/api/v4/tasks/4745251")).withRequestBody(equalToJson(
                "{\"text\":\"Перезвонить\\nПовторный звонок в 14:40\"}")));
        amoCrm.verify(patchRequestedFor(urlEqualTo("/api/v4/tasks/4745251")).withRequestBody(equalToJson(
                "{\"is_completed\":true,\"result\":{\"text\":\"Перезвонили в 14:52, разговор 3 мин 10 с\"}}")));
        amoCrm.verify(patchRequestedFor(urlEqualTo("/api/v4/tasks/4745251")).withRequestBody(equalToJson(
                "{\"responsible_user_id\":6}")));
    }

    /** OAuth2: the stored pair is used, renewed on a 401, and the rotated pair is stored again. */
    @Nested
    @DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
    class OAuth {

        // Dynamic properties outrank the enclosing class's inline ones, which inline ones here would not.
        @DynamicPropertySource
        static void oauthInsteadOfLongLivedToken(DynamicPropertyRegistry registry) {
            registry.add("shiftrelay.crm.amocrm.long-lived-token", () -> "");
            registry.add("shiftrelay.crm.amocrm.oauth.client-id", () -> "client-1");
            registry.add("shiftrelay.crm.amocrm.oauth.client-secret", () -> "secret-1");
            registry.add("shiftrelay.crm.amocrm.oauth.redirect-uri", () -> "https://shiftrelay.example/oauth");
        }

        // The enclosing instance's gateway comes from the enclosing class's context; this one has OAuth.
        @Autowired
        CrmGateway gateway;

        @Autowired
        CrmTokens tokens;

        @Autowired
        JdbcTemplate jdbc;

        @BeforeEach
        void stubRefreshAndAccount() {
            amoCrm.stubFor(post(urlPathEqualTo("/oauth2/access_token")).willReturn(hal("oauth-token.json")));
            amoCrm.stubFor(get(urlPathEqualTo("/api/v4/account"))
                    .withHeader("Authorization", equalTo("Bearer new-access-token"))
                    .willReturn(hal("account.json")));
            amoCrm.stubFor(get(urlPathEqualTo("/api/v4/users")).willReturn(aResponse().withStatus(204)));
        }

        @Test
        void refreshesOnceAfterA401AndStoresTheRotatedPair() {
            tokens.save(AmoCrmAuthorization.PROVIDER, new CrmTokens.TokenPair("old-access-token",
                    "stored-refresh-token", Instant.now().plus(Duration.ofHours(12))), Instant.now());
            amoCrm.stubFor(get(urlPathEqualTo("/api/v4/account"))
                    .withHeader("Authorization", equalTo("Bearer old-access-token"))
                    .willReturn(problem(401, "problem-unauthorized.json")));

            CrmDirectory directory = gateway.directory();

            assertThat(directory.teams()).hasSize(2);
            amoCrm.verify(exactly(1), postRequestedFor(urlPathEqualTo("/oauth2/access_token"))
                    .withoutHeader("Authorization")
                    .withRequestBody(equalToJson("""
                            {"client_id":"client-1","client_secret":"secret-1","grant_type":"refresh_token",
                             "refresh_token":"stored-refresh-token","redirect_uri":"https://shiftrelay.example/oauth"}
                            """)));
            amoCrm.verify(exactly(1), getRequestedFor(urlPathEqualTo("/api/v4/account"))
                    .withHeader("Authorization", equalTo("Bearer new-access-token")));
            assertThat(storedPair()).containsExactly("new-access-token", "new-refresh-token");
        }

        @Test
        void refreshesBeforeTheAccessTokenExpires() {
            tokens.save(AmoCrmAuthorization.PROVIDER, new CrmTokens.TokenPair("old-access-token",
                    "stored-refresh-token", Instant.now().plusSeconds(10)), Instant.now());

            gateway.directory();

            amoCrm.verify(exactly(0), getRequestedFor(urlPathEqualTo("/api/v4/account"))
                    .withHeader("Authorization", equalTo("Bearer old-access-token")));
            amoCrm.verify(exactly(1), postRequestedFor(urlPathEqualTo("/oauth2/access_token")));
            assertThat(storedPair()).containsExactly("new-access-token", "new-refresh-token");
        }

        @Test
        void failsWhenTheRenewedTokenIsRejectedToo() {
            tokens.save(AmoCrmAuthorization.PROVIDER, new CrmTokens.TokenPair("old-access-token",
                    "stored-refresh-token", Instant.now().plus(Duration.ofHours(12))), Instant.now());
            amoCrm.stubFor(get(urlPathEqualTo("/api/v4/account")).willReturn(problem(401, "problem-unauthorized.json")));

            assertThatThrownBy(() -> gateway.directory()).isInstanceOf(CrmException.class);
            amoCrm.verify(exactly(1), postRequestedFor(urlPathEqualTo("/oauth2/access_token")));
            amoCrm.verify(exactly(2), getRequestedFor(urlPathEqualTo("/api/v4/account")));
        }

        private List<String> storedPair() {
            return jdbc.queryForObject("select access_token, refresh_token from crm_token where provider = 'amocrm'",
                    (rs, row) -> List.of(rs.getString(1), rs.getString(2)));
        }
    }

    /**
     * The sandbox lives in the application itself: its address comes from the started web server, taken at
     * request time, and requests carry the sandbox token.
     */
    @Nested
    class Sandbox {

        @DynamicPropertySource
        static void sandboxProvider(DynamicPropertyRegistry registry) {
            registry.add("shiftrelay.crm.provider", () -> "sandbox");
            registry.add("shiftrelay.sandbox.token", () -> "sandbox-secret");
        }

        @Autowired
        CrmGateway gateway;

        @Autowired
        AmoCrmEndpoint endpoint;

        @Test
        void followsTheWebServerOnceItHasStarted() {
            amoCrm.stubFor(get(urlPathEqualTo(AmoCrmEndpoint.SANDBOX_PATH + "/api/v4/events"))
                    .willReturn(aResponse().withStatus(204)));
            assertThatThrownBy(() -> gateway.activitySince(Instant.EPOCH)).isInstanceOf(CrmUnavailableException.class);

            endpoint.onApplicationEvent(webServerStartedOn(amoCrm.port()));
            gateway.activitySince(Instant.EPOCH);

            amoCrm.verify(exactly(1), getRequestedFor(urlPathEqualTo("/sandbox/amocrm/api/v4/events"))
                    .withHeader("Authorization", equalTo("Bearer sandbox-secret")));
        }

        private ServletWebServerInitializedEvent webServerStartedOn(int port) {
            WebServer server = mock(WebServer.class);
            when(server.getPort()).thenReturn(port);
            ServletWebServerApplicationContext web = mock(ServletWebServerApplicationContext.class);
            ServletContext servletContext = mock(ServletContext.class);
            when(servletContext.getContextPath()).thenReturn("");
            when(web.getServletContext()).thenReturn(servletContext);
            return new ServletWebServerInitializedEvent(server, web);
        }
    }

    /** How many ids one query carries is the account's setting. */
    @Nested
    class IdsPerRequest {

        @DynamicPropertySource
        static void hundredIdsPerRequest(DynamicPropertyRegistry registry) {
            registry.add("shiftrelay.crm.amocrm.ids-per-request", () -> 100);
        }

        @Autowired
        CrmGateway gateway;

        @Test
        void chunksIdsAsConfigured() {
            amoCrm.stubFor(get(urlPathEqualTo("/api/v4/leads")).willReturn(aResponse().withStatus(204)));

            gateway.deals(LongStream.rangeClosed(1, 260).boxed().toList());

            amoCrm.verify(exactly(1), getRequestedFor(urlPathEqualTo("/api/v4/leads"))
                    .withQueryParam("filter[id][]", havingExactly(numbers(101, 200))));
            amoCrm.verify(exactly(3), getRequestedFor(urlPathEqualTo("/api/v4/leads")));
        }
    }

    /** A call, its requests included, ends within the configured time budget. */
    @Nested
    class CallTimeout {

        @DynamicPropertySource
        static void oneSecondACall(DynamicPropertyRegistry registry) {
            registry.add("shiftrelay.crm.amocrm.call-timeout", () -> "PT1S");
        }

        @Autowired
        CrmGateway gateway;

        @Test
        void cutsARequestThatWouldOutliveTheCall() {
            amoCrm.stubFor(get(urlPathEqualTo("/api/v4/leads")).willReturn(hal("leads-page-3.json")
                    .withFixedDelay(3_000)));

            long started = System.nanoTime();
            assertThatThrownBy(() -> gateway.deals(List.of(105L))).isInstanceOf(CrmUnavailableException.class);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(took).isLessThan(Duration.ofMillis(1_000 + 300));
            amoCrm.verify(exactly(1), getRequestedFor(urlPathEqualTo("/api/v4/leads")));
        }
    }

    /** All calls of the adapter share one limiter of requests-per-second permits a second. */
    @Nested
    class RateLimit {

        @DynamicPropertySource
        static void twoRequestsPerSecond(DynamicPropertyRegistry registry) {
            registry.add("shiftrelay.crm.amocrm.requests-per-second", () -> 2);
        }

        @Autowired
        CrmGateway gateway;

        @Test
        void keepsToTheConfiguredRequestRate() {
            amoCrm.stubFor(get(urlPathEqualTo("/api/v4/leads")).willReturn(aResponse().withStatus(204)));

            long started = System.nanoTime();
            for (int i = 0; i < 7; i++) {
                gateway.deals(List.of(101L));
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            // 7 requests at 2 a second need four rate periods, so at least three period boundaries pass,
            // however far into its first period the limiter was when the test began.
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
            amoCrm.verify(exactly(7), getRequestedFor(urlPathEqualTo("/api/v4/leads")));
        }
    }

    private static String[] numbers(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(String::valueOf).toArray(String[]::new);
    }

    private static void stubLeadsPage(int page, String fixture) {
        amoCrm.stubFor(get(urlPathEqualTo("/api/v4/leads")).withQueryParam("page", equalTo(String.valueOf(page)))
                .willReturn(hal(fixture)));
    }

    private static ResponseDefinitionBuilder hal(String fixture) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/hal+json")
                .withBody(fixture(fixture));
    }

    private static ResponseDefinitionBuilder problem(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json")
                .withBody(fixture(fixture));
    }

    private static String fixture(String name) {
        try (InputStream in = AmoCrmGatewayContractTest.class.getResourceAsStream("/amocrm/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture amocrm/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SpringBootConfiguration
    @ImportAutoConfiguration({FeignAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
            JacksonAutoConfiguration.class, DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
            FlywayAutoConfiguration.class})
    @Import(AmoCrmConfiguration.class)
    static class Context {
    }
}
