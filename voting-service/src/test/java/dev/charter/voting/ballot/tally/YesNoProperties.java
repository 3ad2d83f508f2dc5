package dev.charter.voting.ballot.tally;

import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.Choice;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.ThresholdBase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The yes/no methods and early closing, over random ballots (R4, R8, R12). */
class YesNoProperties {

    record Case(CountingRule rule, int electorate, List<CountedVote> votes) {
    }

    @Property
    @Label("R4: MAJORITY carries exactly when yes outnumber no, ties on equal counts; abstentions only make the quorum")
    void majority(@ForAll @IntRange(max = 30) int yes, @ForAll @IntRange(max = 30) int no,
                  @ForAll @IntRange(max = 30) int abstain) {
        CountingRule rule = new CountingRule(DecisionMethod.MAJORITY, null, null, null, List.of());
        int electorate = yes + no + abstain + 1;
        BallotOutcome outcome = Tallies.count(rule, electorate, 0, votes(yes, no, abstain), 1).outcome();
        BallotOutcome expected = yes + no + abstain == 0 ? BallotOutcome.NO_QUORUM
                : yes > no ? BallotOutcome.CARRIED : yes < no ? BallotOutcome.REJECTED : BallotOutcome.TIED;
        assertThat(outcome).isEqualTo(expected);
    }

    @Property
    @Label("R4: a quorum counts everyone who took part, abstentions included, against ceil(quorum × electorate)")
    void quorum(@ForAll @IntRange(max = 20) int yes, @ForAll @IntRange(max = 20) int abstain,
                @ForAll @IntRange(min = 0, max = 100) int percent, @ForAll @IntRange(max = 20) int absent) {
        CountingRule rule = new CountingRule(DecisionMethod.MAJORITY, null, null, percent / 100.0, List.of());
        int electorate = yes + abstain + absent;
        var tally = Tallies.count(rule, electorate, 0, votes(yes, 0, abstain), 1).tally();
        boolean met = yes + abstain > 0 && (long) (yes + abstain) * 100 >= (long) percent * electorate;
        assertThat(tally.quorumMet()).isEqualTo(met);
    }

    @Property
    @Label("UNANIMOUS carries only when every member of the electorate voted yes")
    void unanimous(@ForAll @IntRange(max = 12) int yes, @ForAll @IntRange(max = 3) int no,
                   @ForAll @IntRange(max = 3) int abstain, @ForAll @IntRange(max = 3) int absent) {
        CountingRule rule = new CountingRule(DecisionMethod.UNANIMOUS, null, null, null, List.of());
        int electorate = yes + no + abstain + absent;
        BallotOutcome outcome = Tallies.count(rule, electorate, 0, votes(yes, no, abstain), 1).outcome();
        if (yes + no + abstain == 0) {
            assertThat(outcome).isEqualTo(BallotOutcome.NO_QUORUM);
        } else {
            assertThat(outcome).isEqualTo(yes == electorate ? BallotOutcome.CARRIED : BallotOutcome.REJECTED);
        }
    }

    @Property
    @Label("R12: with the VOTES_CAST base, abstentions are out of the base; with SEATED, every member of the electorate is in it")
    void supermajorityBases(@ForAll @IntRange(min = 1, max = 20) int yes, @ForAll @IntRange(max = 20) int no,
                            @ForAll @IntRange(max = 20) int abstain) {
        int electorate = yes + no + abstain;
        CountingRule cast = new CountingRule(DecisionMethod.SUPERMAJORITY, 0.75, ThresholdBase.VOTES_CAST, null, List.of());
        CountingRule seated = new CountingRule(DecisionMethod.SUPERMAJORITY, 0.75, ThresholdBase.SEATED, null, List.of());
        assertThat(Tallies.count(cast, electorate, 0, votes(yes, no, abstain), 1).tally().required())
                .isEqualTo(Thresholds.atLeast(0.75, yes + no));
        assertThat(Tallies.count(seated, electorate, 0, votes(yes, no, abstain), 1).tally().required())
                .isEqualTo(Thresholds.atLeast(0.75, electorate));
    }

    @Property
    @Label("R8: the lead deciding alone: yes carries, no rejects, no vote is NO_QUORUM")
    void soleDecider(@ForAll Choice choice, @ForAll boolean voted) {
        CountingRule rule = new CountingRule(DecisionMethod.SOLE_DECIDER, null, null, null, List.of());
        List<CountedVote> votes = voted && choice != Choice.ABSTAIN ? List.of(CountedVote.of(choice)) : List.of();
        BallotOutcome expected = votes.isEmpty() ? BallotOutcome.NO_QUORUM
                : choice == Choice.YES ? BallotOutcome.CARRIED : BallotOutcome.REJECTED;
        assertThat(Tallies.count(rule, 1, 0, votes, 1).outcome()).isEqualTo(expected);
        assertThat(Settlement.settled(rule, 1, 0, votes, 1).isPresent()).isEqualTo(!votes.isEmpty());
    }

    @Property(tries = 500)
    @Label("a ballot settled early has the outcome every completion of its outstanding votes gives")
    void settledMeansNoOutstandingVoteCanChangeIt(@ForAll("cases") Case c, @ForAll long completionSeed) {
        Optional<Counted> settled = Settlement.settled(c.rule(), c.electorate(), 0, c.votes(), 9);
        if (settled.isEmpty()) {
            return;
        }
        Random random = new Random(completionSeed);
        for (int attempt = 0; attempt < 20; attempt++) {
            List<CountedVote> completed = new ArrayList<>(c.votes());
            for (int i = c.votes().size(); i < c.electorate(); i++) {
                int pick = random.nextInt(4);
                if (pick < 3) {
                    completed.add(CountedVote.of(Choice.values()[pick]));
                }
            }
            assertThat(Tallies.count(c.rule(), c.electorate(), 0, completed, 9).outcome())
                    .isEqualTo(settled.get().outcome());
        }
    }

    @Property(tries = 300)
    @Label("a ballot every member voted on is settled, with the outcome of its count")
    void everyoneVotedIsSettled(@ForAll("cases") Case c) {
        List<CountedVote> all = new ArrayList<>(c.votes());
        while (all.size() < c.electorate()) {
            all.add(CountedVote.of(Choice.ABSTAIN));
        }
        assertThat(Settlement.settled(c.rule(), c.electorate(), 0, all, 9))
                .contains(Tallies.count(c.rule(), c.electorate(), 0, all, 9));
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<CountingRule> rules = Arbitraries.oneOf(
                Arbitraries.just(new CountingRule(DecisionMethod.MAJORITY, null, null, null, List.of())),
                Arbitraries.integers().between(0, 100).map(q ->
                        new CountingRule(DecisionMethod.MAJORITY, null, null, q / 100.0, List.of())),
                Arbitraries.integers().between(501, 1000).map(t ->
                        new CountingRule(DecisionMethod.SUPERMAJORITY, t / 1000.0, ThresholdBase.SEATED, null, List.of())),
                Arbitraries.integers().between(501, 1000).map(t ->
                        new CountingRule(DecisionMethod.SUPERMAJORITY, t / 1000.0, ThresholdBase.VOTES_CAST, null, List.of())),
                Arbitraries.just(new CountingRule(DecisionMethod.UNANIMOUS, null, null, null, List.of())));
        return Combinators.combine(rules, Arbitraries.integers().between(0, 9)).flatAs((rule, electorate) ->
                Arbitraries.of(Choice.class).map(CountedVote::of).list().ofMaxSize(electorate)
                        .map(votes -> new Case(rule, electorate, votes)));
    }

    static List<CountedVote> votes(int yes, int no, int abstain) {
        List<CountedVote> votes = new ArrayList<>();
        for (int i = 0; i < yes; i++) {
            votes.add(CountedVote.of(Choice.YES));
        }
        for (int i = 0; i < no; i++) {
            votes.add(CountedVote.of(Choice.NO));
        }
        for (int i = 0; i < abstain; i++) {
            votes.add(CountedVote.of(Choice.ABSTAIN));
        }
        return votes;
    }
}
