package com.shiftrelay.crm.amocrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import feign.Request;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How one amoCRM call is made: the timeouts its requests carry. */
class AmoCrmCallsTest {

    private final AmoCrmCalls calls = new AmoCrmCalls(mock(AmoCrmAuthorization.class),
            new AmoCrmProperties(null, null, null, null, null, null, null, null),
            AmoCrmClientConfiguration.TIMEOUTS, Duration.ofMillis(100));

    @Test
    void sendsEachRequestWithFiveSecondsToConnectAndTenToAnswer() {
        Request.Options sent = calls.call(options -> options);

        assertThat(sent.connectTimeoutMillis()).isEqualTo(5_000);
        assertThat(sent.readTimeoutMillis()).isEqualTo(10_000);
    }
}
