package com.shiftrelay.distribution;

import static com.shiftrelay.distribution.Strategy.LEAST_LOADED;
import static com.shiftrelay.distribution.Strategy.ROUND_ROBIN;
import static com.shiftrelay.distribution.Strategy.WEIGHTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AssignmentPlannerTest {

    @Test
    void strategyNamesAreReadWhateverTheirCase() {
        assertThat(Strategy.parse("least_loaded")).isEqualTo(LEAST_LOADED);
        assertThat(Strategy.parse("Round_Robin")).isEqualTo(ROUND_ROBIN);
        assertThat(Strategy.parse(" WEIGHTED ")).isEqualTo(WEIGHTED);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "fair", "round-robin"})
    void anUnknownOrBlankStrategyNameIsAnsweredWithTheAllowedOnes(String name) {
        assertThatThrownBy(() -> Strategy.parse(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LEAST_LOADED, ROUND_ROBIN, WEIGHTED");
    }
}
