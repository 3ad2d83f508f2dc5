package dev.charter.voting.ballot.tally;

import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.ThresholdBase;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** DESIGN §1: thresholds are "at least", yes ≥ ceil(threshold × base), in exact arithmetic. */
class ThresholdsTest {

    @ParameterizedTest(name = "{0} of {1} needs {2}")
    @DisplayName("R12: a threshold of 74.9 %, 75 % or 75.1 % of 3, 4, 7 or 8 needs exactly ceil(threshold × base) yes")
    @CsvSource({
            "0.749, 3, 3", "0.75, 3, 3", "0.751, 3, 3",
            "0.749, 4, 3", "0.75, 4, 3", "0.751, 4, 4",
            "0.749, 7, 6", "0.75, 7, 6", "0.751, 7, 6",
            "0.749, 8, 6", "0.75, 8, 6", "0.751, 8, 7"})
    void boundaries(double threshold, int base, int required) {
        assertThat(Thresholds.atLeast(threshold, base)).isEqualTo(required);
        Supermajority seated = new Supermajority(threshold, ThresholdBase.SEATED);
        assertThat(seated.decide(base, new YesNo(required, base - required, 0))).isEqualTo(BallotOutcome.CARRIED);
        assertThat(seated.decide(base, new YesNo(required - 1, base - required + 1, 0))).isEqualTo(BallotOutcome.REJECTED);
    }

    @Property
    @Label("R12: the required count is the least whole number of yes at or above the threshold, decided in exact integers")
    void leastWholeNumberAtOrAboveTheThreshold(@ForAll @IntRange(min = 500, max = 1000) int permille,
                                               @ForAll @IntRange(min = 0, max = 500) int base) {
        double threshold = permille / 1000.0;
        int required = Thresholds.atLeast(threshold, base);
        // required × 1000 ≥ permille × base, and one less falls short: no floating point involved
        assertThat((long) required * 1000).isGreaterThanOrEqualTo((long) permille * base);
        if (required > 0) {
            assertThat((long) (required - 1) * 1000).isLessThan((long) permille * base);
        }
    }

    @Property
    @Label("R12: a super-majority of the seated body carries exactly when yes reaches the required count")
    void supermajorityCarriesAtTheRequiredCount(@ForAll @IntRange(min = 501, max = 1000) int permille,
                                               @ForAll @IntRange(min = 1, max = 60) int seated,
                                               @ForAll @IntRange(min = 0, max = 60) int yes) {
        int cappedYes = Math.min(yes, seated);
        Supermajority rule = new Supermajority(permille / 1000.0, ThresholdBase.SEATED);
        YesNo votes = new YesNo(cappedYes, seated - cappedYes, 0);
        boolean carries = (long) cappedYes * 1000 >= (long) permille * seated && cappedYes >= 1;
        assertThat(rule.decide(seated, votes)).isEqualTo(carries ? BallotOutcome.CARRIED : BallotOutcome.REJECTED);
    }

    @Example
    @Label("0.75 × 4 is exactly 3, never 3.0000000000000004")
    void noFloatingPointDrift() {
        assertThat(Thresholds.atLeast(0.75, 4)).isEqualTo(3);
        assertThat(Thresholds.atLeast(0.7, 10)).isEqualTo(7);
        assertThat(Thresholds.atLeast(0.1 + 0.2, 10)).isEqualTo(4); // 0.30000000000000004 is above 0.3: as written
        assertThat(Thresholds.atLeast(2.0 / 3.0, 3)).isEqualTo(2);
    }
}
