package dev.charter.voting.ballot.tally;

import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.Choice;
import dev.charter.contracts.voting.OptionCount;
import dev.charter.contracts.voting.Round;
import dev.charter.contracts.voting.Tally;

import java.util.Collection;
import java.util.List;

/**
 * Counts a ballot (DESIGN §1), a pure function of its rule, its electorate after recusals and the votes of
 * its members: no vote, or too few for the quorum, is NO_QUORUM; otherwise the method decides. Yes/no methods
 * have one round (YES / NO / ABSTAIN); instant-runoff has one per elimination.
 */
public final class Tallies {

    private Tallies() {
    }

    /**
     * @param electorate the frozen electorate after recusals (the SEATED base)
     * @param recused    how many members were recused
     * @param votes      the members' current votes
     * @param seed       the ballot's seed, fixing the tie-break permutation
     */
    public static Counted count(CountingRule rule, int electorate, int recused, Collection<CountedVote> votes,
                                long seed) {
        if (rule.ranked()) {
            return ranked(rule, electorate, recused, votes, seed);
        }
        YesNo counts = yesNo(votes);
        YesNoMethod method = rule.yesNoMethod();
        boolean quorumMet = Quorum.met(rule.quorum(), electorate, counts.participants());
        BallotOutcome outcome = quorumMet ? method.decide(electorate, counts) : BallotOutcome.NO_QUORUM;
        Round round = new Round(1, List.of(new OptionCount(Choice.YES.name(), counts.yes()),
                new OptionCount(Choice.NO.name(), counts.no()), new OptionCount(Choice.ABSTAIN.name(), counts.abstain())),
                null, false, 0);
        return new Counted(outcome, new Tally(electorate, recused, counts.participants(), counts.yes(), counts.no(),
                counts.abstain(), method.required(electorate, counts), quorumMet, List.of(round), null));
    }

    /** The yes/no method's outcome for these counts, without building a tally (see {@link Settlement}). */
    static BallotOutcome outcome(CountingRule rule, YesNoMethod method, int electorate, YesNo counts) {
        return Quorum.met(rule.quorum(), electorate, counts.participants()) ? method.decide(electorate, counts)
                : BallotOutcome.NO_QUORUM;
    }

    static YesNo yesNo(Collection<CountedVote> votes) {
        int yes = 0;
        int no = 0;
        int abstain = 0;
        for (CountedVote vote : votes) {
            if (vote.choice() == Choice.YES) {
                yes++;
            } else if (vote.choice() == Choice.NO) {
                no++;
            } else {
                abstain++;
            }
        }
        return new YesNo(yes, no, abstain);
    }

    private static Counted ranked(CountingRule rule, int electorate, int recused, Collection<CountedVote> votes,
                                  long seed) {
        List<List<String>> rankings = votes.stream().map(CountedVote::ranking).toList();
        int abstain = (int) rankings.stream().filter(List::isEmpty).count();
        InstantRunoff.Result result = InstantRunoff.count(rule.options(), rankings,
                TieBreak.seeded(seed, rule.options()));
        boolean quorumMet = Quorum.met(rule.quorum(), electorate, votes.size());
        BallotOutcome outcome = !quorumMet ? BallotOutcome.NO_QUORUM
                : result.winner() != null ? BallotOutcome.CARRIED : BallotOutcome.REJECTED;
        return new Counted(outcome, new Tally(electorate, recused, votes.size(), 0, 0, abstain, null, quorumMet,
                result.rounds(), quorumMet ? result.winner() : null));
    }
}
