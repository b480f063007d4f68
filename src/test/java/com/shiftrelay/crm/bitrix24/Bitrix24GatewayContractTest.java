package com.shiftrelay.crm.bitrix24;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.shiftrelay.crm.bitrix24.Bitrix24Portal.deal;
import static com.shiftrelay.crm.bitrix24.Bitrix24Portal.deals;
import static com.shiftrelay.crm.bitrix24.Bitrix24Portal.error;
import static com.shiftrelay.crm.bitrix24.Bitrix24Portal.list;
import static com.shiftrelay.crm.bitrix24.Bitrix24Portal.ok;
import static com.shiftrelay.crm.bitrix24.Bitrix24Portal.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.shiftrelay.crm.ActivityType;
import com.shiftrelay.crm.CrmActivity;
import com.shiftrelay.crm.CrmDeal;
import com.shiftrelay.crm.CrmDealChange;
import com.shiftrelay.crm.DealChangeBatch;
import com.shiftrelay.crm.CrmDirectory;
import com.shiftrelay.crm.CrmException;
import com.shiftrelay.crm.CrmGateway;
import com.shiftrelay.crm.CrmRateLimitedException;
import com.shiftrelay.crm.CrmRejectedException;
import com.shiftrelay.crm.CrmTeam;
import com.shiftrelay.crm.CrmUnavailableException;
import com.shiftrelay.crm.CrmUser;
import com.shiftrelay.crm.ReassignResult;
import com.shiftrelay.crm.Reassignment;
import com.shiftrelay.crm.WorkDay;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The Bitrix24 adapter through its real Feign client and configuration, against a stubbed portal reached by an inbound
 * webhook ({@code /rest/1/webhookcode/}) that answers in the documentation's shapes.
 */
@SpringBootTest(classes = Bitrix24GatewayContractTest.Context.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestPropertySource(properties = {
        "shiftrelay.crm.provider=bitrix24",
        "shiftrelay.crm.pinned-field-id=900001",
        "shiftrelay.crm.bitrix24.pinned-field=UF_CRM_PINNED",
        "shiftrelay.crm.bitrix24.requests-per-second=100",
        "shiftrelay.crm.bitrix24.burst=100",
        "shiftrelay.crm.bitrix24.rate-limit-retries=2",
        "shiftrelay.crm.bitrix24.call-timeout=PT10S",
        "shiftrelay.crm.bitrix24.offline-events=true",
        "shiftrelay.crm.bitrix24.auth-connector=shiftrelay",
        "spring.datasource.url=jdbc:h2:mem:bitrix24-${random.uuid};DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE"
})
class Bitrix24GatewayContractTest {

    static final String REST = "/rest/1/webhookcode";
    static final WireMockServer portal = new WireMockServer(options().dynamicPort());

    static {
        portal.start();
    }

    @DynamicPropertySource
    static void portalAddress(DynamicPropertyRegistry registry) {
        registry.add("shiftrelay.crm.bitrix24.webhook-url", () -> portal.baseUrl() + REST + "/");
    }

    @AfterAll
    static void stopPortal() {
        portal.stop();
    }

    @Autowired
    CrmGateway gateway;
    @Autowired
    Bitrix24Calls calls;
    @Autowired
    Bitrix24Properties properties;

    @BeforeEach
    void resetStubs() {
        portal.resetAll();
    }

    @Test
    void readsOpenDealsTheFastWayWithStringsTurnedIntoNumbers() {
        List<String> first = new java.util.ArrayList<>(deals(1, 49, 5));
        first.add(deal(50, 6, 1, "P", "19999.99", "1"));
        portal.stubFor(post(urlEqualTo(REST + "/crm.deal.list.json"))
                .withRequestBody(matchingJsonPath("$.filter['>ID']", equalTo("0")))
                .willReturn(list(first, null, 0)));
        // The pages after a full first one come chained in a batch: page0 above 50, page1 above page0's 50th, and so
        // on; page0 is short, so what the commands after it answered is not read.
        portal.stubFor(post(urlEqualTo(REST + "/batch.json")).willReturn(okJson("{\"result\":{\"result\":{"
                + "\"page0\":[" + deal(51, 5, 1, "S", "0", "N") + "," + deal(52, 6, 1, "P", "12500", "Y") + "],"
                + "\"page1\":[" + deal(1, 5, 1, "P", "1", "N") + "]},\"result_error\":{\"page2\":{\"error\":"
                + "\"INVALID_ARG_VALUE\",\"error_description\":\"ID\"}},\"result_total\":[],\"result_next\":[],"
                + "\"result_time\":[]}}")));

        List<CrmDeal> deals = gateway.dealsOf(List.of(5L, 6L), List.of(1L));

        assertThat(deals).extracting(CrmDeal::id).containsExactlyElementsOf(LongStream.rangeClosed(1, 52).boxed().toList());
        assertThat(deals.get(49)).isEqualTo(new CrmDeal(50, "Сделка 50", 6, 1, 0, Set.of(900001L),
                Instant.parse("2024-09-02T16:37:18Z"), 20000, List.of(), 1, "C1:NEW"));
        assertThat(deals.get(50).statusId()).isEqualTo(CrmDeal.STATUS_WON);
        assertThat(deals.get(50).stage()).isEqualTo("C1:WON");
        assertThat(deals.get(50).checkedFlags()).isEmpty();
        assertThat(deals.get(51).flagged(900001L)).isTrue();
        assertThat(deals.get(0).flagged(900001L)).isFalse();
        // start=-1 spares the portal its count; the filter and the order are the documented ones (huge-data.md)
        portal.verify(exactly(1), postRequestedFor(urlEqualTo(REST + "/batch.json"))
                .withRequestBody(matchingJsonPath("$.cmd.page0", containing("crm.deal.list?start=-1")))
                .withRequestBody(matchingJsonPath("$.cmd.page0", containing("filter%5B%3EID%5D=50&")))
                .withRequestBody(matchingJsonPath("$.cmd.page0", containing("filter%5B%40ASSIGNED_BY_ID%5D%5B%5D=6")))
                .withRequestBody(matchingJsonPath("$.cmd.page0", containing("filter%5BCLOSED%5D=N")))
                .withRequestBody(matchingJsonPath("$.cmd.page1", containing("filter%5B%3EID%5D=$result[page0][49][ID]")))
                .withRequestBody(matchingJsonPath("$.cmd.page49", containing("$result[page48][49][ID]"))));
        portal.verify(exactly(1), postRequestedFor(urlEqualTo(REST + "/crm.deal.list.json"))
                .withRequestBody(matchingJsonPath("$.start", equalTo("-1")))
                .withRequestBody(matchingJsonPath("$.order.ID", equalTo("ASC")))
                .withRequestBody(matchingJsonPath("$.filter['@ASSIGNED_BY_ID']", equalToJson("[5,6]")))
                .withRequestBody(matchingJsonPath("$.filter['@CATEGORY_ID']", equalToJson("[1]")))
                .withRequestBody(matchingJsonPath("$.filter.CLOSED", equalTo("N")))
                .withRequestBody(matchingJsonPath("$.select[?(@ == 'UF_CRM_PINNED')]"))
                .withRequestBody(matchingJsonPath("$.select[?(@ == 'STAGE_SEMANTIC_ID')]")));
        portal.verify(exactly(2), anyRequestedFor(anyUrl()));
    }

    @Test
    void aChainedBatchThatFailsOtherwiseIsReadOnPageByPage() {
        portal.stubFor(post(urlEqualTo(REST + "/crm.deal.list.json"))
                .withRequestBody(matchingJsonPath("$.filter['>ID']", equalTo("0"))).willReturn(list(deals(1, 50, 5), null, 0)));
        portal.stubFor(post(urlEqualTo(REST + "/crm.deal.list.json"))
                .withRequestBody(matchingJsonPath("$.filter['>ID']", equalTo("50"))).willReturn(list(deals(51, 53, 5), null, 0)));
        portal.stubFor(post(urlEqualTo(REST + "/batch.json")).willReturn(okJson("{\"result\":{\"result\":[],"
                + "\"result_error\":{\"page0\":{\"error\":\"ERROR_BATCH_METHOD_NOT_ALLOWED\",\"error_description\":"
                + "\"Method is not allowed for batch usage\"}}}}")));

        assertThat(gateway.dealsOf(List.of(5L), List.of())).extracting(CrmDeal::id)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 53).boxed().toList());
        portal.verify(exactly(2), postRequestedFor(urlEqualTo(REST + "/crm.deal.list.json")));
    }

    @Test
    void readsFiftyDealsByIdInOneListAndMoreAsListsInOneBatch() {
        portal.stubFor(post(urlEqualTo(REST + "/crm.deal.list.json")).willReturn(list(List.of(), null, 0)));
        gateway.deals(LongStream.rangeClosed(1, 50).boxed().toList());
        portal.verify(exactly(1), postRequestedFor(urlEqualTo(REST + "/crm.deal.list.json"))
                .withRequestBody(matchingJsonPath("$.filter['@ID'].length()", equalTo("50"))));

        // 60 ids: two lists, 50 and 10 ids, as the commands of one batch; the rows come under each command's key
        portal.stubFor(post(urlEqualTo(REST + "/batch.json")).willReturn(okJson("{\"result\":{\"result\":{"
                + "\"ids0\":[" + String.join(",", deals(1, 50, 5)) + "],\"ids1\":[" + String.join(",", deals(51, 60, 6))
                + "]},\"result_error\":[],\"result_total\":[],\"result_next\":[],\"result_time\":[]}}")));
        List<CrmDeal> read = gateway.deals(LongStream.rangeClosed(1, 60).boxed().toList());

        assertThat(read).hasSize(60);
        assertThat(read.get(59).id()).isEqualTo(60);
        assertThat(read.get(59).responsibleId()).isEqualTo(6);
        portal.verify(exactly(1), postRequestedFor(urlEqualTo(REST + "/batch.json"))
                .withRequestBody(matchingJsonPath("$.cmd.ids0", containing("crm.deal.list?start=-1")))
                .withRequestBody(matchingJsonPath("$.cmd.ids0", containing("filter%5B%40ID%5D%5B%5D=50&")))
                .withRequestBody(matchingJsonPath("$.cmd.ids1", containing("filter%5B%40ID%5D%5B%5D=51&")))
                .withRequestBody(matchingJsonPath("$.cmd.ids1", containing("select%5B%5D=UF_CRM_PINNED"))));
        portal.verify(exactly(1), postRequestedFor(urlEqualTo(REST + "/crm.deal.list.json")));

        portal.stubFor(post(urlEqualTo(REST + "/batch.json")).willReturn(okJson("{\"result\":{\"result\":{"
                + "\"ids0\":[]},\"result_error\":{\"ids1\":{\"error\":\"ACCESS_DENIED\",\"error_description\":"
                + "\"Access denied\"}}}}")));
        assertThatThrownBy(() -> gateway.deals(LongStream.rangeClosed(1, 60).boxed().toList()))
                .isInstanceOf(CrmException.class).hasMessageContaining("deals 51..60").hasMessageContaining("ACCESS_DENIED");
    }

    @Test
    void aValueThatIsNotWhatTheDocumentationSaysFailsLoudlyNamingIt() {
        portal.stubFor(post(urlEqualTo(REST + "/crm.deal.list.json"))
                .willReturn(list(List.of(deal(7, 5, 1, "P", "10", "maybe")), null, 0)));

        assertThatThrownBy(() -> gateway.dealsOf(List.of(5L), List.of()))
                .isInstanceOf(CrmException.class)
                .hasMessageContaining("UF_CRM_PINNED=\"maybe\"").hasMessageContaining("row 7");

        portal.stubFor(post(urlEqualTo(REST + "/crm.deal.list.json"))
                .willReturn(list(List.of(deal(8, 5, 1, "P", "10", "0").replace("\"ASSIGNED_BY_ID\":\"5\"",
                        "\"ASSIGNED_BY_ID\":\"five\"")), null, 0)));

        assertThatThrownBy(() -> gateway.dealsOf(List.of(5L), List.of()))
                .isInstanceOf(CrmException.class).hasMessageContaining("ASSIGNED_BY_ID=\"five\"");
    }

    @Test
    void readsUsersPageByPageByNextAndTeamsFromDepartments() {
        List<String> firstPage = LongStream.rangeClosed(1, 50)
                .mapToObj(id -> user(id, "Имя" + id, "Фамилия", true, 3)).toList();
        portal.stubFor(post(urlEqualTo(REST + "/user.get.json"))
                .withRequestBody(matchingJsonPath("$.start", equalTo("0")))
                .willReturn(list(firstPage, 50, 52)));
        portal.stubFor(post(urlEqualTo(REST + "/user.get.json"))
                .withRequestBody(matchingJsonPath("$.start", equalTo("50")))
                .willReturn(list(List.of(user(51, "Анна", "Иванова", true, 5, 3), user(52, "Олег", "Петров", false)),
                        null, 52)));
        portal.stubFor(post(urlEqualTo(REST + "/department.get.json")).willReturn(list(List.of(
                "{\"ID\":\"3\",\"NAME\":\"Продажи\",\"SORT\":500,\"PARENT\":\"1\",\"UF_HEAD\":\"1\"}",
                "{\"ID\":\"5\",\"NAME\":\"Клиника\",\"SORT\":500,\"PARENT\":\"1\",\"UF_HEAD\":\"0\"}"), null, 2)));

        CrmDirectory directory = gateway.directory();

        assertThat(directory.teams()).containsExactly(new CrmTeam(3, "Продажи"), new CrmTeam(5, "Клиника"));
        assertThat(directory.users()).hasSize(52);
        assertThat(directory.users().get(50)).isEqualTo(new CrmUser(51, "Анна Иванова", "user51@example.com", 5L, true));
        assertThat(directory.users().get(51)).isEqualTo(new CrmUser(52, "Олег Петров", "user52@example.com", null, false));
        portal.verify(postRequestedFor(urlEqualTo(REST + "/user.get.json"))
                .withRequestBody(matchingJsonPath("$.FILTER.USER_TYPE", equalTo("employee"))));
    }

    @Test
    void reassignsFiftyDealsInOneBatchWithoutFeedEntries() {
        portal.stubFor(post(urlEqualTo(REST + "/batch.json")).willReturn(ok(batchAnswer(
                LongStream.rangeClosed(1, 50).mapToObj(id -> "\"deal" + id + "\":true").toList(), "[]"))));
        List<Reassignment> batch = LongStream.rangeClosed(1, 50).mapToObj(id -> new Reassignment(id, 7)).toList();

        ReassignResult result = gateway.reassign(batch);

        assertThat(result.rejected()).isEmpty();
        portal.verify(exactly(1), postRequestedFor(urlEqualTo(REST + "/batch.json"))
                .withRequestBody(matchingJsonPath("$.halt", equalTo("0")))
                .withRequestBody(matchingJsonPath("$.cmd.length()", equalTo("50")))
                .withRequestBody(matchingJsonPath("$.cmd.deal17", equalTo(
                        "crm.deal.update?id=17&fields%5BASSIGNED_BY_ID%5D=7&params%5BREGISTER_SONET_EVENT%5D=N"
                                // ShiftRelay's own change does not come back as an offline event bound with this key
                                + "&auth_connector=shiftrelay"))));
        portal.verify(exactly(1), anyRequestedFor(anyUrl()));
    }

    @Test
    void aDealThePortalNoLongerHasComesBackAsRejectedAndTheRestAreWritten() {
        portal.stubFor(post(urlEqualTo(REST + "/batch.json")).willReturn(ok(batchAnswer(
                List.of("\"deal1\":true", "\"deal3\":true"),
                "{\"deal2\":{\"error\":\"\",\"error_description\":\"Not found\"}}"))));

        ReassignResult result = gateway.reassign(List.of(new Reassignment(1, 7), new Reassignment(2, 7),
                new Reassignment(3, 7)));

        assertThat(result.rejected()).containsOnlyKeys(2L);
        assertThat(result.rejected().get(2L)).contains("Not found");
        assertThat(result.written(1)).isTrue();
        assertThat(result.written(3)).isTrue();
    }

    @Test
    void aCommandThePortalRefusesFailsTheCallNamingTheDeal() {
        portal.stubFor(post(urlEqualTo(REST + "/batch.json")).willReturn(ok(batchAnswer(
                List.of("\"deal1\":true", "\"deal3\":true"),
                "{\"deal2\":{\"error\":\"\",\"error_description\":\"Access denied\"}}"))));

        assertThatThrownBy(() -> gateway.reassign(List.of(new Reassignment(1, 7), new Reassignment(2, 7),
                new Reassignment(3, 7))))
                .isInstanceOf(CrmRejectedException.class)
                .hasMessageContaining("deal 2: Access denied")
                .hasMessageNotContaining("deal 1:").hasMessageNotContaining("deal 3:");
    }

    @Test
    void aFullBucketIsWaitedOutAndTheRequestSentAgain() {
        portal.stubFor(post(urlEqualTo(REST + "/crm.deal.list.json")).inScenario("bucket")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error(503, "QUERY_LIMIT_EXCEEDED", "Too many requests")).willSetStateTo("drained"));
        portal.stubFor(post(urlEqualTo(REST + "/crm.deal.list.json")).inScenario("bucket")
                .whenScenarioStateIs("drained").willReturn(list(List.of(deal(1, 5, 1, "P", "1", "0")), null, 0)));

        assertThat(gateway.dealsOf(List.of(5L), List.of())).extracting(CrmDeal::id).containsExactly(1L);
        portal.verify(exactly(2), postRequestedFor(urlEqualTo(REST + "/crm.deal.list.json")));
    }

    @Test
    void anOperatingTimeLimitWaitsUntilItsResetThenGoesOn() {
        long resetAt = Instant.now().plusSeconds(2).getEpochSecond();
        portal.stubFor(post(urlEqualTo(REST + "/crm.deal.list.json")).inScenario("operating")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(Bitrix24Portal.ok("").withStatus(429).withBody("{\"error\":\"OPERATION_TIME_LIMIT\","
                        + "\"error_description\":\"Method is blocked due to operation time limit\",\"time\":{"
                        + "\"operating_reset_at\":" + resetAt + ",\"operating\":480.2}}"))
                .willSetStateTo("reset"));
        portal.stubFor(post(urlEqualTo(REST + "/crm.deal.list.json")).inScenario("operating")
                .whenScenarioStateIs("reset").willReturn(list(List.of(deal(1, 5, 1, "P", "1", "0")), null, 0)));

        long started = System.nanoTime();
        assertThat(gateway.dealsOf(List.of(5L), List.of())).hasSize(1);

        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(900);
        portal.verify(exactly(2), postRequestedFor(urlEqualTo(REST + "/crm.deal.list.json")));
    }

    @Test
    void anOperatingTimeLimitBeyondTheCallsBudgetIsLeftToTheJobsRetry() {
        long resetAt = Instant.now().plusSeconds(300).getEpochSecond();
        portal.stubFor(post(urlEqualTo(REST + "/crm.deal.list.json")).willReturn(Bitrix24Portal.ok("").withStatus(429)
                .withBody("{\"error\":\"OPERATION_TIME_LIMIT\",\"error_description\":\"Method is blocked due to"
                        + " operation time limit\",\"time\":{\"operating_reset_at\":" + resetAt + "}}")));

        long started = System.nanoTime();
        assertThatThrownBy(() -> gateway.dealsOf(List.of(5L), List.of()))
                .isInstanceOf(CrmRateLimitedException.class).hasMessageContaining("OPERATION_TIME_LIMIT")
                .satisfies(e -> assertThat(((CrmRateLimitedException) e).retryAfter().toSeconds())
                        .isBetween(250L, 300L));
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
        portal.verify(exactly(1), postRequestedFor(urlEqualTo(REST + "/crm.deal.list.json")));
    }

    @Test
    void callsEmailsChatsAndTasksAreActivityOfWhoeverActed() {
        portal.stubFor(post(urlEqualTo(REST + "/crm.activity.list.json")).willReturn(list(List.of(
                activity(20, "2", "VOXIMPLANT_CALL", "2", "Y", "505", "2024-08-26T16:11:36+03:00"),
                activity(21, "2", "VOXIMPLANT_CALL", "1", "N", "506", "2024-08-26T16:12:00+03:00"),
                activity(22, "2", "VOXIMPLANT_CALL", "1", "Y", "506", "2024-08-26T16:13:00+03:00"),
                activity(23, "6", "IMOPENLINES_SESSION", "1", "N", "507", "2024-08-26T16:14:00+03:00"),
                activity(24, "4", "CRM_EMAIL", "2", "Y", "508", "2024-08-26T16:15:00+03:00"),
                activity(25, "3", "TASKS", "0", "Y", "509", "2024-08-26T16:16:00+03:00")), null, 0)));

        List<CrmActivity> activity = gateway.activitySince(Instant.parse("2024-08-26T13:00:00Z"));

        assertThat(activity).extracting(CrmActivity::userId, CrmActivity::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple(505L, ActivityType.OUTGOING_CALL),
                org.assertj.core.groups.Tuple.tuple(506L, ActivityType.INCOMING_CALL),
                org.assertj.core.groups.Tuple.tuple(507L, ActivityType.INCOMING_CHAT_MESSAGE),
                org.assertj.core.groups.Tuple.tuple(508L, ActivityType.EMAIL_SENT),
                org.assertj.core.groups.Tuple.tuple(509L, ActivityType.TASK_COMPLETED));
        assertThat(activity.get(0).at()).isEqualTo(Instant.parse("2024-08-26T13:11:36Z"));
        assertThat(activity.get(0).id()).isEqualTo("activity:20:" + Instant.parse("2024-08-26T13:11:36Z").getEpochSecond());
        portal.verify(postRequestedFor(urlEqualTo(REST + "/crm.activity.list.json"))
                .withRequestBody(matchingJsonPath("$.filter['>=LAST_UPDATED']", equalTo("2024-08-26T13:00:00Z")))
                .withRequestBody(matchingJsonPath("$.start", equalTo("-1"))));
    }

    @Test
    void readsEachUsersWorkDayFiftyToABatch() {
        portal.stubFor(post(urlEqualTo(REST + "/batch.json")).willReturn(ok("{\"result\":{\"result\":{"
                + "\"user5\":{\"STATUS\":\"OPENED\",\"TIME_START\":\"2025-03-27T08:00:01+02:00\",\"TIME_FINISH\":null,"
                + "\"DURATION\":\"00:00:00\",\"TIME_LEAKS\":\"00:17:53\",\"ACTIVE\":true,\"TZ_OFFSET\":7200},"
                + "\"user6\":{\"STATUS\":\"PAUSED\",\"ACTIVE\":true},\"user7\":{\"STATUS\":\"CLOSED\"}},"
                + "\"result_error\":{\"user8\":{\"error\":\"\",\"error_description\":\"User not found\"}},"
                + "\"result_total\":[],\"result_next\":[],\"result_time\":[]}," + Bitrix24Portal.TIME + "}")));

        Map<Long, WorkDay> days = gateway.workDays(List.of(7L, 5L, 6L, 8L));

        assertThat(days).containsExactly(Map.entry(5L, WorkDay.OPENED), Map.entry(6L, WorkDay.PAUSED),
                Map.entry(7L, WorkDay.CLOSED));
        portal.verify(exactly(1), postRequestedFor(urlEqualTo(REST + "/batch.json"))
                .withRequestBody(matchingJsonPath("$.cmd.user5", equalTo("timeman.status?USER_ID=5")))
                .withRequestBody(matchingJsonPath("$.cmd.length()", equalTo("4"))));
    }

    @Test
    void aPortalWithoutTheTimemanScopeSaysSo() {
        portal.stubFor(post(urlEqualTo(REST + "/batch.json")).willReturn(ok("{\"result\":{\"result\":[],"
                + "\"result_error\":{\"user5\":{\"error\":\"insufficient_scope\",\"error_description\":\"\"}},"
                + "\"result_total\":[],\"result_next\":[],\"result_time\":[]}," + Bitrix24Portal.TIME + "}")));

        assertThatThrownBy(() -> gateway.workDays(List.of(5L)))
                .isInstanceOf(CrmException.class).hasMessageContaining("insufficient_scope")
                .hasMessageContaining("timeman scope");
    }

    @Test
    void aPresenceCheckIsAPersonalNotificationWithdrawnByItsId() {
        portal.stubFor(post(urlEqualTo(REST + "/im.notify.personal.add.json"))
                .willReturn(ok("{\"result\":12345," + Bitrix24Portal.TIME + "}")));
        portal.stubFor(post(urlEqualTo(REST + "/im.notify.delete.json"))
                .willReturn(ok("{\"result\":true," + Bitrix24Portal.TIME + "}")));

        assertThat(gateway.notifiesUsers()).isTrue();
        assertThat(gateway.notifyUser(5, "Подтвердите, что вы на работе")).hasValue(12345);
        gateway.withdrawNotification(12345);

        portal.verify(postRequestedFor(urlEqualTo(REST + "/im.notify.personal.add.json"))
                .withRequestBody(equalToJson("{\"USER_ID\":5,\"MESSAGE\":\"Подтвердите, что вы на работе\"}")));
        portal.verify(postRequestedFor(urlEqualTo(REST + "/im.notify.delete.json"))
                .withRequestBody(equalToJson("{\"ID\":12345}")));
    }

    @Test
    void aNotificationThePortalDidNotMakeHasNoId() {
        portal.stubFor(post(urlEqualTo(REST + "/im.notify.personal.add.json"))
                .willReturn(ok("{\"result\":false," + Bitrix24Portal.TIME + "}")));

        assertThat(gateway.notifyUser(5, "?")).isEmpty();
    }

    @Test
    void offlineEventsAreReadWithoutClearingThemAndClearedByTheirProcessId() {
        allDealEventsBound();
        portal.stubFor(post(urlEqualTo(REST + "/event.offline.get.json")).willReturn(ok("{\"result\":{"
                + "\"process_id\":\"b4e1c2f0a5\",\"events\":["
                + "{\"ID\":\"1\",\"TIMESTAMP_X\":\"2024-07-18T12:32:31+02:00\",\"EVENT_NAME\":\"ONCRMDEALADD\","
                + "\"EVENT_DATA\":{\"FIELDS\":{\"ID\":\"6641\"}},\"EVENT_ADDITIONAL\":false,\"MESSAGE_ID\":\"1\"},"
                + "{\"ID\":\"2\",\"TIMESTAMP_X\":\"2024-07-18T12:33:00+02:00\",\"EVENT_NAME\":\"ONCRMLEADADD\","
                + "\"EVENT_DATA\":{\"FIELDS\":{\"ID\":\"17\"}},\"EVENT_ADDITIONAL\":false,\"MESSAGE_ID\":\"2\"},"
                + "{\"ID\":\"3\",\"TIMESTAMP_X\":\"2024-07-18T12:34:00+02:00\",\"EVENT_NAME\":\"ONCRMDEALDELETE\","
                + "\"EVENT_DATA\":{\"FIELDS\":{\"ID\":\"6600\"}},\"EVENT_ADDITIONAL\":false,\"MESSAGE_ID\":\"3\"}]},"
                + Bitrix24Portal.TIME + "}")));
        portal.stubFor(post(urlEqualTo(REST + "/event.offline.clear.json"))
                .willReturn(ok("{\"result\":true," + Bitrix24Portal.TIME + "}")));

        DealChangeBatch batch = gateway.pendingDealChanges(null).orElseThrow();

        assertThat(batch.batchId()).isEqualTo("b4e1c2f0a5");
        assertThat(batch.changes()).extracting(CrmDealChange::kind, CrmDealChange::dealId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(CrmDealChange.Kind.ADDED, 6641L),
                org.assertj.core.groups.Tuple.tuple(CrmDealChange.Kind.DELETED, 6600L));
        assertThat(batch.changes().get(0).changedAt()).isEqualTo(Instant.parse("2024-07-18T10:32:31Z"));
        portal.verify(postRequestedFor(urlEqualTo(REST + "/event.offline.get.json"))
                .withRequestBody(equalToJson("{\"clear\":0,\"limit\":50}")));

        gateway.pendingDealChanges("b4e1c2f0a5");
        portal.verify(postRequestedFor(urlEqualTo(REST + "/event.offline.get.json"))
                .withRequestBody(equalToJson("{\"clear\":0,\"limit\":50,\"process_id\":\"b4e1c2f0a5\"}")));

        gateway.acknowledgeDealChanges("b4e1c2f0a5");
        portal.verify(exactly(1), postRequestedFor(urlEqualTo(REST + "/event.offline.clear.json"))
                .withRequestBody(equalToJson("{\"process_id\":\"b4e1c2f0a5\"}")));
    }

    @Test
    void noOfflineEventsIsNoBatch() {
        allDealEventsBound();
        portal.stubFor(post(urlEqualTo(REST + "/event.offline.get.json")).willReturn(ok(
                "{\"result\":{\"process_id\":null,\"events\":[]}," + Bitrix24Portal.TIME + "}")));

        assertThat(gateway.pendingDealChanges(null)).isEmpty();
    }

    /**
     * Before its first read the adapter binds the deal events the application has not bound offline yet, with its
     * auth_connector and no handler (offline-events.md), and then reads; it does not ask again at the next read.
     */
    @Test
    void theDealEventsNotBoundOfflineYetAreBoundOnceBeforeTheFirstRead() {
        portal.stubFor(post(urlEqualTo(REST + "/event.get.json")).willReturn(ok("{\"result\":["
                + "{\"event\":\"ONCRMDEALADD\",\"handler\":\"\",\"auth_type\":\"0\",\"offline\":1},"
                + "{\"event\":\"ONCRMDEALUPDATE\",\"handler\":\"https://example.com/hook\",\"auth_type\":\"0\","
                + "\"offline\":0}]," + Bitrix24Portal.TIME + "}")));
        portal.stubFor(post(urlEqualTo(REST + "/event.bind.json"))
                .willReturn(ok("{\"result\":true," + Bitrix24Portal.TIME + "}")));
        portal.stubFor(post(urlEqualTo(REST + "/event.offline.get.json")).willReturn(ok(
                "{\"result\":{\"process_id\":null,\"events\":[]}," + Bitrix24Portal.TIME + "}")));

        CrmGateway started = freshGateway();
        assertThat(started.pendingDealChanges(null)).isEmpty();
        assertThat(started.pendingDealChanges(null)).isEmpty();

        portal.verify(exactly(1), postRequestedFor(urlEqualTo(REST + "/event.get.json")));
        portal.verify(exactly(2), postRequestedFor(urlEqualTo(REST + "/event.bind.json")));
        portal.verify(postRequestedFor(urlEqualTo(REST + "/event.bind.json")).withRequestBody(equalToJson(
                "{\"event\":\"ONCRMDEALUPDATE\",\"event_type\":\"offline\",\"auth_connector\":\"shiftrelay\"}")));
        portal.verify(postRequestedFor(urlEqualTo(REST + "/event.bind.json")).withRequestBody(equalToJson(
                "{\"event\":\"ONCRMDEALDELETE\",\"event_type\":\"offline\",\"auth_connector\":\"shiftrelay\"}")));
        portal.verify(exactly(2), postRequestedFor(urlEqualTo(REST + "/event.offline.get.json")));
    }

    /** A portal that refuses to bind (a user without administrator rights) fails the read, which is tried again. */
    @Test
    void aPortalThatRefusesTheBindingFailsTheReadAndIsAskedAgainNextTime() {
        portal.stubFor(post(urlEqualTo(REST + "/event.get.json"))
                .willReturn(ok("{\"result\":[]," + Bitrix24Portal.TIME + "}")));
        portal.stubFor(post(urlEqualTo(REST + "/event.bind.json")).willReturn(error(403, "ACCESS_DENIED",
                "Access denied!")));
        CrmGateway started = freshGateway();

        assertThatThrownBy(() -> started.pendingDealChanges(null)).isInstanceOf(CrmException.class)
                .hasMessageContaining("event.bind");
        assertThatThrownBy(() -> started.pendingDealChanges(null)).isInstanceOf(CrmException.class);
        portal.verify(exactly(2), postRequestedFor(urlEqualTo(REST + "/event.get.json")));
        portal.verify(exactly(0), postRequestedFor(urlEqualTo(REST + "/event.offline.get.json")));
    }

    /** The adapter as a just-started ShiftRelay has it: it has not looked at the portal's bindings yet. */
    private CrmGateway freshGateway() {
        return new Bitrix24Gateway(calls, properties, 900001L);
    }

    private void allDealEventsBound() {
        portal.stubFor(post(urlEqualTo(REST + "/event.get.json")).willReturn(ok("{\"result\":["
                + "{\"event\":\"ONCRMDEALADD\",\"handler\":\"\",\"auth_type\":\"0\",\"offline\":1},"
                + "{\"event\":\"ONCRMDEALUPDATE\",\"handler\":\"\",\"auth_type\":\"0\",\"offline\":1},"
                + "{\"event\":\"ONCRMDEALDELETE\",\"handler\":\"\",\"auth_type\":\"0\",\"offline\":1}]," + Bitrix24Portal.TIME + "}")));
    }

    /**
     * The client by phone: crm.duplicate.findbycomm names the contacts, crm.contact.list reads them (the fast way, by
     * ID), crm.deal.list their deals.
     */
    @Test
    void findsTheClientsByPhoneWithTheirDeals() {
        portal.stubFor(post(urlEqualTo(REST + "/crm.duplicate.findbycomm.json"))
                .willReturn(ok("{\"result\":{\"CONTACT\":[275]}," + Bitrix24Portal.TIME + "}")));
        portal.stubFor(post(urlEqualTo(REST + "/crm.contact.list.json")).willReturn(ok("{\"result\":[{\"ID\":\"275\","
                + "\"NAME\":\"Ольга\",\"LAST_NAME\":\"Клиентова\",\"ASSIGNED_BY_ID\":\"5\"}]," + Bitrix24Portal.TIME + "}")));
        portal.stubFor(post(urlEqualTo(REST + "/crm.deal.list.json")).willReturn(ok("{\"result\":[{\"ID\":\"15\"},"
                + "{\"ID\":\"16\"}]," + Bitrix24Portal.TIME + "}")));

        assertThat(gateway.clientsByPhone("79161234567")).containsExactly(
                new com.shiftrelay.crm.CrmClient(275, "Ольга Клиентова", 5L, List.of(15L, 16L)));

        portal.verify(postRequestedFor(urlEqualTo(REST + "/crm.duplicate.findbycomm.json")).withRequestBody(equalToJson(
                "{\"entity_type\":\"CONTACT\",\"type\":\"PHONE\",\"values\":[\"79161234567\"]}")));
        portal.verify(postRequestedFor(urlEqualTo(REST + "/crm.contact.list.json"))
                .withRequestBody(matchingJsonPath("$.filter['@ID'][0]", equalTo("275"))));
        portal.verify(postRequestedFor(urlEqualTo(REST + "/crm.deal.list.json"))
                .withRequestBody(matchingJsonPath("$.filter.CONTACT_ID", equalTo("275"))));
    }

    /** Nothing found is PHP's empty array, [], where an object is documented. */
    @Test
    void nobodyWithTheNumberIsNoClient() {
        portal.stubFor(post(urlEqualTo(REST + "/crm.duplicate.findbycomm.json"))
                .willReturn(ok("{\"result\":[]," + Bitrix24Portal.TIME + "}")));

        assertThat(gateway.clientsByPhone("79161234567")).isEmpty();
        portal.verify(exactly(0), postRequestedFor(urlEqualTo(REST + "/crm.contact.list.json")));
    }

    @Test
    void aCallbackIsATaskBoundToTheDealCommentedCompletedAndGivenOn() {
        portal.stubFor(post(urlEqualTo(REST + "/tasks.task.add.json")).willReturn(ok("{\"result\":{\"task\":{"
                + "\"id\":\"1247\",\"title\":\"Пропущенный звонок\"}}," + Bitrix24Portal.TIME + "}")));
        portal.stubFor(post(urlEqualTo(REST + "/task.commentitem.add.json"))
                .willReturn(ok("{\"result\":3155," + Bitrix24Portal.TIME + "}")));
        portal.stubFor(post(urlEqualTo(REST + "/tasks.task.complete.json"))
                .willReturn(ok("{\"result\":{\"task\":{\"id\":\"1247\",\"status\":\"5\"}}," + Bitrix24Portal.TIME + "}")));
        portal.stubFor(post(urlEqualTo(REST + "/tasks.task.update.json"))
                .willReturn(ok("{\"result\":{\"task\":{\"id\":\"1247\"}}," + Bitrix24Portal.TIME + "}")));
        portal.stubFor(post(urlEqualTo(REST + "/crm.timeline.comment.add.json"))
                .willReturn(ok("{\"result\":999," + Bitrix24Portal.TIME + "}")));

        long task = gateway.createTask(new com.shiftrelay.crm.CrmTaskRequest(15L, 275L, 5, "Пропущенный звонок",
                "Перезвонить +79161234567", Instant.parse("2026-12-03T12:02:00Z"), "missed-call:1"));
        gateway.commentOnTask(task, 15L, "?", "Повторный звонок в 14:40");
        gateway.reassignTask(task, 6);
        gateway.completeTask(task, "Перезвонили в 14:52, разговор 3 мин 10 с");
        gateway.addDealNote(15, "Перезвонили клиенту");

        assertThat(task).isEqualTo(1247);
        portal.verify(postRequestedFor(urlEqualTo(REST + "/tasks.task.add.json")).withRequestBody(equalToJson(
                "{\"fields\":{\"TITLE\":\"Пропущенный звонок\",\"DESCRIPTION\":\"Перезвонить +79161234567\","
                        + "\"RESPONSIBLE_ID\":5,\"DEADLINE\":\"2026-12-03T12:02:00Z\",\"UF_CRM_TASK\":[\"D_15\"]}}")));
        portal.verify(postRequestedFor(urlEqualTo(REST + "/task.commentitem.add.json")).withRequestBody(equalToJson(
                "{\"TASKID\":1247,\"FIELDS\":{\"POST_MESSAGE\":\"Повторный звонок в 14:40\"}}")));
        portal.verify(postRequestedFor(urlEqualTo(REST + "/task.commentitem.add.json")).withRequestBody(equalToJson(
                "{\"TASKID\":1247,\"FIELDS\":{\"POST_MESSAGE\":\"Перезвонили в 14:52, разговор 3 мин 10 с\"}}")));
        portal.verify(postRequestedFor(urlEqualTo(REST + "/tasks.task.complete.json"))
                .withRequestBody(equalToJson("{\"taskId\":1247}")));
        portal.verify(postRequestedFor(urlEqualTo(REST + "/tasks.task.update.json"))
                .withRequestBody(equalToJson("{\"taskId\":1247,\"fields\":{\"RESPONSIBLE_ID\":6}}")));
        portal.verify(postRequestedFor(urlEqualTo(REST + "/crm.timeline.comment.add.json")).withRequestBody(equalToJson(
                "{\"fields\":{\"ENTITY_ID\":15,\"ENTITY_TYPE\":\"deal\",\"COMMENT\":\"Перезвонили клиенту\"}}")));
    }

    /**
     * Bitrix24 keeps no request key: a creation whose answer was lost is not sent again by the adapter, and the step's
     * next run finds the task with tasks.task.list (by responsible, binding and title; the answer's keys camelCase,
     * as tasks-task-list.md shows) among those not completed, by its description and deadline.
     */
    @Test
    void aTaskWhoseAnswerWasLostIsNotAskedForTwiceAndIsFoundByWhatItSays() {
        portal.stubFor(post(urlEqualTo(REST + "/tasks.task.add.json"))
                .willReturn(error(500, "INTERNAL_SERVER_ERROR", "Internal server error")));
        portal.stubFor(post(urlEqualTo(REST + "/tasks.task.list.json")).willReturn(ok("{\"result\":{\"tasks\":["
                + "{\"id\":\"1240\",\"title\":\"Пропущенный звонок\",\"description\":\"Перезвонить +79161234567\","
                + "\"deadline\":\"2026-12-03T15:02:00+03:00\",\"status\":\"5\",\"responsibleId\":\"5\"},"
                + "{\"id\":\"1247\",\"title\":\"Пропущенный звонок\",\"description\":\"Перезвонить +79161234567\","
                + "\"deadline\":\"2026-12-03T15:02:00+03:00\",\"status\":\"2\",\"responsibleId\":\"5\"},"
                + "{\"id\":\"1250\",\"title\":\"Пропущенный звонок\",\"description\":\"Перезвонить +79160000000\","
                + "\"deadline\":\"2026-12-03T15:02:00+03:00\",\"status\":\"2\",\"responsibleId\":\"5\"}"
                + "]},\"total\":3," + Bitrix24Portal.TIME + "}")));
        com.shiftrelay.crm.CrmTaskRequest request = new com.shiftrelay.crm.CrmTaskRequest(15L, 275L, 5,
                "Пропущенный звонок", "Перезвонить +79161234567", Instant.parse("2026-12-03T12:02:00Z"), "missed-call:1");

        assertThatThrownBy(() -> gateway.createTask(request)).isInstanceOf(CrmUnavailableException.class);
        portal.verify(exactly(1), postRequestedFor(urlEqualTo(REST + "/tasks.task.add.json")));

        assertThat(gateway.findTask(request)).contains(1247L);
        portal.verify(postRequestedFor(urlEqualTo(REST + "/tasks.task.list.json"))
                .withRequestBody(matchingJsonPath("$.filter.RESPONSIBLE_ID", equalTo("5")))
                .withRequestBody(matchingJsonPath("$.filter.UF_CRM_TASK", equalTo("D_15")))
                .withRequestBody(matchingJsonPath("$.filter.TITLE", equalTo("Пропущенный звонок"))));
        assertThat(gateway.findTask(new com.shiftrelay.crm.CrmTaskRequest(15L, 275L, 5, "Пропущенный звонок",
                "Перезвонить +79161234567", Instant.parse("2026-12-03T12:03:00Z"), "missed-call:2"))).isEmpty();
    }

    /** A comment is added once: a 5xx, whose outcome is unknown, is not sent again by the adapter. */
    @Test
    void aCommentWhoseAnswerWasLostIsNotSentTwice() {
        portal.stubFor(post(urlEqualTo(REST + "/task.commentitem.add.json"))
                .willReturn(error(502, "BAD_GATEWAY", "Bad gateway")));

        assertThatThrownBy(() -> gateway.commentOnTask(1247, 15L, "?", "Повторный звонок в 14:40"))
                .isInstanceOf(CrmUnavailableException.class);
        portal.verify(exactly(1), postRequestedFor(urlEqualTo(REST + "/task.commentitem.add.json")));
    }

    /** A caller the portal does not know: the task has no CRM binding, and is looked up without one. */
    @Test
    void aTaskOfAnUnknownCallerIsBoundToNothing() {
        portal.stubFor(post(urlEqualTo(REST + "/tasks.task.add.json")).willReturn(ok("{\"result\":{\"task\":{"
                + "\"id\":\"1260\",\"title\":\"Пропущенный звонок\"}}," + Bitrix24Portal.TIME + "}")));
        portal.stubFor(post(urlEqualTo(REST + "/tasks.task.list.json"))
                .willReturn(ok("{\"result\":{\"tasks\":[]},\"total\":0," + Bitrix24Portal.TIME + "}")));
        com.shiftrelay.crm.CrmTaskRequest request = new com.shiftrelay.crm.CrmTaskRequest(null, null, 5,
                "Пропущенный звонок", "Перезвонить +79161234567", Instant.parse("2026-12-03T12:02:00Z"), "missed-call:9");

        assertThat(gateway.createTask(request)).isEqualTo(1260);
        assertThat(gateway.findTask(request)).isEmpty();

        portal.verify(postRequestedFor(urlEqualTo(REST + "/tasks.task.add.json")).withRequestBody(equalToJson(
                "{\"fields\":{\"TITLE\":\"Пропущенный звонок\",\"DESCRIPTION\":\"Перезвонить +79161234567\","
                        + "\"RESPONSIBLE_ID\":5,\"DEADLINE\":\"2026-12-03T12:02:00Z\"}}")));
        portal.verify(postRequestedFor(urlEqualTo(REST + "/tasks.task.list.json"))
                .withRequestBody(matchingJsonPath("$.filter.RESPONSIBLE_ID", equalTo("5")))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.notMatching(".*UF_CRM_TASK.*")));
    }

    /** A row of crm.activity.list as documented: its author and editor are the one who acted. */
    private static String activity(long id, String type, String provider, String direction, String completed,
                                   String user, String updated) {
        return "{\"ID\":\"" + id + "\",\"OWNER_ID\":\"15\",\"OWNER_TYPE_ID\":\"2\",\"TYPE_ID\":\"" + type
                + "\",\"PROVIDER_ID\":\"" + provider + "\",\"PROVIDER_TYPE_ID\":\"CALL\",\"SUBJECT\":\"Звонок\","
                + "\"CREATED\":\"" + updated + "\",\"LAST_UPDATED\":\"" + updated + "\",\"COMPLETED\":\"" + completed
                + "\",\"STATUS\":\"2\",\"RESPONSIBLE_ID\":\"" + user + "\",\"DIRECTION\":\"" + direction
                + "\",\"AUTHOR_ID\":\"" + user + "\",\"EDITOR_ID\":\"" + user + "\"}";
    }

    /** batch.md's answer: {@code result.result} per command, {@code result.result_error} per failed command. */
    private static String batchAnswer(List<String> results, String errors) {
        return "{\"result\":{\"result\":{" + String.join(",", results) + "},\"result_error\":" + errors
                + ",\"result_total\":[],\"result_next\":[],\"result_time\":[]}," + Bitrix24Portal.TIME + "}";
    }

    @SpringBootConfiguration
    @ImportAutoConfiguration({FeignAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
            JacksonAutoConfiguration.class, DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
            FlywayAutoConfiguration.class})
    @Import(Bitrix24Configuration.class)
    static class Context {
    }
}
