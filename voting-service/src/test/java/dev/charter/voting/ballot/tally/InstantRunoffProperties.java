package dev.charter.voting.ballot.tally;

import dev.charter.contracts.voting.OptionCount;
import dev.charter.contracts.voting.Round;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of instant-runoff that really hold (R13), over random elections. */
class InstantRunoffProperties {

    record Election(List<String> options, List<List<String>> ballots, long seed) {
    }

    @Property
    @Label("R13: the result is deterministic for a given seed, whatever order the ballots come in")
    void deterministicForASeed(@ForAll("elections") Election election, @ForAll long shuffle) {
        InstantRunoff.Result once = count(election);
        List<List<String>> shuffled = new ArrayList<>(election.ballots());
        Collections.shuffle(shuffled, new Random(shuffle));
        assertThat(count(election)).isEqualTo(once);
        assertThat(InstantRunoff.count(election.options(), shuffled, TieBreak.seeded(election.seed(), election.options())))
                .isEqualTo(once);
    }

    @Property
    @Label("R13: an option with a majority of first preferences wins in the first round")
    void firstRoundMajorityWins(@ForAll("elections") Election election) {
        long ranked = election.ballots().stream().filter(b -> !b.isEmpty()).count();
        for (String option : election.options()) {
            long first = election.ballots().stream().filter(b -> !b.isEmpty() && b.get(0).equals(option)).count();
            if (2 * first > ranked) {
                InstantRunoff.Result result = count(election);
                assertThat(result.winner()).isEqualTo(option);
                assertThat(result.rounds()).hasSize(1);
            }
        }
    }

    @Property
    @Label("R13: the eliminated option had the fewest continuing votes of its round; a tie is marked as broken")
    void eliminatedHadTheFewest(@ForAll("elections") Election election) {
        for (Round round : count(election).rounds()) {
            if (round.eliminated() == null) {
                continue;
            }
            int fewest = round.counts().stream().mapToInt(OptionCount::votes).min().orElseThrow();
            int eliminated = round.counts().stream().filter(c -> c.option().equals(round.eliminated()))
                    .mapToInt(OptionCount::votes).findFirst().orElseThrow();
            long tied = round.counts().stream().filter(c -> c.votes() == fewest).count();
            assertThat(eliminated).isEqualTo(fewest);
            assertThat(round.tieBroken()).isEqualTo(tied > 1);
        }
    }

    @Property
    @Label("R13: continuing ballots never increase; continuing and exhausted ballots add up to the ranked ballots")
    void continuingBallotsNeverIncrease(@ForAll("elections") Election election) {
        long ranked = election.ballots().stream().filter(b -> !b.isEmpty()).count();
        int previous = Integer.MAX_VALUE;
        for (Round round : count(election).rounds()) {
            int continuing = round.counts().stream().mapToInt(OptionCount::votes).sum();
            assertThat(continuing).isLessThanOrEqualTo(previous);
            assertThat(continuing + round.exhausted()).isEqualTo((int) ranked);
            previous = continuing;
        }
    }

    @Property
    @Label("R13: the winner holds more than half of the continuing ballots of the last round; only the last round has no elimination")
    void winnerHasAMajorityOfTheLastRound(@ForAll("elections") Election election) {
        InstantRunoff.Result result = count(election);
        List<Round> rounds = result.rounds();
        Round last = rounds.get(rounds.size() - 1);
        assertThat(last.eliminated()).isNull();
        rounds.subList(0, rounds.size() - 1).forEach(r -> assertThat(r.eliminated()).isNotNull());
        int continuing = last.counts().stream().mapToInt(OptionCount::votes).sum();
        if (result.winner() != null) {
            int winner = last.counts().stream().filter(c -> c.option().equals(result.winner()))
                    .mapToInt(OptionCount::votes).findFirst().orElseThrow();
            assertThat(2 * winner).isGreaterThan(continuing);
        } else {
            assertThat(continuing).isZero();
        }
    }

    private static InstantRunoff.Result count(Election election) {
        return InstantRunoff.count(election.options(), election.ballots(),
                TieBreak.seeded(election.seed(), election.options()));
    }

    @Provide
    Arbitrary<Election> elections() {
        return Arbitraries.integers().between(2, 6).flatMap(n -> {
            List<String> options = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                options.add("option-" + i);
            }
            Arbitrary<List<String>> ranking = Arbitraries.shuffle(options)
                    .flatMap(order -> Arbitraries.integers().between(0, n).map(k -> List.copyOf(order.subList(0, k))));
            return Combinators.combine(ranking.list().ofMinSize(0).ofMaxSize(40), Arbitraries.longs())
                    .as((ballots, seed) -> new Election(List.copyOf(options), ballots, seed));
        });
    }
}
