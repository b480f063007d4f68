package com.shiftrelay.crm.amocrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The defaults that size requests and the time a call may take; the engine reads the latter at start. */
class AmoCrmPropertiesTest {

    @Test
    void readsAFullPageOfIdsAndGivesACallThirtySecondsByDefault() {
        AmoCrmProperties defaults = properties(null, null);

        assertThat(defaults.idsPerRequest()).isEqualTo(250);
        assertThat(defaults.callTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThatThrownBy(() -> properties(0, null)).hasMessageContaining("ids-per-request");
        assertThatThrownBy(() -> properties(null, Duration.ZERO)).hasMessageContaining("call-timeout");
    }

    private static AmoCrmProperties properties(Integer idsPerRequest, Duration callTimeout) {
        return new AmoCrmProperties(null, null, null, null, null, null, null, idsPerRequest, callTimeout);
    }
}
