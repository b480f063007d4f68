package com.shiftrelay.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shiftrelay.crm.CrmGateway;
import com.shiftrelay.support.IntegrationTestProfiles;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** The sandbox set to apply the valid part of a batch it refuses, as some CRMs do. */
@ActiveProfiles(resolver = IntegrationTestProfiles.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shiftrelay.sandbox.partial-batches=true",
        "shiftrelay.sandbox.seed-demo-data=false",
        "shiftrelay.sandbox.requests-per-second=10000",
        "camunda.bpm.job-execution.enabled=false"})
class SandboxPartialBatchesIT implements LockedLeadInABatchContract {

    @Autowired
    private SandboxCrm crm;
    @Autowired
    private CrmGateway gateway;
    @Autowired
    private TestRestTemplate http;
    @Autowired
    private ObjectMapper json;

    @Override
    public SandboxCrm crm() {
        return crm;
    }

    @Override
    public CrmGateway gateway() {
        return gateway;
    }

    @Test
    void patchAppliesTheValidItemsAndStillNamesTheRefusedOne() throws Exception {
        crm.reset();
        long anna = crm.createUser("Анна Смирнова", "anna@demo.shiftrelay.local", null);
        long boris = crm.createUser("Борис Иванов", "boris@demo.shiftrelay.local", null);
        long open = crm.createLead("A1", anna, 7001, 70011, false);
        long locked = crm.createLead("A2", anna, 7001, 70011, false);
        crm.setLeadLocked(locked, true);
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth("sandbox-token");
        headers.setContentType(MediaType.APPLICATION_JSON);

        ResponseEntity<String> response = http.exchange("/sandbox/amocrm/api/v4/leads", HttpMethod.PATCH,
                new HttpEntity<>(List.of(Map.of("id", locked, "responsible_user_id", boris),
                        Map.of("id", open, "responsible_user_id", boris)), headers), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode errors = json.readTree(response.getBody()).get("validation-errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("request_id").asText()).isEqualTo("0");
        assertThat(errors.get(0).at("/errors/0/code").asText()).isEqualTo("FieldNotEditable");
        assertThat(crm.lead(open).responsibleId()).isEqualTo(boris);
        assertThat(crm.lead(locked).responsibleId()).isEqualTo(anna);
    }
}
