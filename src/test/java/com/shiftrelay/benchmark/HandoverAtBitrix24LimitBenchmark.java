package com.shiftrelay.benchmark;

import com.shiftrelay.support.IntegrationTestProfiles;
import com.shiftrelay.support.OnSandboxBitrix24;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * 10,000 deals on the sandbox speaking Bitrix24, behind a portal's leaky bucket (2 requests a second, a burst of 50):
 * a first page and 4 batches of 50 chained pages read them, 200 batches of 50 moves write them: 205 requests, a floor
 * of 77.5 s. Run with -Pbenchmark.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shiftrelay.sandbox.seed-demo-data=false",
        "shiftrelay.presence.inactivity-interval=PT1H",
        "shiftrelay.sandbox.bitrix24.requests-per-second=2",
        "shiftrelay.sandbox.bitrix24.burst=50",
        "shiftrelay.crm.bitrix24.requests-per-second=2",
        "shiftrelay.crm.bitrix24.burst=50"})
@ActiveProfiles(resolver = IntegrationTestProfiles.class)
@OnSandboxBitrix24
class HandoverAtBitrix24LimitBenchmark extends Bitrix24HandoverThroughput {

    @Override
    int crmRequestsPerSecond() {
        return 2;
    }

    @Override
    int crmBurst() {
        return 50;
    }

    @Test
    void handOverTenThousandDeals() {
        measure("on Bitrix24 at 2 requests/s, burst 50");
    }
}
