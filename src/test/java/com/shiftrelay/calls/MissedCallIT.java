package com.shiftrelay.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.shiftrelay.sandbox.SandboxClients;
import com.shiftrelay.sandbox.SandboxCrm;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.shiftrelay.support.Api;
import com.shiftrelay.support.Browser;
import com.shiftrelay.support.ModelerDeploy;
import com.shiftrelay.support.ShiftRelayIntegrationTest;
import com.shiftrelay.web.WebhookSignatures;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Missed calls end to end through HTTP and the sandbox CRM: a PBX posts its calls, ShiftRelay finds the client, texts
 * them once, gives the callback to someone at work as a CRM task due in 30 minutes, notes each repeat on it, and
 * closes it when the client is called back.
 */
@ShiftRelayIntegrationTest
class MissedCallIT {

    private static final String PASSWORD = "demo";
    private static final String SECRET = "test-pbx-secret";
    private static final long PIPELINE = 7009, OPEN_STATUS = 70091;

    @Autowired SandboxCrm sandbox;
    @Autowired SandboxClients clients;
    @Autowired org.camunda.bpm.engine.RuntimeService incidents;
    @LocalServerPort int port;

    @Test
    void threeMissedCallsOfOneClientAndOneOfAnotherGiveTwoSmsTwoTasksTwoCommentsAndACallbackClosesTheFirst() {
        Api api = new Api(port);
        long team = sandbox.createTeam("Регистратура звонков");
        long anna = sandbox.createUser("Анна Звонкова", "annacalls@demo.shiftrelay.local", team);
        long boris = sandbox.createUser("Борис Звонков", "boriscalls@demo.shiftrelay.local", team);
        api.post("/engine-rest/message", "{\"messageName\":\"DirectorySyncRequested\"}", "admin", "admin");
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of("annacalls", "boriscalls").stream()
                .allMatch(login -> api.get("/api/managers/" + anna, login, PASSWORD).status() == 200));
        assertThat(api.put("/api/teams/" + team + "/settings", "{\"inactivityInterval\":\"PT1H\"}", "admin", "admin")
                .status()).isEqualTo(200);
        assertThat(api.post("/api/managers/" + anna + "/online", null, "annacalls", PASSWORD).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> state(api, anna).equals("ONLINE"));
        assertThat(state(api, boris)).isNotEqualTo("ONLINE");

        long olga = clients.createContact("Ольга Звонящая", "79160001122", anna);
        long olgasDeal = sandbox.createLead("Лечение Ольги", anna, PIPELINE, OPEN_STATUS, false);
        clients.link(olgasDeal, olga);
        long pavel = clients.createContact("Павел Звонящий", "79160003344", boris);
        long pavelsDeal = sandbox.createLead("Лечение Павла", boris, PIPELINE, OPEN_STATUS, false);
        clients.link(pavelsDeal, pavel);

        // Ten minutes ago, so that every call of the scenario lies in the past (the page reports up to now).
        Instant first = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        assertThat(call(api, "c-1", "incoming", "8 (916) 000-11-22", null, false, 0, first).status()).isEqualTo(200);
        // The PBX sends it again twice (it did not hear the answer): the same call, nothing more.
        for (int again = 0; again < 2; again++) {
            Api.Response duplicate = call(api, "c-1", "incoming", "8 (916) 000-11-22", null, false, 0, first);
            assertThat(duplicate.status()).isEqualTo(200);
            assertThat(duplicate.body().get("accepted").asBoolean()).isFalse();
        }
        await().atMost(Duration.ofSeconds(40)).until(() -> tasksOf(olgasDeal).size() == 1);
        SandboxClients.Task task = tasksOf(olgasDeal).get(0);
        assertThat(task.responsibleId()).as("the responsible manager is at work").isEqualTo(anna);
        assertThat(task.completeTill()).isEqualTo(first.plus(Duration.ofMinutes(30)));
        assertThat(shown(task)).startsWith("Пропущенный звонок").contains("+7 916 000-11-22");

        // Two more within two minutes: a comment each, no second task, no second SMS.
        assertThat(call(api, "c-2", "incoming", "+79160001122", null, false, 0, first.plusSeconds(50)).status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(40)).until(() -> repeatNotes(olgasDeal) == 1);
        assertThat(call(api, "c-3", "incoming", "79160001122", null, false, 0, first.plusSeconds(110)).status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(40)).until(() -> repeatNotes(olgasDeal) == 2);

        // Pavel's manager is away: his callback goes to the colleague on shift.
        assertThat(call(api, "c-4", "incoming", "+7 916 000 33 44", null, false, 0, first.plusSeconds(120)).status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(40)).until(() -> tasksOf(pavelsDeal).size() == 1);
        assertThat(tasksOf(pavelsDeal).get(0).responsibleId()).isEqualTo(anna);

        await().atMost(Duration.ofSeconds(20)).until(() -> sms(api, "79160001122") == 1 && sms(api, "79160003344") == 1);
        assertThat(tasksOf(olgasDeal)).hasSize(1);

        // Anna calls Olga back and they talk for 3 min 10 s: the task closes with it, and the deal has a note.
        assertThat(call(api, "c-5", "outgoing", "79160001122", anna, true, 190, first.plusSeconds(300)).status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(40)).until(() -> tasksOf(olgasDeal).get(0).completed());
        assertThat(result(tasksOf(olgasDeal).get(0))).startsWith("Перезвонили в ").endsWith("разговор 3 мин 10 с");
        // The note follows the task's completion in the same step.
        await().atMost(Duration.ofSeconds(20)).until(() -> clients.notes(olgasDeal).stream()
                .anyMatch(note -> note.text().contains("закрыт")));
        assertThat(tasksOf(pavelsDeal).get(0).completed()).as("Pavel still waits").isFalse();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() ->
                sms(api, "79160001122") == 1 && repeatNotes(olgasDeal) == 2 && tasksOf(olgasDeal).size() == 1);

        // What a supervisor reads: Pavel still waits, Olga was called back 5 minutes after her first call.
        JsonNode open = api.get("/api/missed-calls?status=open", "admin", "admin").body();
        assertThat(open).filteredOn(m -> m.get("clientNumber").asText().equals("79160003344")).singleElement()
                .satisfies(m -> {
                    assertThat(m.get("manager").get("id").asLong()).isEqualTo(anna);
                    assertThat(m.get("overdue").asBoolean()).isFalse();
                    assertThat(m.get("taskId").isNull()).isFalse();
                });
        assertThat(open).noneMatch(m -> m.get("clientNumber").asText().equals("79160001122"));
        assertThat(api.get("/api/missed-calls", "annacalls", PASSWORD).status()).isEqualTo(403);
        Api.Response bad = api.get("/api/missed-calls?status=soon", "admin", "admin");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("field").asText()).isEqualTo("status");
        JsonNode stats = api.get("/api/missed-calls/stats?from=" + first.minusSeconds(60) + "&to="
                + first.plusSeconds(3600), "admin", "admin").body();
        assertThat(stats.get("perManager")).filteredOn(m -> m.get("manager").get("id").asLong() == anna)
                .singleElement().satisfies(m -> {
            assertThat(m.get("manager").get("id").asLong()).isEqualTo(anna);
            assertThat(m.get("calledBackInTime").asInt()).isEqualTo(1);
            assertThat(m.get("open").asInt()).isEqualTo(1);
        });
        assertThat(stats.get("medianMinutesToCallback").asDouble()).isEqualTo(5.0);

        // The sandbox's simulation refuses what it cannot ring, naming the field.
        Api.Response badKind = api.request("POST", "/sandbox/simulate/call").basic("admin", "admin")
                .json("{\"kind\":\"ring\",\"number\":\"79160003344\"}").send();
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.body().get("field").asText()).isEqualTo("kind");
        Api.Response badNumber = api.request("POST", "/sandbox/simulate/call").basic("admin", "admin")
                .json("{\"kind\":\"missed\",\"number\":\"12\"}").send();
        assertThat(badNumber.status()).isEqualTo(400);
        assertThat(badNumber.body().get("field").asText()).isEqualTo("number");

        // The sandbox page shows it all, and a person can ring from it: Pavel calls again.
        Browser browser = Browser.start(port);
        try {
            Page page = browser.newPage("ru-RU");
            Browser.openSandboxPage(page, "admin", "admin");
            Locator callbacks = page.locator("#callbacks tr");
            PlaywrightAssertions.assertThat(callbacks.filter(new Locator.FilterOptions().setHasText("сделка #" + olgasDeal)))
                    .containsText("закрыта", new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
            PlaywrightAssertions.assertThat(callbacks.filter(new Locator.FilterOptions().setHasText("сделка #" + pavelsDeal)))
                    .containsText("открыта");
            PlaywrightAssertions.assertThat(page.locator("[data-testid=sms]")).containsText("+79160003344");
            Locator annasRow = page.locator("[data-testid=call-stats] tr[data-manager-id='" + anna + "']");
            PlaywrightAssertions.assertThat(annasRow).containsText("Анна Звонкова");
            PlaywrightAssertions.assertThat(annasRow.locator(".bar.in-time")).hasText("1");
            PlaywrightAssertions.assertThat(annasRow.locator(".bar.waiting")).hasText("1");

            page.locator("#callClient").selectOption("79160003344");
            page.locator("#callForm button[data-kind=missed]").click();
            PlaywrightAssertions.assertThat(page.locator("#callResult")).containsText("ShiftRelay ответил 200");
            await().atMost(Duration.ofSeconds(40)).until(() -> repeatComments(pavelsDeal) == 1);
            assertThat(sms(api, "79160003344")).as("no second SMS within 10 minutes").isEqualTo(1);
        } finally {
            browser.close("missedCallsOn" + getClass().getSimpleName());
        }
    }

    /**
     * The SMS gateway down: the SMS step is retried and ends as an incident naming the number, and the client's
     * callback task is created all the same.
     */
    @Test
    void anSmsGatewayThatIsDownFailsTheSmsAloneAndTheTaskIsCreated() {
        Api api = new Api(port);
        long vera = managerAtWork(api, "Регистратура без SMS", "Вера Бессмсная", "verasms")[1];
        long client = clients.createContact("Семён Безсмс", "79160005566", vera);
        long deal = sandbox.createLead("Лечение Семёна", vera, PIPELINE, OPEN_STATUS, false);
        clients.link(deal, client);
        assertThat(api.request("POST", "/sandbox/sms/failure").basic("admin", "admin").json("{\"code\":220}").send()
                .status()).isEqualTo(200);
        try {
            assertThat(call(api, "s-1", "incoming", "79160005566", null, false, 0,
                    Instant.now().minusSeconds(30)).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(40)).until(() -> tasksOf(deal).size() == 1);
            assertThat(tasksOf(deal).get(0).responsibleId()).isEqualTo(vera);
            await().atMost(Duration.ofSeconds(40)).until(() -> incidents.createIncidentQuery()
                    .activityId("Task_TextClient").list().stream()
                    .anyMatch(incident -> incident.getIncidentMessage() != null
                            && incident.getIncidentMessage().contains("79160005566")));
            assertThat(sms(api, "79160005566")).isZero();
        } finally {
            api.request("POST", "/sandbox/sms/failure").basic("admin", "admin").json("{\"code\":0}").send();
        }
        Api.Response bad = api.request("POST", "/sandbox/sms/failure").basic("admin", "admin").json("{\"code\":7}")
                .send();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("field").asText()).isEqualTo("code");
    }

    /**
     * The CRM at its worst during a callback. Its answers to writes lost (a proxy gives up, the CRM did the work): the
     * task is created once, found by what it says when the step runs again. Then the CRM down: the repeat's comment is
     * retried and ends as an incident naming the number; back up, an admin retries it (Cockpit's "retry", here its
     * REST call) and the comment is written once.
     */
    @Test
    void aCrmThatLosesItsAnswersAndThenGoesDownLosesNothingAndDoesNothingTwice() {
        Api api = new Api(port);
        long gleb = managerAtWork(api, "Регистратура под нагрузкой", "Глеб Терпеливый", "glebcalls")[1];
        long client = clients.createContact("Тамара Недозвонившаяся", "79160007788", gleb);
        long deal = sandbox.createLead("Лечение Тамары", gleb, PIPELINE, OPEN_STATUS, false);
        clients.link(deal, client);
        Instant first = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.SECONDS);

        sandbox.setAnswersLost(true);
        try {
            assertThat(call(api, "t-1", "incoming", "79160007788", null, false, 0, first).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(40)).until(() -> api.get("/api/missed-calls?status=open", "admin", "admin")
                    .body().findValues("clientNumber").stream().anyMatch(n -> n.asText().equals("79160007788"))
                    && openCallback(api, "79160007788").hasNonNull("taskId"));
        } finally {
            sandbox.setAnswersLost(false);
        }
        assertThat(tasksOf(deal)).as("the task the lost answer was about, and no second one").hasSize(1);
        assertThat(openCallback(api, "79160007788").get("taskId").asLong()).isEqualTo(tasksOf(deal).get(0).id());

        sandbox.setOutage(true);
        try {
            assertThat(call(api, "t-2", "incoming", "79160007788", null, false, 0, first.plusSeconds(60)).status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(40)).until(() -> incidents.createIncidentQuery()
                    .activityId("Task_CommentRepeat").list().stream()
                    .anyMatch(incident -> incident.getIncidentMessage() != null
                            && incident.getIncidentMessage().contains("+7 916 000-77-88")));
            assertThat(repeatComments(deal)).isZero();
        } finally {
            sandbox.setOutage(false);
        }
        String jobId = api.get("/engine-rest/job?activityId=Task_CommentRepeat&withException=true&noRetriesLeft=true",
                "admin", "admin").body().findValues("id").get(0).asText();
        assertThat(api.put("/engine-rest/job/" + jobId + "/retries", "{\"retries\":1}", "admin", "admin").status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(40)).until(() -> repeatComments(deal) == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> repeatComments(deal) == 1
                && tasksOf(deal).size() == 1 && sms(api, "79160007788") == 1);
    }

    /**
     * A number the CRM does not know is routed as a new client's deal would be: a deal of "Продажи"
     * (shiftrelay.calls.new-client.pipeline-id 7001 in the sandbox) goes by the rule Rule_SalesTreatment, which a
     * process owner has just pointed at this team from Modeler; its member at work gets the callback, as a task linked
     * to nothing, and calling back closes it.
     */
    @Test
    void aNumberTheCrmDoesNotKnowGoesToTheTeamTheRulesGiveANewClient() {
        Api api = new Api(port);
        long[] teamAndManager = managerAtWork(api, "Администраторы новых клиентов", "Дарья Новенькая", "daryacalls");
        long team = teamAndManager[0];
        long darya = teamAndManager[1];
        String shipped = ModelerDeploy.shippedRoutingTable();
        String changed = shipped.replaceFirst("(<rule id=\"Rule_SalesTreatment\">(?s:.*?)<outputEntry id=\"OutputEntry_"
                + "SalesTreatment_Team\">\\s*<text>)1(</text>)", "$1" + team + "$2");
        assertThat(changed).isNotEqualTo(shipped);
        assertThat(ModelerDeploy.deploy(port, "admin", "admin", "DealRouting.dmn", changed).statusCode())
                .isEqualTo(200);
        try {
            Instant first = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);

            assertThat(call(api, "u-1", "incoming", "+7 (916) 999-00-11", null, false, 0, first).status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(40)).until(() -> unlinkedTasksOf(darya).size() == 1);
            assertThat(openCallback(api, "79169990011").get("manager").get("id").asLong()).isEqualTo(darya);
            await().atMost(Duration.ofSeconds(20)).until(() -> sms(api, "79169990011") == 1);

            assertThat(call(api, "u-2", "outgoing", "79169990011", darya, true, 75, first.plusSeconds(30)).status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(40)).until(() -> unlinkedTasksOf(darya).get(0).completed());
            assertThat(result(unlinkedTasksOf(darya).get(0))).endsWith("разговор 1 мин 15 с");
        } finally {
            // The context is shared with other test classes: the table as shipped is the current one again.
            ModelerDeploy.deploy(port, "admin", "admin", "DealRouting.dmn", shipped);
        }
    }

    private List<SandboxClients.Task> unlinkedTasksOf(long manager) {
        return clients.tasks().stream().filter(t -> t.leadId() == null && t.contactId() == null
                && t.responsibleId() == manager).toList();
    }

    /**
     * A team of its own with one manager, synchronised to ShiftRelay and ONLINE; nobody is asked whether they are
     * still at work while the test runs. The team's id and the manager's.
     */
    private long[] managerAtWork(Api api, String teamName, String name, String login) {
        long team = sandbox.createTeam(teamName);
        long manager = sandbox.createUser(name, login + "@demo.shiftrelay.local", team);
        api.post("/engine-rest/message", "{\"messageName\":\"DirectorySyncRequested\"}", "admin", "admin");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/managers/" + manager, login, PASSWORD)
                .status() == 200);
        assertThat(api.put("/api/teams/" + team + "/settings", "{\"inactivityInterval\":\"PT1H\"}", "admin", "admin")
                .status()).isEqualTo(200);
        assertThat(api.post("/api/managers/" + manager + "/online", null, login, PASSWORD).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> state(api, manager).equals("ONLINE"));
        return new long[] {team, manager};
    }

    private static JsonNode openCallback(Api api, String number) {
        for (JsonNode callback : api.get("/api/missed-calls?status=open", "admin", "admin").body()) {
            if (callback.get("clientNumber").asText().equals(number)) {
                return callback;
            }
        }
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }

    // ---- how the CRM keeps a task: amoCRM's text, its comments as notes on the deal, its result; Bitrix24 otherwise

    /** The task as its manager sees it: amoCRM's text begins with the title. */
    String shown(SandboxClients.Task task) {
        return task.text();
    }

    /** The comments on repeats: amoCRM has no task comments, so they are notes on the deal. */
    long repeatComments(long deal) {
        return clients.notes(deal).stream().filter(note -> note.text().startsWith("Повторный звонок")).count();
    }

    /** What the completed task says happened. */
    String result(SandboxClients.Task task) {
        return task.result();
    }

    List<SandboxClients.Task> tasksOf(long deal) {
        return clients.tasks().stream().filter(t -> t.leadId() != null && t.leadId() == deal).toList();
    }

    private long repeatNotes(long deal) {
        return repeatComments(deal);
    }

    private static long sms(Api api, String number) {
        JsonNode outbox = api.get("/sandbox/state", "admin", "admin").body().get("sms");
        long count = 0;
        for (JsonNode sms : outbox) {
            if (sms.get("number").asText().equals(number)) {
                count++;
            }
        }
        return count;
    }

    private static Api.Response call(Api api, String callId, String direction, String number, Long manager,
                                     boolean answered, int seconds, Instant startedAt) {
        byte[] body = ("{\"callId\":\"" + callId + "\",\"direction\":\"" + direction + "\",\"clientNumber\":\"" + number
                + "\"" + (manager == null ? "" : ",\"managerId\":" + manager) + ",\"answered\":" + answered
                + ",\"durationSeconds\":" + seconds + ",\"startedAt\":\"" + startedAt + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        byte[] prefix = (now + ".").getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, message, 0, prefix.length);
        System.arraycopy(body, 0, message, prefix.length, body.length);
        return api.request("POST", "/webhooks/telephony/calls")
                .header("X-ShiftRelay-Timestamp", String.valueOf(now))
                .header("X-ShiftRelay-Signature", "sha256=" + WebhookSignatures.hmacSha256Hex(SECRET, message))
                .body("application/json", HttpRequest.BodyPublishers.ofByteArray(body)).send();
    }

    private static String state(Api api, long managerId) {
        return api.get("/api/managers/" + managerId, "admin", "admin").body().get("state").asText();
    }
}
