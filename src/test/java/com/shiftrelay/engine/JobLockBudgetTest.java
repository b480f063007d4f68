package com.shiftrelay.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobLockBudgetTest {

    @Test
    void theShippedSettingsLeaveABatchJobWellInsideItsLock() {
        assertThatCode(() -> JobLockBudget.check(Duration.ofMinutes(5), JobLockBudget.DEFAULT_CALL_TIMEOUT,
                JobLockBudget.callTimeoutProperty("sandbox", "amocrm")))
                .doesNotThrowAnyException();
    }

    @Test
    void aLockShorterThanTwiceTheLongestBatchRefusesToStartAndSaysWhichSettings() {
        assertThatThrownBy(() -> JobLockBudget.check(Duration.ofMinutes(3), Duration.ofSeconds(30),
                JobLockBudget.callTimeoutProperty("amocrm", "amocrm")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lock-time-in-millis (180000)")
                .hasMessageContaining("120000 ms")
                .hasMessageContaining("shiftrelay.crm.amocrm.call-timeout");
    }

    @Test
    void onBitrix24TheBitrix24CallTimeoutIsTheOneThatCounts() {
        assertThatThrownBy(() -> JobLockBudget.check(Duration.ofMinutes(3), Duration.ofSeconds(30),
                JobLockBudget.callTimeoutProperty("BITRIX24", "amocrm")))
                .hasMessageContaining("shiftrelay.crm.bitrix24.call-timeout");
    }

    @Test
    void theSandboxSpeakingBitrix24IsServedByTheBitrix24AdapterAndItsTimeout() {
        assertThat(JobLockBudget.callTimeoutProperty("sandbox", "bitrix24")).isEqualTo("shiftrelay.crm.bitrix24.call-timeout");
        assertThat(JobLockBudget.callTimeoutProperty("amocrm", "bitrix24")).isEqualTo("shiftrelay.crm.amocrm.call-timeout");
    }
}
