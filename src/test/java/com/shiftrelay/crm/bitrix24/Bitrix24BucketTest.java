package com.shiftrelay.crm.bitrix24;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.shiftrelay.crm.bitrix24.Bitrix24Portal.deal;
import static com.shiftrelay.crm.bitrix24.Bitrix24Portal.list;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.shiftrelay.crm.CrmGateway;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The client never overflows the portal's bucket. The stub portal keeps the bucket as limits.md describes it: a
 * counter that each request raises by one and that drains at Y a second; once it exceeds X, requests get 503
 * {@code QUERY_LIMIT_EXCEEDED}. 500 requests from four threads through the adapter meet no 503 at all. The rate is
 * raised from the documented 2 to 40 a second (X stays 50) so the test takes seconds, not minutes; the arithmetic is
 * the same.
 */
@SpringBootTest(classes = Bitrix24GatewayContractTest.Context.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestPropertySource(properties = {
        "shiftrelay.crm.provider=bitrix24",
        "shiftrelay.crm.bitrix24.requests-per-second=" + Bitrix24BucketTest.DRAIN_PER_SECOND,
        "shiftrelay.crm.bitrix24.burst=" + Bitrix24BucketTest.THRESHOLD,
        "shiftrelay.crm.bitrix24.call-timeout=PT60S",
        "spring.datasource.url=jdbc:h2:mem:bitrix24-bucket-${random.uuid};DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE"
})
class Bitrix24BucketTest {

    static final int DRAIN_PER_SECOND = 40;
    static final int THRESHOLD = 50;
    static final String REST = "/rest/1/webhookcode";

    static final LeakyBucket bucket = new LeakyBucket(THRESHOLD, DRAIN_PER_SECOND);
    static final WireMockServer portal = new WireMockServer(options().dynamicPort().extensions(bucket)
            .containerThreads(20));

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

    @BeforeEach
    void portalAnswersEveryList() {
        portal.stubFor(post(urlEqualTo(REST + "/crm.deal.list.json"))
                .willReturn(list(List.of(deal(1, 5, 1, "P", "1", "0")), null, 0)));
    }

    @Test
    void fiveHundredRequestsFromFourThreadsMeetNo503() throws Exception {
        bucket.reset();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<?>> calls = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < 500; i++) {
            calls.add(threads.submit(() -> gateway.deals(List.of(1L))));
        }
        for (Future<?> call : calls) {
            call.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        threads.shutdown();

        assertThat(bucket.rejected()).as("503 answers").isZero();
        assertThat(bucket.accepted()).isEqualTo(500);
        // and it does not crawl: (500 - 50) / 40 = 11.25 s at the bucket's pace
        assertThat(seconds).isLessThan(25);
    }

    @Test
    void theStubPortalDoesOverflowForAClientWithoutTheBucket() throws Exception {
        bucket.reset();
        HttpClient http = HttpClient.newHttpClient();
        List<java.util.concurrent.CompletableFuture<HttpResponse<Void>>> sent = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            sent.add(http.sendAsync(HttpRequest.newBuilder(URI.create(portal.baseUrl() + REST + "/crm.deal.list.json"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding()));
        }
        sent.forEach(java.util.concurrent.CompletableFuture::join);

        assertThat(bucket.rejected()).isPositive();
    }

    /** limits.md's leaky bucket, as the portal keeps it. */
    static final class LeakyBucket implements ResponseDefinitionTransformerV2 {

        private final int threshold;
        private final double drainPerSecond;
        private final AtomicInteger accepted = new AtomicInteger();
        private final AtomicInteger rejected = new AtomicInteger();
        private double counter;
        private long last = System.nanoTime();

        LeakyBucket(int threshold, double drainPerSecond) {
            this.threshold = threshold;
            this.drainPerSecond = drainPerSecond;
        }

        synchronized void reset() {
            counter = 0;
            last = System.nanoTime();
            accepted.set(0);
            rejected.set(0);
        }

        int accepted() {
            return accepted.get();
        }

        int rejected() {
            return rejected.get();
        }

        @Override
        public synchronized ResponseDefinition transform(ServeEvent serveEvent) {
            long now = System.nanoTime();
            counter = Math.max(0, counter - (now - last) / 1e9 * drainPerSecond);
            last = now;
            if (counter > threshold) {
                rejected.incrementAndGet();
                return new ResponseDefinition(503, "{\"error\":\"QUERY_LIMIT_EXCEEDED\","
                        + "\"error_description\":\"Too many requests\"}");
            }
            counter += 1;
            accepted.incrementAndGet();
            return serveEvent.getResponseDefinition();
        }

        @Override
        public String getName() {
            return "leaky-bucket";
        }
    }
}
