package com.shiftrelay.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CallTimeoutsTest {

    @Test
    void aRequestThatFitsKeepsItsOwnTimeouts() {
        assertThat(CallTimeouts.within(30_000, 5_000, 20_000)).isEmpty();
        assertThat(CallTimeouts.within(25_000, 5_000, 20_000)).isEmpty();
    }

    @Test
    void aRequestNearTheEndOfItsCallSharesWhatIsLeftInProportionAndNeverGetsZero() {
        assertThat(CallTimeouts.within(10_000, 5_000, 20_000)).contains(new CallTimeouts(2_000, 8_000));
        assertThat(CallTimeouts.within(1, 5_000, 20_000)).contains(new CallTimeouts(1, 1));
        assertThatThrownBy(() -> CallTimeouts.within(0, 5_000, 20_000)).isInstanceOf(IllegalArgumentException.class);
    }
}
