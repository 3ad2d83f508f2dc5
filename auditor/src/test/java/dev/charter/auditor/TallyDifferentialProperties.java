package dev.charter.auditor;

import dev.charter.auditor.tally.Count;
import dev.charter.contracts.voting.Choice;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.ThresholdBase;
import dev.charter.voting.ballot.tally.Counted;
import dev.charter.voting.ballot.tally.CountedVote;
import dev.charter.voting.ballot.tally.CountingRule;
import dev.charter.voting.ballot.tally.Tallies;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential test (issue 10): voting-service's counting and the auditor's own, written apart, agree on generated
 * ballots — outcome and every field of the tally, every round of instant-runoff with its seeded tie-breaks.
 */
class TallyDifferentialProperties {

    record Ballot(DecisionMethod method, Double threshold, ThresholdBase base, Double quorum, List<String> options,
                  int electorate, int recused, List<Count.Vote> votes, long seed) {
    }

    @Property(tries = 2000)
    void bothCountsAgree(@ForAll("ballots") Ballot ballot) {
        Counted voting = Tallies.count(new CountingRule(ballot.method(), ballot.threshold(), ballot.base(),
                        ballot.quorum(), ballot.options()), ballot.electorate(), ballot.recused(),
                ballot.votes().stream().map(v -> new CountedVote(v.choice(), v.ranking())).toList(), ballot.seed());
        Count.Result auditor = Count.of(new Count.Rule(ballot.method(), ballot.threshold(), ballot.base(),
                ballot.quorum(), ballot.options()), ballot.electorate(), ballot.recused(), ballot.votes(), ballot.seed());
        assertThat(auditor.outcome()).isEqualTo(voting.outcome());
        assertThat(auditor.tally()).isEqualTo(voting.tally());
    }

    @Provide
    Arbitrary<Ballot> ballots() {
        Arbitrary<DecisionMethod> methods = Arbitraries.of(DecisionMethod.class);
        // voting accepts a super-majority threshold in (0.5, 1] (DecisionRule.isSupermajorityThreshold)
        Arbitrary<Double> thresholds = Arbitraries.of(Math.nextUp(0.5), 0.6, 2.0 / 3, 0.75, 0.8, 1.0);
        Arbitrary<ThresholdBase> bases = Arbitraries.of(ThresholdBase.class).injectNull(0.2);
        Arbitrary<Double> quorums = Arbitraries.of(0.25, 0.5, 0.75, 1.0).injectNull(0.5);
        Arbitrary<Integer> electorates = Arbitraries.integers().between(1, 12);
        Arbitrary<Long> seeds = Arbitraries.longs();
        return Combinators.combine(methods, thresholds, bases, quorums, electorates, seeds,
                        Arbitraries.integers().between(0, 3), Arbitraries.longs())
                .as((method, threshold, base, quorum, electorate, seed, recused, shape) -> ballot(method, threshold,
                        base, quorum, electorate, recused, seed, new Random(shape)));
    }

    private static Ballot ballot(DecisionMethod method, double threshold, ThresholdBase base, Double quorum,
                                 int electorate, int recused, long seed, Random random) {
        List<String> options = method == DecisionMethod.RANKED_CHOICE
                ? List.of("ada", "grace", "linus", "alan", "barbara").subList(0, 2 + random.nextInt(4)) : List.of();
        if (method == DecisionMethod.SOLE_DECIDER) {
            electorate = 1;
        }
        int voters = random.nextInt(electorate + 1);
        List<Count.Vote> votes = new ArrayList<>();
        for (int i = 0; i < voters; i++) {
            if (method == DecisionMethod.RANKED_CHOICE) {
                List<String> ranking = new ArrayList<>(options);
                Collections.shuffle(ranking, random);
                votes.add(new Count.Vote(null, ranking.subList(0, random.nextInt(ranking.size() + 1))));
            } else {
                Choice[] choices = method == DecisionMethod.SOLE_DECIDER ? new Choice[]{Choice.YES, Choice.NO}
                        : Choice.values();
                votes.add(new Count.Vote(choices[random.nextInt(choices.length)], null));
            }
        }
        boolean superMajority = method == DecisionMethod.SUPERMAJORITY;
        return new Ballot(method, superMajority ? threshold : null, superMajority ? base : null, quorum, options,
                electorate, recused, votes, seed);
    }
}
