package com.shiftrelay.benchmark;

import com.shiftrelay.support.IntegrationTestProfiles;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** 10,000 deals with the CRM's rate limit lifted: what ShiftRelay itself costs. Run with -Pbenchmark. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shiftrelay.sandbox.seed-demo-data=false",
        "shiftrelay.presence.inactivity-interval=PT1H",
        "shiftrelay.sandbox.requests-per-second=100000",
        "shiftrelay.crm.amocrm.requests-per-second=100000"})
@ActiveProfiles(resolver = IntegrationTestProfiles.class)
class HandoverUnlimitedBenchmark extends HandoverThroughput {

    @Override
    int crmRequestsPerSecond() {
        return 0;
    }

    @Test
    void handOverTenThousandDeals() {
        measure("with no rate limit");
    }
}
