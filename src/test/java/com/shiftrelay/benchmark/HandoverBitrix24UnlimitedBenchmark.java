package com.shiftrelay.benchmark;

import com.shiftrelay.support.IntegrationTestProfiles;
import com.shiftrelay.support.OnSandboxBitrix24;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * 10,000 deals on the sandbox speaking Bitrix24 with the portal's bucket lifted: what ShiftRelay and the Bitrix24
 * adapter themselves cost (50 deals a page, batches of 50 commands). Run with -Pbenchmark.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shiftrelay.sandbox.seed-demo-data=false",
        "shiftrelay.presence.inactivity-interval=PT1H",
        "shiftrelay.sandbox.bitrix24.requests-per-second=100000",
        "shiftrelay.sandbox.bitrix24.burst=100000",
        "shiftrelay.crm.bitrix24.requests-per-second=100000",
        "shiftrelay.crm.bitrix24.burst=100000"})
@ActiveProfiles(resolver = IntegrationTestProfiles.class)
@OnSandboxBitrix24
class HandoverBitrix24UnlimitedBenchmark extends Bitrix24HandoverThroughput {

    @Override
    int crmRequestsPerSecond() {
        return 0;
    }

    @Test
    void handOverTenThousandDeals() {
        measure("on Bitrix24 with no rate limit");
    }
}
