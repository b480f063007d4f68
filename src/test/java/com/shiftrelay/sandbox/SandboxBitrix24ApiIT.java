package com.shiftrelay.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.shiftrelay.support.Api;
import com.shiftrelay.support.Browser;
import com.shiftrelay.support.OnSandboxBitrix24;
import com.shiftrelay.support.ShiftRelayIntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sandbox's Bitrix24 dialect over HTTP, as an integrator's script or ShiftRelay's adapter sees it: an inbound
 * webhook's address, a portal's shapes (ids as strings, 50 rows a page, the fast way without counts), {@code batch}
 * with its per-command errors, the leaky bucket's 503 and a portal's error codes.
 */
@ShiftRelayIntegrationTest
@OnSandboxBitrix24
class SandboxBitrix24ApiIT {

    private static final String REST = "/sandbox/bitrix24/rest/1/sandbox-token/";
    private static final long PIPELINE = 7009, OPEN = 70091;

    @Autowired SandboxCrm sandbox;
    @Autowired SandboxNotifications notifications;
    @LocalServerPort int port;

    private Api.Response call(String method, String json) {
        return new Api(port).request("POST", REST + method + ".json").json(json).send();
    }

    @Test
    void aWrongCodeNoCodeAnUnknownMethodAndAnApplicationsMethodAreRefusedAsAPortalRefusesThem() {
        Api api = new Api(port);
        assertError(api.request("POST", "/sandbox/bitrix24/rest/1/guessed/user.get.json").json("{}").send(),
                401, "INVALID_CREDENTIALS");
        assertError(api.request("POST", "/sandbox/bitrix24/rest/2/sandbox-token/user.get.json").json("{}").send(),
                401, "INVALID_CREDENTIALS");
        assertError(api.request("POST", "/sandbox/bitrix24/rest/user.get.json").json("{}").send(), 401, "NO_AUTH_FOUND");
        assertError(call("crm.deal.fly", "{}"), 404, "ERROR_METHOD_NOT_FOUND");
        assertError(call("event.offline.get", "{}"), 403, "ACCESS_DENIED");
        assertError(call("crm.deal.list", "{\"filter\":{\"TITLE\":\"x\"}}"), 400, "INVALID_ARG_VALUE");
        assertError(call("crm.deal.list", "[1,2]"), 400, "INVALID_ARG_VALUE");
        sandbox.setOutage(true);
        try {
            assertError(call("user.get", "{}"), 503, "INTERNAL_SERVER_ERROR");
        } finally {
            sandbox.setOutage(false);
        }
    }

    @Test
    void usersAndDepartmentsComeInAPortalsShape() {
        long team = sandbox.createTeam("Отдел Битрикс");
        long olga = sandbox.createUser("Ольга Битриксова", "olgab24@demo.shiftrelay.local", team);
        long gone = sandbox.createUser("Глеб Уволенный", "glebb24@demo.shiftrelay.local", team);
        sandbox.setUserActive(gone, false);

        JsonNode users = allPages("user.get", "{\"FILTER\":{\"USER_TYPE\":\"employee\"}}");
        JsonNode row = find(users, olga);
        assertThat(row.get("ID").isTextual()).as("ids come as strings").isTrue();
        assertThat(row.get("NAME").asText()).isEqualTo("Ольга");
        assertThat(row.get("LAST_NAME").asText()).isEqualTo("Битриксова");
        assertThat(row.get("EMAIL").asText()).isEqualTo("olgab24@demo.shiftrelay.local");
        assertThat(row.get("ACTIVE").asBoolean()).isTrue();
        assertThat(row.get("UF_DEPARTMENT").get(0).asLong()).isEqualTo(team);
        assertThat(find(users, gone).get("ACTIVE").asBoolean()).as("the dismissed come too, marked").isFalse();
        JsonNode active = call("user.get", "{\"FILTER\":{\"ACTIVE\":true,\"ID\":" + gone + "}}").body();
        assertThat(active.get("result")).isEmpty();
        assertThat(active.get("total").asInt()).isZero();

        JsonNode departments = allPages("department.get", "{}");
        assertThat(find(departments, team).get("NAME").asText()).isEqualTo("Отдел Битрикс");
    }

    @Test
    void openDealsAreReadTheFastWayWithoutCountsAndByPagesWithThem() {
        long team = sandbox.createTeam("Отдел сделок");
        long ivan = sandbox.createUser("Иван Сделкин", "ivanb24@demo.shiftrelay.local", team);
        List<Long> open = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            open.add(sandbox.createLead("Сделка Битрикс " + i, ivan, PIPELINE, OPEN, i == 3));
        }
        long won = sandbox.createLead("Выигранная", ivan, PIPELINE, Lead.STATUS_WON, false);

        String filter = "\"filter\":{\"@ASSIGNED_BY_ID\":[" + ivan + "],\"CLOSED\":\"N\",\">ID\":%d},"
                + "\"order\":{\"ID\":\"ASC\"},\"select\":[\"ID\",\"TITLE\",\"STAGE_SEMANTIC_ID\",\"ASSIGNED_BY_ID\","
                + "\"CATEGORY_ID\",\"" + SandboxBitrix24Methods.PINNED_FIELD + "\"],\"start\":-1";
        JsonNode first = call("crm.deal.list", "{" + filter.formatted(0) + "}").body();
        assertThat(first.has("total")).as("start=-1 counts nothing").isFalse();
        assertThat(first.has("next")).isFalse();
        assertThat(first.get("result")).hasSize(50);
        JsonNode third = first.get("result").get(2);
        assertThat(third.get("ID").asText()).isEqualTo(String.valueOf(open.get(2)));
        assertThat(third.get(SandboxBitrix24Methods.PINNED_FIELD).asText()).isEqualTo("1");
        assertThat(third.get("STAGE_SEMANTIC_ID").asText()).isEqualTo("P");
        assertThat(third.get("CATEGORY_ID").asText()).isEqualTo(String.valueOf(PIPELINE));
        assertThat(third.has("OPPORTUNITY")).as("only what was selected").isFalse();
        long last = first.get("result").get(49).get("ID").asLong();
        JsonNode second = call("crm.deal.list", "{" + filter.formatted(last) + "}").body();
        assertThat(second.get("result")).hasSize(10);
        assertThat(second.get("result").findValuesAsText("ID")).doesNotContain(String.valueOf(won));

        // Pages chained in one batch by reference to the page before (batch.md, "Using Results"); a reference to a row
        // that is not there is empty, and the command naming it is refused.
        String page = "crm.deal.list?start=-1&filter%5BASSIGNED_BY_ID%5D=" + ivan + "&filter%5B%3EID%5D=";
        JsonNode chained = call("batch", "{\"halt\":0,\"cmd\":{\"a\":\"" + page + "0\",\"b\":\"" + page
                + "$result[a][49][ID]\",\"c\":\"" + page + "$result[b][49][ID]\"}}").body().get("result");
        assertThat(chained.get("result").get("a")).hasSize(50);
        assertThat(chained.get("result").get("b")).hasSize(11);
        assertThat(chained.get("result").get("b").get(0).get("ID").asLong()).isEqualTo(open.get(50));
        assertThat(chained.get("result_error").get("c").get("error").asText()).isEqualTo("INVALID_ARG_VALUE");

        JsonNode counted = call("crm.deal.list", "{\"filter\":{\"ASSIGNED_BY_ID\":" + ivan + "},\"start\":50}").body();
        assertThat(counted.get("total").asInt()).isEqualTo(61);
        assertThat(counted.has("next")).isFalse();
        assertThat(counted.get("result")).hasSize(11);
        assertThat(counted.get("result").get(10).get("STAGE_SEMANTIC_ID").asText()).isEqualTo("S");
        assertThat(counted.get("result").get(10).get("CLOSED").asText()).isEqualTo("Y");
    }

    @Test
    void aBatchRunsEachCommandOnItsOwnAndPutsEachRefusalUnderItsKey() {
        long team = sandbox.createTeam("Отдел пакетов");
        long from = sandbox.createUser("Пётр Пакетов", "petrb24@demo.shiftrelay.local", team);
        long to = sandbox.createUser("Роза Пакетова", "rozab24@demo.shiftrelay.local", team);
        long moves = sandbox.createLead("Переедет", from, PIPELINE, OPEN, false);
        long locked = sandbox.createLead("Заперта", from, PIPELINE, OPEN, false);
        sandbox.setLeadLocked(locked, true);

        JsonNode answer = call("batch", "{\"halt\":0,\"cmd\":{"
                + "\"a\":\"" + update(moves, to) + "\","
                + "\"b\":\"" + update(locked, to) + "\","
                + "\"c\":\"" + update(987654321, to) + "\","
                + "\"d\":\"timeman.status?USER_ID=" + to + "\"}}").body();
        JsonNode batch = answer.get("result");
        assertThat(batch.get("result").get("a").asBoolean()).isTrue();
        assertThat(batch.get("result").get("d").get("STATUS").asText()).isEqualTo("OPENED");
        assertThat(batch.get("result_error").get("b").get("error").asText()).isEqualTo("ACCESS_DENIED");
        assertThat(batch.get("result_error").get("c").get("error").asText()).isEmpty();
        assertThat(batch.get("result_error").get("c").get("error_description").asText()).isEqualTo("Not found");
        assertThat(batch.get("result_time").get("a").has("duration")).isTrue();
        assertThat(answer.get("time").has("operating_reset_at")).isTrue();
        assertThat(sandbox.lead(moves).responsibleId()).isEqualTo(to);
        assertThat(sandbox.lead(locked).responsibleId()).isEqualTo(from);

        StringBuilder many = new StringBuilder("{\"cmd\":{");
        for (int i = 1; i <= 51; i++) {
            many.append(i == 1 ? "" : ",").append("\"u").append(i).append("\":\"timeman.status?USER_ID=").append(to)
                    .append("\"");
        }
        JsonNode tooMany = call("batch", many.append("}}").toString()).body().get("result");
        assertThat(tooMany.get("result")).hasSize(50);
        assertThat(tooMany.get("result_error").get("u51").get("error").asText()).isEqualTo("ERROR_BATCH_LENGTH_EXCEEDED");

        JsonNode clean = call("batch", "{\"cmd\":{\"x\":\"timeman.status?USER_ID=" + to + "\"}}").body().get("result");
        assertThat(clean.get("result_error").isArray()).as("PHP's empty array").isTrue();
        assertThat(clean.get("result_error")).isEmpty();
        assertError(call("crm.deal.update", "{\"id\":" + moves + ",\"fields\":{\"TITLE\":\"x\"}}"), 400,
                "INVALID_ARG_VALUE");
    }

    @Test
    void callsAndTasksAreActivitiesTheWorkDayIsTimemanAndNotificationsReachTheBell() {
        long team = sandbox.createTeam("Отдел активности");
        long nina = sandbox.createUser("Нина Звонкова", "ninab24@demo.shiftrelay.local", team);
        long deal = sandbox.createLead("Звонок", nina, PIPELINE, OPEN, false);
        SandboxEvent call = sandbox.recordActivity(nina, "outgoing_call", deal);
        sandbox.recordActivity(nina, "lead_status_changed", deal);
        SandboxEvent chat = sandbox.recordActivity(nina, "incoming_chat_message", deal);

        String since = SandboxBitrix24Methods.time(java.time.Instant.now().minusSeconds(60));
        JsonNode rows = call("crm.activity.list", "{\"filter\":{\">=LAST_UPDATED\":\"" + since + "\",\">ID\":"
                + (Long.parseLong(call.id()) - 1) + "},\"order\":{\"ID\":\"ASC\"},\"start\":-1}").body().get("result");
        assertThat(rows.findValuesAsText("ID")).as("a stage change is no activity")
                .containsExactly(call.id(), chat.id());
        assertThat(rows.get(0).get("TYPE_ID").asText()).isEqualTo("2");
        assertThat(rows.get(0).get("DIRECTION").asText()).isEqualTo("2");
        assertThat(rows.get(0).get("AUTHOR_ID").asText()).isEqualTo(String.valueOf(nina));
        assertThat(rows.get(1).get("PROVIDER_ID").asText()).isEqualTo("IMOPENLINES_SESSION");

        Api api = new Api(port);
        assertThat(api.post("/sandbox/users/" + nina + "/work-day", "{\"status\":\"CLOSED\"}", "admin", "admin")
                .status()).isEqualTo(200);
        assertThat(call("timeman.status", "{\"USER_ID\":" + nina + "}").body().get("result").get("STATUS").asText())
                .isEqualTo("CLOSED");
        Api.Response bad = api.post("/sandbox/users/" + nina + "/work-day", "{\"status\":\"LUNCH\"}", "admin", "admin");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("field").asText()).isEqualTo("status");
        assertThat(call("timeman.status", "{\"USER_ID\":" + nina + "}").body().get("result").get("STATUS").asText())
                .as("a refused change changes nothing").isEqualTo("CLOSED");

        JsonNode sent = call("im.notify.personal.add", "{\"USER_ID\":" + nina + ",\"MESSAGE\":\"Вы на месте?\"}").body();
        long id = sent.get("result").asLong();
        assertThat(notifications.recent()).anySatisfy(n -> {
            assertThat(n.id()).isEqualTo(id);
            assertThat(n.userId()).isEqualTo(nina);
            assertThat(n.withdrawnAt()).isNull();
        });
        assertThat(call("im.notify.delete", "{\"ID\":" + id + "}").body().get("result").asBoolean()).isTrue();
        assertThat(notifications.recent()).filteredOn(n -> n.id() == id).singleElement()
                .satisfies(n -> assertThat(n.withdrawnAt()).isNotNull());

        JsonNode state = api.get("/sandbox/state", "admin", "admin").body();
        assertThat(state.get("dialect").get("id").asText()).isEqualTo("bitrix24");
        assertThat(state.get("dialect").get("api").asText()).isEqualTo("/sandbox/bitrix24/rest");
    }

    @Test
    void aFloodOverflowsTheLeakyBucketAndIsAnsweredQueryLimitExceeded() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                answers.add(threads.submit(() -> call("department.get", "{}")));
            }
            int ok = 0, limited = 0;
            for (Future<Api.Response> answer : answers) {
                Api.Response response = answer.get();
                if (response.status() == 200) {
                    ok++;
                } else {
                    assertError(response, 503, "QUERY_LIMIT_EXCEEDED");
                    limited++;
                }
            }
            assertThat(limited).as(ok + " answered").isPositive();
            assertThat(ok).as("the burst and what drained meanwhile").isGreaterThanOrEqualTo(1).isLessThan(150);
        } finally {
            threads.shutdownNow();
            // The bucket is the whole portal's: the other tests (and ShiftRelay's own polling) get it back full, 50
            // requests drained at the tests' 10 a second.
            Thread.sleep(6_000);
        }
    }

    /** What the demo's watcher sees in a real browser: the dialect named, a work day changed, a notification shown. */
    @Test
    void thePageNamesTheDialectChangesAWorkDayAndShowsTheNotifications() {
        long team = sandbox.createTeam("Отдел страницы");
        long lev = sandbox.createUser("Лев Страничный", "levb24@demo.shiftrelay.local", team);
        Browser browser = Browser.start(port);
        try {
            Page page = browser.newPage("ru-RU");
            Browser.openSandboxPage(page, "admin", "admin");
            PlaywrightAssertions.assertThat(page.locator("[data-testid=dialect]")).hasText("Bitrix24",
                    new LocatorAssertions.HasTextOptions().setTimeout(20_000));
            Locator workDay = page.locator("[data-testid=work-day-" + lev + "]");
            PlaywrightAssertions.assertThat(workDay).hasValue("OPENED");
            // The page reads ShiftRelay's /api between its own changes (the queue); its change still carries the token.
            workDay.selectOption("PAUSED");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> sandbox.workDay(lev).orElseThrow().status().equals("PAUSED"));
            assertThat(call("timeman.status", "{\"USER_ID\":" + lev + "}").body().get("result").get("STATUS").asText())
                    .isEqualTo("PAUSED");

            call("im.notify.personal.add", "{\"USER_ID\":" + lev + ",\"MESSAGE\":\"Лев, вы на месте?\"}");
            Locator notices = page.locator("[data-testid=notifications]");
            PlaywrightAssertions.assertThat(notices).isVisible();
            PlaywrightAssertions.assertThat(notices).containsText("Лев, вы на месте?");
        } finally {
            browser.close("sandboxPageOfSandboxBitrix24ApiIT");
        }
    }

    private static String update(long deal, long to) {
        return "crm.deal.update?id=" + deal + "&" + URLEncoder.encode("fields[ASSIGNED_BY_ID]", StandardCharsets.UTF_8)
                + "=" + to + "&" + URLEncoder.encode("params[REGISTER_SONET_EVENT]", StandardCharsets.UTF_8) + "=N";
    }

    /**
     * The portal's local application signs in at its OAuth server with the refresh token of its installation, which
     * buys one pair; each refresh token buys one new pair and is spent; an application's call carries its access
     * token as {@code auth}, and only a token the server issued passes.
     */
    @Test
    void theLocalApplicationSignsInWithRefreshTokensThatAreSpentWhenUsed() {
        Api api = new Api(port);
        // The installation's token, unless the other test of the application has spent it already.
        JsonNode first = grant(api, application == null ? "sandbox-token" : application.get("refresh_token").asText());
        application = first;
        assertThat(first.get("expires_in").asInt()).isEqualTo(3600);
        assertThat(first.get("client_endpoint").asText()).endsWith("/sandbox/bitrix24/rest/");
        assertThat(first.get("domain").asText()).isEqualTo(SandboxBitrix24Api.DOMAIN);
        assertError(token(api, "sandbox-token"), 400, "invalid_grant");

        Api.Response users = api.request("POST", "/sandbox/bitrix24/rest/user.get.json")
                .json("{\"auth\":\"" + first.get("access_token").asText() + "\"}").send();
        assertThat(users.status()).as(users.text()).isEqualTo(200);
        assertThat(users.body().get("result").isArray()).isTrue();
        Api.Response byQuery = api.request("GET", "/sandbox/bitrix24/rest/department.get.json?auth="
                + first.get("access_token").asText()).send();
        assertThat(byQuery.status()).as(byQuery.text()).isEqualTo(200);

        JsonNode second = grant(api, first.get("refresh_token").asText());
        assertThat(second.get("access_token").asText()).isNotEqualTo(first.get("access_token").asText());
        assertError(token(api, first.get("refresh_token").asText()), 400, "invalid_grant");
        assertError(api.request("GET", "/sandbox/bitrix24/oauth/token/?grant_type=refresh_token&client_id="
                + SandboxBitrix24Application.CLIENT_ID + "&client_secret=guessed&refresh_token="
                + second.get("refresh_token").asText()).send(), 401, "invalid_client");
        assertError(api.request("GET", "/sandbox/bitrix24/oauth/token/?grant_type=authorization_code&client_id="
                + SandboxBitrix24Application.CLIENT_ID + "&client_secret=sandbox-token&code=x").send(), 400,
                "unsupported_grant_type");
        assertError(api.request("POST", "/sandbox/bitrix24/rest/user.get.json").json("{\"auth\":\"guessed\"}").send(),
                401, "invalid_token");
        application = second;
    }

    /**
     * Offline events as api-reference/events/offline-events.md describes them: bound by the application only, one
     * entry per deal however often it changes, none for a write made with the binding's auth_connector; read with
     * clear=0 they are hidden under a process_id and given again by it until cleared; read with clear=1 they are gone.
     */
    @Test
    void offlineEventsWaitForTheApplicationUntilItClearsThem() {
        Api api = new Api(port);
        String auth = applicationToken(api);
        assertError(call("event.bind", "{\"event\":\"ONCRMDEALADD\",\"event_type\":\"offline\"}"), 403,
                "ACCESS_DENIED");
        for (String event : List.of("ONCRMDEALADD", "ONCRMDEALUPDATE")) {
            assertThat(app(api, auth, "event.bind", "{\"event\":\"" + event + "\",\"event_type\":\"offline\","
                    + "\"auth_connector\":\"integration\"}").body().get("result").asBoolean()).isTrue();
        }
        assertError(app(api, auth, "event.bind", "{\"event\":\"ONCRMDEALADD\",\"event_type\":\"offline\","
                + "\"auth_connector\":\"integration\"}"), 400, "ERROR_CORE");
        assertError(app(api, auth, "event.bind", "{\"event\":\"ONCRMNOSUCHEVENT\",\"event_type\":\"offline\"}"),
                400, "ERROR_EVENT_NOT_FOUND");
        assertError(app(api, auth, "event.bind", "{\"event\":\"ONCRMDEALADD\",\"handler\":\"https://x.example\"}"),
                400, "INVALID_ARG_VALUE");
        JsonNode bound = app(api, auth, "event.get", "{}").body().get("result");
        assertThat(bound).extracting(b -> b.get("event").asText()).contains("ONCRMDEALADD", "ONCRMDEALUPDATE");
        assertThat(bound).allSatisfy(b -> assertThat(b.get("offline").asInt()).isEqualTo(1));

        long team = sandbox.createTeam("Офлайн-события");
        long owner = sandbox.createUser("Оксана Офлайн", "oksanaoffline@demo.shiftrelay.local", team);
        long other = sandbox.createUser("Олег Офлайн", "olegoffline@demo.shiftrelay.local", team);
        long deal = sandbox.createLead("Офлайн-заявка", owner, PIPELINE, OPEN, false);
        sandbox.reassignByHand(deal, other);
        sandbox.reassignByHand(deal, owner);
        // The integration's own write, with its key: not an event for it.
        assertThat(app(api, auth, "crm.deal.update", "{\"id\":" + deal + ",\"fields\":{\"ASSIGNED_BY_ID\":"
                + other + "},\"auth_connector\":\"integration\"}").status()).isEqualTo(200);

        JsonNode read = app(api, auth, "event.offline.get", "{\"clear\":0}").body().get("result");
        String processId = read.get("process_id").asText();
        assertThat(processId).isNotBlank();
        List<JsonNode> mine = ofDeal(read.get("events"), deal);
        assertThat(mine).extracting(e -> e.get("EVENT_NAME").asText()).containsExactly("ONCRMDEALADD", "ONCRMDEALUPDATE");
        assertThat(mine.get(0).get("MESSAGE_ID").asText()).isNotBlank();
        assertThat(mine.get(0).get("TIMESTAMP_X").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*\\+03:00");

        assertThat(ofDeal(app(api, auth, "event.offline.get", "{\"clear\":0}").body().get("result").get("events"), deal))
                .as("hidden under their process").isEmpty();
        assertThat(ofDeal(app(api, auth, "event.offline.get", "{\"clear\":0,\"process_id\":\"" + processId + "\"}")
                .body().get("result").get("events"), deal)).as("given again by their process").hasSize(2);
        assertThat(app(api, auth, "event.offline.clear", "{\"process_id\":\"" + processId + "\"}").body()
                .get("result").asBoolean()).isTrue();
        assertThat(app(api, auth, "event.offline.get", "{\"clear\":0,\"process_id\":\"" + processId + "\"}")
                .body().get("result").get("events")).as("cleared").isEmpty();
        assertError(app(api, auth, "event.offline.clear", "{}"), 400, "INVALID_ARG_VALUE");

        // A person's change after that is a new entry; clear=1, the default, hands it out once and deletes it.
        sandbox.reassignByHand(deal, owner);
        JsonNode once = app(api, auth, "event.offline.get", "{}").body().get("result");
        assertThat(once.get("process_id").isNull()).isTrue();
        assertThat(ofDeal(once.get("events"), deal)).extracting(e -> e.get("EVENT_NAME").asText())
                .containsExactly("ONCRMDEALUPDATE");
        assertThat(ofDeal(app(api, auth, "event.offline.get", "{}").body().get("result").get("events"), deal)).isEmpty();

        for (String event : List.of("ONCRMDEALADD", "ONCRMDEALUPDATE")) {
            assertThat(app(api, auth, "event.unbind", "{\"event\":\"" + event + "\",\"event_type\":\"offline\","
                    + "\"auth_connector\":\"integration\"}").body().get("result").get("count").asInt()).isEqualTo(1);
        }
        sandbox.reassignByHand(deal, other);
        assertThat(ofDeal(app(api, auth, "event.offline.get", "{}").body().get("result").get("events"), deal))
                .as("nothing is kept once unbound").isEmpty();
    }

    @Autowired SandboxClients clients;
    @Autowired com.shiftrelay.crm.CrmGateway gateway;

    /**
     * The missed-call follow-up's CRM calls through ShiftRelay's Bitrix24 adapter, answered by the sandbox portal:
     * the client by crm.duplicate.findbycomm with its deals, a task bound to the deal, a comment, another responsible,
     * completion with its result as the last comment, a timeline comment on the deal.
     */
    @Test
    void theAdapterFindsAClientByPhoneAndKeepsItsCallbackTaskAndTimeline() {
        long team = sandbox.createTeam("Клиенты Битрикс");
        long anna = sandbox.createUser("Анна Клиентская", "annaclientb24@demo.shiftrelay.local", team);
        long boris = sandbox.createUser("Борис Клиентский", "borisclientb24@demo.shiftrelay.local", team);
        long olga = clients.createContact("Ольга Клиентова", "79167654321", anna);
        long deal = sandbox.createLead("Лечение", anna, PIPELINE, OPEN, false);
        clients.link(deal, olga);

        assertThat(gateway.clientsByPhone("79167654321")).containsExactly(
                new com.shiftrelay.crm.CrmClient(olga, "Ольга Клиентова", anna, List.of(deal)));
        assertThat(gateway.clientsByPhone("79990000001")).isEmpty();

        java.time.Instant due = java.time.Instant.parse("2026-12-03T12:02:00Z");
        long task = gateway.createTask(new com.shiftrelay.crm.CrmTaskRequest(deal, olga, anna, "Пропущенный звонок",
                "Перезвонить +79167654321", due, "missed-call:b24"));
        gateway.commentOnTask(task, deal, null, "Повторный звонок в 14:40");
        gateway.reassignTask(task, boris);
        gateway.completeTask(task, "Перезвонили в 14:52, разговор 3 мин 10 с");
        gateway.addDealNote(deal, "Перезвонили клиенту");

        SandboxClients.Task kept = clients.task(task).orElseThrow();
        assertThat(kept.leadId()).isEqualTo(deal);
        assertThat(kept.title()).isEqualTo("Пропущенный звонок");
        assertThat(kept.completeTill()).isEqualTo(due);
        assertThat(kept.responsibleId()).isEqualTo(boris);
        assertThat(kept.completed()).isTrue();
        assertThat(kept.comments()).containsExactly("Повторный звонок в 14:40", "Перезвонили в 14:52, разговор 3 мин 10 с");
        assertThat(clients.notes(deal)).extracting(SandboxClients.Note::text).containsExactly("Перезвонили клиенту");
        assertError(call("crm.duplicate.findbycomm", "{\"type\":\"EMAIL\",\"values\":[\"a@b.c\"]}"), 400,
                "Communication type 'EMAIL' is not supported in current context");
    }

    /** The application's pair, signed in once for the class: the installation's refresh token buys one pair only. */
    private static JsonNode application;

    private String applicationToken(Api api) {
        application = grant(api, application == null ? "sandbox-token" : application.get("refresh_token").asText());
        return application.get("access_token").asText();
    }

    private static Api.Response token(Api api, String refreshToken) {
        return api.request("GET", "/sandbox/bitrix24/oauth/token/?grant_type=refresh_token&client_id="
                + SandboxBitrix24Application.CLIENT_ID + "&client_secret=sandbox-token&refresh_token="
                + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8)).send();
    }

    private static JsonNode grant(Api api, String refreshToken) {
        Api.Response answer = token(api, refreshToken);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.body();
    }

    private static Api.Response app(Api api, String auth, String method, String json) {
        String body = json.equals("{}") ? "{\"auth\":\"" + auth + "\"}"
                : "{\"auth\":\"" + auth + "\"," + json.substring(1);
        return api.request("POST", "/sandbox/bitrix24/rest/" + method + ".json").json(body).send();
    }

    private static List<JsonNode> ofDeal(JsonNode events, long deal) {
        List<JsonNode> mine = new ArrayList<>();
        events.forEach(e -> {
            if (e.get("EVENT_DATA").get("FIELDS").get("ID").asLong() == deal) {
                mine.add(e);
            }
        });
        return mine;
    }

    private JsonNode allPages(String method, String params) {
        List<JsonNode> rows = new ArrayList<>();
        long start = 0;
        while (true) {
            String body = params.substring(0, params.length() - 1) + (params.length() > 2 ? "," : "")
                    + "\"start\":" + start + "}";
            JsonNode page = call(method, body).body();
            page.get("result").forEach(rows::add);
            if (!page.has("next")) {
                return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(rows);
            }
            start = page.get("next").asLong();
        }
    }

    private static JsonNode find(JsonNode rows, long id) {
        for (JsonNode row : rows) {
            if (row.get("ID").asText().equals(String.valueOf(id))) {
                return row;
            }
        }
        throw new AssertionError("No row with ID " + id + " in " + rows);
    }

    private static void assertError(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.body().get("error").asText()).as(response.text()).isEqualTo(code);
        assertThat(response.body().has("error_description")).isTrue();
    }
}
