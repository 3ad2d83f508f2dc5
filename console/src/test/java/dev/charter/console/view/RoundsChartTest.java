package dev.charter.console.view;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RoundsChartTest {

    private final List<Count.Round> rounds = List.of(
            new Count.Round(1, List.of(new Count.OptionVotes("Monthly", 2), new Count.OptionVotes("Quarterly", 1),
                    new Count.OptionVotes("Continuous", 1)), "Quarterly", true, 0),
            new Count.Round(2, List.of(new Count.OptionVotes("Monthly", 3), new Count.OptionVotes("Continuous", 1)),
                    null, false, 0));

    @Test
    @DisplayName("every round is drawn on one scale, the eliminated option and the winner marked")
    void ranked() {
        RoundsChart chart = RoundsChart.of(rounds, true, "Monthly");

        assertThat(chart.rounds()).hasSize(2);
        RoundsChart.RoundView first = chart.rounds().get(0);
        RoundsChart.RoundView last = chart.rounds().get(1);
        assertThat(first.bars()).extracting(RoundsChart.BarView::kind)
                .containsExactly("continuing", "eliminated", "continuing");
        assertThat(last.bars()).extracting(RoundsChart.BarView::kind).containsExactly("winner", "continuing");
        double perVote = last.bars().get(1).width();
        assertThat(first.bars().get(0).width()).isCloseTo(2 * perVote, within(0.001));
        assertThat(last.bars().get(0).width()).isCloseTo(3 * perVote, within(0.001));
        // a winner needs more than half of the continuing ballots: the line is at 2 of 4
        assertThat(first.halfX()).isCloseTo(RoundsChart.LABEL + 2 * perVote, within(0.001));
        assertThat(first.description()).contains("Eliminated: Quarterly (tie broken by the seeded permutation)")
                .contains("Exhausted ballots: 0");
        assertThat(last.description()).contains("Elected: Monthly");
        assertThat(first.votes("Quarterly")).isEqualTo(1);
        assertThat(last.votes("Quarterly")).isNull();
    }

    @Test
    @DisplayName("a yes/no tally is one round of YES, NO and ABSTAIN, without a half line")
    void yesNo() {
        RoundsChart chart = RoundsChart.of(List.of(new Count.Round(1, List.of(new Count.OptionVotes("YES", 2),
                new Count.OptionVotes("NO", 0), new Count.OptionVotes("ABSTAIN", 1)), null, false, 0)), false, null);

        RoundsChart.RoundView round = chart.rounds().get(0);
        assertThat(round.bars()).extracting(RoundsChart.BarView::kind).containsExactly("yes", "no", "abstain");
        assertThat(round.bars().get(1).width()).isZero();
        assertThat(round.halfX()).isNull();
    }

    @Test
    @DisplayName("a long option is shortened in the chart and whole in its title")
    void longOption() {
        String option = "A very long option name that does not fit";
        RoundsChart chart = RoundsChart.of(List.of(new Count.Round(1, List.of(new Count.OptionVotes(option, 1)),
                null, false, 0)), true, option);

        RoundsChart.BarView bar = chart.rounds().get(0).bars().get(0);
        assertThat(bar.label()).hasSize(RoundsChart.LABEL_CHARS).endsWith("…");
        assertThat(bar.option()).isEqualTo(option);
    }
}
