package dev.charter.voting.ballot.tally;

import dev.charter.contracts.voting.BallotOutcome;

/**
 * SOLE_DECIDER (R8, R11): the lead alone decides — the electorate is the lead; yes carries, no rejects. The
 * lead cannot abstain and gives public reasoning with the vote (enforced when the vote is cast).
 */
public record SoleDecider() implements YesNoMethod {

    @Override
    public BallotOutcome decide(int electorate, YesNo votes) {
        return votes.yes() > 0 && votes.no() == 0 ? BallotOutcome.CARRIED : BallotOutcome.REJECTED;
    }

    @Override
    public Integer required(int electorate, YesNo votes) {
        return 1;
    }
}
