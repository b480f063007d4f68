package com.shiftrelay.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import com.shiftrelay.support.IntegrationTestProfiles;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/** The sandbox's API, like amoCRM, answers at most 7 requests a second and refuses the rest with 429. */
@ActiveProfiles(resolver = IntegrationTestProfiles.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shiftrelay.sandbox.seed-demo-data=false",
        "camunda.bpm.job-execution.enabled=false"})
class SandboxApiRateLimitIT {

    @LocalServerPort
    private int port;

    @Test
    void refusesRequestsBeyondSevenASecond() {
        // A client that sends each request once: Apache HttpClient, which TestRestTemplate prefers when it is on the
        // classpath (the amoCRM adapter brings it), repeats a GET answered 429 after its Retry-After by itself.
        TestRestTemplate http = new TestRestTemplate(new RestTemplateBuilder()
                .requestFactory(JdkClientHttpRequestFactory.class)
                .rootUri("http://localhost:" + port));
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth("sandbox-token");
        List<HttpStatusCode> statuses = new ArrayList<>();

        // Nothing else calls the API in this context, so the first seven fall in one fresh second's budget;
        // twenty local requests take far less than the two seconds that would refill it twice.
        for (int i = 0; i < 20; i++) {
            statuses.add(http.exchange("/sandbox/amocrm/api/v4/account", HttpMethod.GET, new HttpEntity<>(headers),
                    String.class).getStatusCode());
        }

        assertThat(statuses.subList(0, 7)).allMatch(HttpStatusCode::is2xxSuccessful);
        assertThat(statuses).anyMatch(status -> status.value() == 429);
    }
}
