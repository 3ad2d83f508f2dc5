package dev.charter.voting.ballot.tally;

import dev.charter.contracts.voting.BallotOutcome;

import java.util.Collection;
import java.util.Optional;

/**
 * Whether a ballot's outcome can no longer change, so it closes before its deadline. The votes cast are taken
 * as they stand and the electorate as it is; the outcome is settled when every way the members who have not
 * voted yet could vote (yes, no, abstain or not at all) gives the same outcome. Once settled the ballot
 * closes at once, so a cast vote can be changed only while the outcome is still open. A RANKED_CHOICE ballot
 * is settled only when every member has voted.
 */
public final class Settlement {

    private Settlement() {
    }

    /** The count to close with, if the outcome is settled. */
    public static Optional<Counted> settled(CountingRule rule, int electorate, int recused,
                                            Collection<CountedVote> votes, long seed) {
        int outstanding = electorate - votes.size();
        if (outstanding <= 0) {
            return Optional.of(Tallies.count(rule, electorate, recused, votes, seed));
        }
        if (rule.ranked()) {
            return Optional.empty();
        }
        YesNoMethod method = rule.yesNoMethod();
        YesNo cast = Tallies.yesNo(votes);
        BallotOutcome first = Tallies.outcome(rule, method, electorate, cast);
        // the outcome depends on the yes and no added and, through the quorum, on how many take part: for each
        // split of yes and no, abstaining not at all or all of the rest bounds the participation
        for (int yes = 0; yes <= outstanding; yes++) {
            for (int no = 0; yes + no <= outstanding; no++) {
                int rest = outstanding - yes - no;
                if (Tallies.outcome(rule, method, electorate, cast.plus(yes, no, 0)) != first
                        || Tallies.outcome(rule, method, electorate, cast.plus(yes, no, rest)) != first) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(Tallies.count(rule, electorate, recused, votes, seed));
    }
}
