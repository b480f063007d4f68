package com.shiftrelay.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shiftrelay.crm.CrmDeal;
import com.shiftrelay.crm.CrmGateway;
import com.shiftrelay.crm.CrmUnavailableException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import com.shiftrelay.support.IntegrationTestProfiles;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@ActiveProfiles(resolver = IntegrationTestProfiles.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shiftrelay.sandbox.seed-demo-data=false",
        // The limit has its own test; here it would only make the suite's timing matter.
        "shiftrelay.sandbox.requests-per-second=10000",
        "camunda.bpm.job-execution.enabled=false"})
class SandboxAmoCrmApiIT implements LockedLeadInABatchContract {

    private static final String API = "/sandbox/amocrm/api/v4";
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;
    private static final MediaType HAL = MediaType.parseMediaType("application/hal+json");

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private SandboxCrm crm;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private CrmGateway gateway;
    @Autowired
    private JdbcTemplate jdbc;
    @LocalServerPort
    private int port;

    private long team;
    private long anna;
    private long boris;

    @BeforeEach
    void freshSandbox() {
        crm.reset();
        team = crm.createTeam("Администраторы");
        anna = crm.createUser("Анна Смирнова", "anna@demo.shiftrelay.local", team);
        boris = crm.createUser("Борис Иванов", "boris@demo.shiftrelay.local", team);
        crm.createPipeline(7001, "Продажи");
    }

    @Test
    void refusesRequestsWithoutTheToken() throws Exception {
        ResponseEntity<String> none = http.getForEntity(API + "/leads", String.class);
        ResponseEntity<String> wrong = http.exchange(API + "/leads", HttpMethod.GET, withToken("nope"), String.class);

        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(none.getHeaders().getContentType()).isEqualTo(PROBLEM);
        assertThat(json.readTree(none.getBody()).get("status").asInt()).isEqualTo(401);
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void pagesLeadsWithANextLinkUntilTheLastPage() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            ids.add(crm.createLead("Сделка " + i, anna, 7001, 70011, false));
        }

        List<Long> seen = new ArrayList<>();
        List<Boolean> hasNext = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            ResponseEntity<String> response = get(API + "/leads?page=" + page + "&limit=3&order[id]=asc");
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(response.getHeaders().getContentType()).isEqualTo(HAL);
            JsonNode body = json.readTree(response.getBody());
            assertThat(body.get("_page").asInt()).isEqualTo(page);
            assertThat(body.at("/_links/self/href").asText()).contains("page=" + page);
            hasNext.add(body.at("/_links").has("next"));
            body.at("/_embedded/leads").forEach(lead -> seen.add(lead.get("id").asLong()));
        }

        assertThat(seen).containsExactlyElementsOf(ids);
        assertThat(hasNext).containsExactly(true, true, false);
        assertThat(get(API + "/leads?page=4&limit=3").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void followsTheNextLinkItGives() throws Exception {
        for (int i = 1; i <= 3; i++) {
            crm.createLead("Сделка " + i, anna, 7001, 70011, false);
        }
        JsonNode first = json.readTree(get(API + "/leads?limit=2&filter[responsible_user_id][]=" + anna).getBody());

        ResponseEntity<String> second = http.exchange(URI.create(first.at("/_links/next/href").asText()),
                HttpMethod.GET, withToken("sandbox-token"), String.class);

        JsonNode body = json.readTree(second.getBody());
        assertThat(body.get("_page").asInt()).isEqualTo(2);
        assertThat(body.at("/_embedded/leads")).hasSize(1);
    }

    @Test
    void filtersLeadsByResponsiblePipelineAndId() throws Exception {
        long a1 = crm.createLead("A1", anna, 7001, 70011, false);
        long a2 = crm.createLead("A2", anna, 7002, 70021, false);
        long b1 = crm.createLead("B1", boris, 7001, 70011, false);

        assertThat(leadIds(API + "/leads?filter[responsible_user_id][]=" + anna)).containsExactly(a1, a2);
        assertThat(leadIds(API + "/leads?filter[responsible_user_id][]=" + anna
                + "&filter[responsible_user_id][]=" + boris)).containsExactly(a1, a2, b1);
        assertThat(leadIds(API + "/leads?filter[pipeline_id][]=7001")).containsExactly(a1, b1);
        assertThat(leadIds(API + "/leads?filter[id][]=" + b1 + "&filter[id][]=" + a2)).containsExactly(a2, b1);
        assertThat(leadIds(API + "/leads?filter[responsible_user_id][]=" + anna + "&filter[pipeline_id][]=7002"))
                .containsExactly(a2);
    }

    @Test
    void readsBracketsWhetherSentRawOrPercentEncoded() throws Exception {
        long a1 = crm.createLead("A1", anna, 7001, 70011, false);
        crm.createLead("B1", boris, 7001, 70011, false);
        String base = "http://localhost:" + port + API + "/leads?";

        ResponseEntity<String> raw = http.exchange(URI.create(base + "filter[responsible_user_id][]=" + anna),
                HttpMethod.GET, withToken("sandbox-token"), String.class);
        ResponseEntity<String> encoded = http.exchange(
                URI.create(base + "filter%5Bresponsible_user_id%5D%5B%5D=" + anna),
                HttpMethod.GET, withToken("sandbox-token"), String.class);

        for (ResponseEntity<String> response : List.of(raw, encoded)) {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            JsonNode leads = json.readTree(response.getBody()).at("/_embedded/leads");
            assertThat(leads).hasSize(1);
            assertThat(leads.get(0).get("id").asLong()).isEqualTo(a1);
        }
    }

    @Test
    void answersAFullPageOfIdsInOneRequest() throws Exception {
        // amoCRM's lead ids run to eight digits and more; the sandbox's small ones would make a short query. With
        // ten digits the request line and headers pass Tomcat's default limit of 8 KB.
        jdbc.execute("alter table sandbox_leads alter column id restart with 9000000000");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            ids.add(crm.createLead("Сделка " + i, anna, 7001, 70011, false));
        }
        // Brackets percent-encoded, as the amoCRM adapter sends them: the longest form of the query.
        StringBuilder query = new StringBuilder("limit=250&order%5Bid%5D=asc&page=1");
        ids.forEach(id -> query.append("&filter%5Bid%5D%5B%5D=").append(id));
        assertThat(query.length()).isGreaterThan(8000);

        ResponseEntity<String> response = http.exchange(
                URI.create("http://localhost:" + port + API + "/leads?" + query),
                HttpMethod.GET, withToken("sandbox-token"), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = json.readTree(response.getBody());
        assertThat(body.at("/_links").has("next")).isFalse();
        List<Long> seen = new ArrayList<>();
        body.at("/_embedded/leads").forEach(lead -> seen.add(lead.get("id").asLong()));
        assertThat(seen).containsExactlyElementsOf(ids);
        assertThat(gateway.deals(ids)).extracting(CrmDeal::id).containsExactlyElementsOf(ids);
    }

    @Test
    void showsThePinnedCheckboxAsACustomFieldValue() throws Exception {
        long pinned = crm.createLead("Pinned", anna, 7001, 70011, true);
        long loose = crm.createLead("Loose", anna, 7001, 70011, false);

        JsonNode leads = json.readTree(get(API + "/leads?filter[id][]=" + pinned + "&filter[id][]=" + loose)
                .getBody()).at("/_embedded/leads");

        JsonNode pinnedLead = leads.get(0);
        assertThat(pinnedLead.get("id").asLong()).isEqualTo(pinned);
        assertThat(pinnedLead.get("responsible_user_id").asLong()).isEqualTo(anna);
        assertThat(pinnedLead.get("group_id").asLong()).isEqualTo(team);
        assertThat(pinnedLead.get("pipeline_id").asLong()).isEqualTo(7001);
        assertThat(pinnedLead.get("status_id").asLong()).isEqualTo(70011);
        assertThat(pinnedLead.get("is_deleted").asBoolean()).isFalse();
        assertThat(pinnedLead.get("created_at").asLong()).isBetween(Instant.now().getEpochSecond() - 60,
                Instant.now().getEpochSecond() + 1);
        JsonNode field = pinnedLead.get("custom_fields_values").get(0);
        assertThat(field.get("field_id").asLong()).isEqualTo(900001);
        assertThat(field.get("field_name").asText()).isEqualTo("Закреплена за менеджером");
        assertThat(field.get("field_code").isNull()).isTrue();
        assertThat(field.get("field_type").asText()).isEqualTo("checkbox");
        assertThat(field.at("/values/0/value").asBoolean()).isTrue();
        assertThat(leads.get(1).get("custom_fields_values").isNull()).isTrue();

        JsonNode definitions = json.readTree(get(API + "/leads/custom_fields").getBody());
        assertThat(definitions.at("/_embedded/custom_fields/0/id").asLong()).isEqualTo(900001);
        assertThat(definitions.at("/_embedded/custom_fields/0/type").asText()).isEqualTo("checkbox");
    }

    @Test
    void embedsEachLeadsTagsWithOneIdPerName() throws Exception {
        long vip = crm.createLead(new SandboxCrm.NewLead("VIP", 7001L, 180000L, List.of("VIP", "Сайт"), anna));
        long alsoVip = crm.createLead(new SandboxCrm.NewLead("Also VIP", 7001L, 0L, List.of("VIP"), boris));
        long plain = crm.createLead("Plain", anna, 7001, 70011, false);

        JsonNode leads = json.readTree(get(API + "/leads?filter[id][]=" + vip + "&filter[id][]=" + alsoVip
                + "&filter[id][]=" + plain).getBody()).at("/_embedded/leads");

        JsonNode tags = leads.get(0).at("/_embedded/tags");
        assertThat(leads.get(0).get("price").asLong()).isEqualTo(180000);
        assertThat(tags).hasSize(2);
        assertThat(tags.get(0).get("name").asText()).isEqualTo("VIP");
        assertThat(tags.get(0).get("id").asLong()).isPositive();
        assertThat(tags.get(0).has("color")).isTrue();
        assertThat(tags.get(0).get("color").isNull()).isTrue();
        assertThat(tags.get(1).get("name").asText()).isEqualTo("Сайт");
        assertThat(leads.get(1).at("/_embedded/tags")).containsExactly(tags.get(0));
        assertThat(leads.get(2).at("/_embedded/tags").isArray()).isTrue();
        assertThat(leads.get(2).at("/_embedded/tags")).isEmpty();
        assertThat(gateway.deals(List.of(vip))).singleElement().satisfies(deal -> {
            assertThat(deal.tags()).containsExactly("VIP", "Сайт");
            assertThat(deal.price()).isEqualTo(180000);
        });
    }

    @Test
    void answers204WhenNothingMatches() {
        crm.createLead("A1", anna, 7001, 70011, false);

        ResponseEntity<String> response = get(API + "/leads?filter[responsible_user_id][]=999999");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(response.getBody()).isNull();
    }

    @Test
    void refusesAPageLargerThanAmoCrmAllows() throws Exception {
        ResponseEntity<String> response = get(API + "/leads?limit=251");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(PROBLEM);
        assertThat(response.getBody()).contains("limit");
        assertThat(get(API + "/events?limit=101").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void describesTheAccountWithItsGroupsAndPagesUsers() throws Exception {
        JsonNode account = json.readTree(get(API + "/account?with=users_groups").getBody());
        assertThat(account.get("name").asText()).isEqualTo("ShiftRelay sandbox");
        assertThat(account.get("subdomain").asText()).isEqualTo("sandbox");
        assertThat(account.at("/_embedded/users_groups/0/name").asText()).isEqualTo("Администраторы");

        JsonNode first = json.readTree(get(API + "/users?page=1&limit=1").getBody());
        JsonNode user = first.at("/_embedded/users/0");
        assertThat(user.get("id").asLong()).isEqualTo(anna);
        assertThat(user.get("email").asText()).isEqualTo("anna@demo.shiftrelay.local");
        assertThat(user.at("/rights/is_active").asBoolean()).isTrue();
        assertThat(user.at("/rights/group_id").asLong()).isEqualTo(team);
        assertThat(first.at("/_links").has("next")).isTrue();
        assertThat(json.readTree(get(API + "/users?page=2&limit=1").getBody()).at("/_links").has("next")).isFalse();
        assertThat(get(API + "/users?page=3&limit=1").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void patchChangesTheResponsibleAndRecordsTheChange() throws Exception {
        long lead = crm.createLead("A1", anna, 7001, 70011, false);

        ResponseEntity<String> response = patch(List.of(Map.of("id", lead, "responsible_user_id", boris)));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).isEqualTo(HAL);
        JsonNode updated = json.readTree(response.getBody()).at("/_embedded/leads/0");
        assertThat(updated.get("id").asLong()).isEqualTo(lead);
        assertThat(updated.get("request_id").asText()).isEqualTo("0");
        assertThat(updated.get("updated_at").asLong()).isPositive();
        assertThat(crm.lead(lead).responsibleId()).isEqualTo(boris);
        assertThat(crm.events()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("entity_responsible_changed");
            assertThat(event.leadId()).isEqualTo(lead);
            assertThat(event.createdBy()).isZero();
        });
    }

    @Test
    void patchRefusesMoreThanFiftyLeads() throws Exception {
        long lead = crm.createLead("A1", anna, 7001, 70011, false);
        List<Map<String, Long>> batch = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            batch.add(Map.of("id", lead, "responsible_user_id", boris));
        }

        ResponseEntity<String> response = patch(batch);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(PROBLEM);
        assertThat(crm.lead(lead).responsibleId()).isEqualTo(anna);
    }

    @Test
    void patchWithOneUnknownLeadChangesNothing() throws Exception {
        long first = crm.createLead("A1", anna, 7001, 70011, false);
        long second = crm.createLead("A2", anna, 7001, 70011, false);

        ResponseEntity<String> response = patch(List.of(
                Map.of("id", first, "responsible_user_id", boris),
                Map.of("id", 987654321L, "responsible_user_id", boris),
                Map.of("id", second, "responsible_user_id", 123456789L)));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(PROBLEM);
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("title").asText()).isEqualTo("Bad Request");
        assertThat(problem.get("type").asText()).isEqualTo("https://httpstatus.es/400");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asText()).isEqualTo("Request validation failed");
        JsonNode errors = problem.get("validation-errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).get("request_id").asText()).isEqualTo("1");
        assertThat(errors.get(0).at("/errors/0/code").asText()).isEqualTo("NotSupportedChoice");
        assertThat(errors.get(1).get("request_id").asText()).isEqualTo("2");
        assertThat(errors.get(1).at("/errors/0/path").asText()).isEqualTo("responsible_user_id");
        assertThat(crm.lead(first).responsibleId()).isEqualTo(anna);
        assertThat(crm.lead(second).responsibleId()).isEqualTo(anna);
        assertThat(crm.events()).isEmpty();
    }

    @Test
    void patchRefusesANewResponsibleForALockedLeadAndChangesNothing() throws Exception {
        long open = crm.createLead("A1", anna, 7001, 70011, false);
        long locked = crm.createLead("A2", anna, 7001, 70011, false);
        crm.setLeadLocked(locked, true);

        ResponseEntity<String> response = patch(List.of(
                Map.of("id", open, "responsible_user_id", boris),
                Map.of("id", locked, "responsible_user_id", boris)));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(PROBLEM);
        JsonNode errors = json.readTree(response.getBody()).get("validation-errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("request_id").asText()).isEqualTo("1");
        assertThat(errors.get(0).at("/errors/0/code").asText()).isEqualTo("FieldNotEditable");
        assertThat(errors.get(0).at("/errors/0/path").asText()).isEqualTo("responsible_user_id");
        assertThat(errors.get(0).at("/errors/0/detail").asText()).contains(String.valueOf(locked));
        assertThat(crm.lead(open).responsibleId()).isEqualTo(anna);
        assertThat(crm.lead(locked).responsibleId()).isEqualTo(anna);
        assertThat(crm.events()).isEmpty();
    }

    @Test
    void aLockedLeadKeepsTakingItsOwnResponsibleAndMovesOnceUnlocked() {
        long lead = crm.createLead("A1", anna, 7001, 70011, false);
        crm.setLeadLocked(lead, true);

        assertThat(patch(List.of(Map.of("id", lead, "responsible_user_id", anna))).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        crm.setLeadLocked(lead, false);
        assertThat(patch(List.of(Map.of("id", lead, "responsible_user_id", boris))).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(crm.lead(lead).responsibleId()).isEqualTo(boris);
    }

    @Test
    void anOutageAnswers503ToEveryApiRequestUntilItEnds() throws Exception {
        long lead = crm.createLead("A1", anna, 7001, 70011, false);

        crm.setOutage(true);
        ResponseEntity<String> signed = get(API + "/leads");
        ResponseEntity<String> unsigned = http.getForEntity(API + "/account", String.class);

        assertThat(signed.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(signed.getHeaders().getContentType()).isEqualTo(PROBLEM);
        assertThat(json.readTree(signed.getBody()).get("status").asInt()).isEqualTo(503);
        assertThat(unsigned.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThatThrownBy(() -> gateway.deals(List.of(lead))).isInstanceOf(CrmUnavailableException.class);

        crm.setOutage(false);
        assertThat(gateway.deals(List.of(lead))).extracting(CrmDeal::id).containsExactly(lead);
    }

    @Test
    void listsEventsByTypeAndTimeNewestFirst() throws Exception {
        long lead = crm.createLead("A1", anna, 7001, 70011, false);
        Instant now = Instant.now();
        crm.recordActivity(anna, "incoming_call", lead, now.minusSeconds(3600));
        SandboxEvent older = crm.recordActivity(anna, "incoming_call", lead, now.minusSeconds(120));
        SandboxEvent newer = crm.recordActivity(boris, "outgoing_chat_message", lead, now.minusSeconds(60));
        crm.recordActivity(boris, "common_note_added", lead, now.minusSeconds(30));
        long from = now.minusSeconds(600).getEpochSecond();

        ResponseEntity<String> response = get(API + "/events?filter[created_at][from]=" + from
                + "&filter[type][]=incoming_call&filter[type][]=outgoing_chat_message&limit=100");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode events = json.readTree(response.getBody()).at("/_embedded/events");
        assertThat(events).hasSize(2);
        JsonNode first = events.get(0);
        assertThat(first.get("id").isTextual()).isTrue();
        assertThat(first.get("id").asText()).isEqualTo(newer.id());
        assertThat(first.get("type").asText()).isEqualTo("outgoing_chat_message");
        assertThat(first.get("entity_id").asLong()).isEqualTo(lead);
        assertThat(first.get("entity_type").asText()).isEqualTo("lead");
        assertThat(first.get("created_by").asLong()).isEqualTo(boris);
        assertThat(first.get("created_at").asLong()).isEqualTo(newer.createdAt().getEpochSecond());
        assertThat(first.get("value_after").isArray()).isTrue();
        assertThat(events.get(1).get("id").asText()).isEqualTo(older.id());

        long future = now.plusSeconds(600).getEpochSecond();
        assertThat(get(API + "/events?filter[created_at][from]=" + future).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void simulatedActivityShowsInTheEventFeed() throws Exception {
        long lead = crm.createLead("A1", anna, 7001, 70011, false);

        ResponseEntity<String> created = signedIn().postForEntity("/sandbox/simulate/activity",
                Map.of("userId", anna, "type", "incoming_call"), String.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode events = json.readTree(get(API + "/events?filter[type][]=incoming_call").getBody())
                .at("/_embedded/events");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("created_by").asLong()).isEqualTo(anna);
        assertThat(events.get(0).get("entity_id").asLong()).isEqualTo(lead);
    }

    @Test
    void simulationNamesTheFieldItCannotTake() throws Exception {
        ResponseEntity<String> badType = signedIn().postForEntity("/sandbox/simulate/activity",
                Map.of("userId", anna, "type", "coffee_break"), String.class);
        ResponseEntity<String> badUser = signedIn().postForEntity("/sandbox/simulate/activity",
                Map.of("userId", 999999, "type", "incoming_call"), String.class);

        assertThat(badType.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badType.getHeaders().getContentType()).isEqualTo(PROBLEM);
        assertThat(json.readTree(badType.getBody()).get("field").asText()).isEqualTo("type");
        assertThat(badUser.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(json.readTree(badUser.getBody()).get("field").asText()).isEqualTo("userId");
        assertThat(crm.events()).isEmpty();
    }

    @Test
    void reassigningByHandMovesTheDeal() {
        long lead = crm.createLead("A1", anna, 7001, 70011, false);

        ResponseEntity<String> response = signedIn().postForEntity("/sandbox/leads/" + lead + "/responsible",
                Map.of("userId", boris), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(crm.lead(lead).responsibleId()).isEqualTo(boris);
        assertThat(crm.openLeadIdsByResponsible()).isEqualTo(Map.of(boris, List.of(lead)));
    }

    @Test
    void stateListsManagersWithTheirOpenDeals() throws Exception {
        long open = crm.createLead("Имплантация", anna, 7001, 70011, true);
        crm.createLead("Won", anna, 7001, 142, false);

        JsonNode state = json.readTree(signedIn().getForEntity("/sandbox/state", String.class).getBody());

        assertThat(state.get("crm").asText()).isEqualTo("sandbox");
        JsonNode first = state.get("managers").get(0);
        assertThat(first.get("id").asLong()).isEqualTo(anna);
        assertThat(first.get("login").asText()).isEqualTo("anna");
        assertThat(first.get("team").asText()).isEqualTo("Администраторы");
        assertThat(first.get("state").asText()).isEqualTo("UNKNOWN");
        assertThat(first.get("leadCount").asInt()).isEqualTo(1);
        assertThat(first.at("/leads/0/id").asLong()).isEqualTo(open);
        assertThat(first.at("/leads/0/pinned").asBoolean()).isTrue();
        assertThat(first.at("/leads/0/pipeline").asText()).isEqualTo("Продажи");
        assertThat(state.get("managers").get(1).get("leadCount").asInt()).isZero();
    }

    @Test
    void servesTheWatchPage() {
        ResponseEntity<String> redirect = signedIn().getForEntity("/sandbox", String.class);
        ResponseEntity<String> page = signedIn().getForEntity("/sandbox/index.html", String.class);

        assertThat(redirect.getStatusCode().is2xxSuccessful() || redirect.getStatusCode().is3xxRedirection())
                .isTrue();
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("sandbox CRM").contains("/sandbox/state");
    }

    /** The page and its simulation endpoints need a login (see SandboxSecurityIT); the API here needs none. */
    private TestRestTemplate signedIn() {
        return http.withBasicAuth("admin", "admin");
    }

    @Override
    public SandboxCrm crm() {
        return crm;
    }

    /**
     * The missed-call follow-up's CRM calls through ShiftRelay's amoCRM adapter, answered by the sandbox: the client
     * found by the number however the CRM wrote it, a call task on the deal keyed by its request id, a repeat as a
     * note and a line of the task, the task given to another and completed with its result.
     */
    @Autowired
    private SandboxClients clients;

    @Test
    void theAdapterFindsAClientByPhoneAndKeepsItsCallbackTaskAndNotes() {
        long olga = clients.createContact("Ольга Клиентова", "79161234567", anna);
        long deal = crm.createLead("Лечение", anna, 7001, 70011, false);
        clients.link(deal, olga);
        clients.createContact("Другой клиент", "79035550000", boris);

        assertThat(gateway.clientsByPhone("79161234567")).containsExactly(
                new com.shiftrelay.crm.CrmClient(olga, "Ольга Клиентова", anna, List.of(deal)));
        assertThat(gateway.clientsByPhone("79990000000")).isEmpty();

        Instant due = Instant.parse("2026-12-03T12:02:00Z");
        long task = gateway.createTask(new com.shiftrelay.crm.CrmTaskRequest(deal, olga, anna, "Пропущенный звонок",
                "Перезвонить +79161234567", due, "missed-call:1"));
        gateway.commentOnTask(task, deal, "Пропущенный звонок\nПерезвонить +79161234567", "Повторный звонок в 14:40");
        gateway.reassignTask(task, boris);
        gateway.completeTask(task, "Перезвонили в 14:52, разговор 3 мин 10 с");
        gateway.addDealNote(deal, "Перезвонили клиенту");

        SandboxClients.Task kept = clients.task(task).orElseThrow();
        assertThat(kept.leadId()).isEqualTo(deal);
        assertThat(kept.requestId()).isEqualTo("missed-call:1");
        assertThat(kept.completeTill()).isEqualTo(due);
        assertThat(kept.text()).endsWith("Перезвонить +79161234567\nПовторный звонок в 14:40");
        assertThat(kept.responsibleId()).isEqualTo(boris);
        assertThat(kept.completed()).isTrue();
        assertThat(kept.result()).isEqualTo("Перезвонили в 14:52, разговор 3 мин 10 с");
        assertThat(clients.notes(deal)).extracting(SandboxClients.Note::text)
                .containsExactly("Повторный звонок в 14:40", "Перезвонили клиенту");
    }

    @Override
    public CrmGateway gateway() {
        return gateway;
    }

    private List<Long> leadIds(String url) throws Exception {
        ResponseEntity<String> response = get(url);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Long> ids = new ArrayList<>();
        json.readTree(response.getBody()).at("/_embedded/leads").forEach(lead -> ids.add(lead.get("id").asLong()));
        return ids;
    }

    private ResponseEntity<String> get(String url) {
        return http.exchange(url, HttpMethod.GET, withToken("sandbox-token"), String.class);
    }

    private ResponseEntity<String> patch(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth("sandbox-token");
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(API + "/leads", HttpMethod.PATCH, new HttpEntity<>(body, headers), String.class);
    }

    private static HttpEntity<Void> withToken(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return new HttpEntity<>(headers);
    }
}
