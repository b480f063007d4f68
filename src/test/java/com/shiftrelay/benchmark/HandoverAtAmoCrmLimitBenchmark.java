package com.shiftrelay.benchmark;

import com.shiftrelay.support.IntegrationTestProfiles;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** 10,000 deals at amoCRM's 7 requests a second: the floor is about 34 s. Run with -Pbenchmark. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shiftrelay.sandbox.seed-demo-data=false",
        "shiftrelay.presence.inactivity-interval=PT1H",
        "shiftrelay.sandbox.requests-per-second=7",
        "shiftrelay.crm.amocrm.requests-per-second=7"})
@ActiveProfiles(resolver = IntegrationTestProfiles.class)
class HandoverAtAmoCrmLimitBenchmark extends HandoverThroughput {

    @Override
    int crmRequestsPerSecond() {
        return 7;
    }

    @Test
    void handOverTenThousandDeals() {
        measure("at 7 requests/s");
    }
}
