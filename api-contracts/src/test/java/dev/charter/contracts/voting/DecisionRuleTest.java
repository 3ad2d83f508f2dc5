package dev.charter.contracts.voting;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The one definition of a super-majority's threshold, which the registry and voting-service both check. */
class DecisionRuleTest {

    @ParameterizedTest(name = "{0}: {1}")
    @DisplayName("R4, R12: a super-majority's threshold is above one half and at most the whole: 0.5 < threshold <= 1")
    @CsvSource({"0.0, false", "0.5, false", "0.5000001, true", "0.75, true", "1.0, true", "1.0000001, false",
            "NaN, false"})
    void supermajorityThresholdBoundaries(double threshold, boolean valid) {
        assertThat(DecisionRule.isSupermajorityThreshold(threshold)).isEqualTo(valid);
    }

    @Test
    @DisplayName("R4: a super-majority without a threshold is none")
    void noThreshold() {
        assertThat(DecisionRule.isSupermajorityThreshold(null)).isFalse();
    }
}
