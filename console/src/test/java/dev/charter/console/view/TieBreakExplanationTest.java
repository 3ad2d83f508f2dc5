package dev.charter.console.view;

import dev.charter.voting.ballot.tally.TieBreak;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class TieBreakExplanationTest {

    @Test
    @DisplayName("R13: the permutation orders the options by the SHA-256 of \"<seed>:<option>\", as a reader recomputes it")
    void permutationByHash() {
        // printf '42:A' | sha256sum → 0950…, '42:B' → 41b6…, '42:C' → 6564…
        List<TieBreakExplanation.Position> permutation = TieBreakExplanation.permutation(42, List.of("C", "B", "A"));

        assertThat(permutation).extracting(TieBreakExplanation.Position::option).containsExactly("A", "B", "C");
        assertThat(permutation.get(0).hash())
                .isEqualTo("09506019f985d6c6905c19b240384b46cce778dca0d6923df391e13bbc0b4675");
        assertThat(permutation).extracting(TieBreakExplanation.Position::position).containsExactly(1, 2, 3);
    }

    @Test
    @DisplayName("R13: the console's permutation is voting-service's, for any seed and options")
    void sameAsVotingService() {
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            long seed = random.nextLong();
            List<String> options = new ArrayList<>();
            int count = 2 + random.nextInt(8);
            for (int o = 0; o < count; o++) {
                options.add("option " + random.nextInt(1000) + (random.nextBoolean() ? " é" : ""));
            }
            List<String> distinct = options.stream().distinct().toList();
            assertThat(TieBreakExplanation.permutation(seed, distinct))
                    .extracting(TieBreakExplanation.Position::option)
                    .containsExactlyElementsOf(TieBreak.seeded(seed, distinct).permutation());
        }
    }

    @Test
    @DisplayName("R13: a tie-broken round names the tied options and the first of them in the permutation")
    void explainsTies() {
        List<Count.Round> rounds = List.of(
                new Count.Round(1, List.of(new Count.OptionVotes("A", 2), new Count.OptionVotes("B", 1),
                        new Count.OptionVotes("C", 1)), "B", true, 0),
                new Count.Round(2, List.of(new Count.OptionVotes("A", 3), new Count.OptionVotes("C", 1)), null, false, 0));

        TieBreakExplanation explanation = TieBreakExplanation.of(42, List.of("A", "B", "C"), rounds);

        assertThat(explanation.ties()).containsExactly(
                new TieBreakExplanation.Tie(1, List.of("B", "C"), 1, "B", "B", true));
        assertThat(explanation.hashed("B")).isEqualTo("42:B");
    }

    @Test
    @DisplayName("a published elimination the permutation does not give is shown as differing")
    void flagsDisagreement() {
        List<Count.Round> rounds = List.of(new Count.Round(1, List.of(new Count.OptionVotes("A", 2),
                new Count.OptionVotes("B", 1), new Count.OptionVotes("C", 1)), "C", true, 0));

        TieBreakExplanation.Tie tie = TieBreakExplanation.of(42, List.of("A", "B", "C"), rounds).ties().get(0);

        assertThat(tie.expected()).isEqualTo("B");
        assertThat(tie.agrees()).isFalse();
    }
}
