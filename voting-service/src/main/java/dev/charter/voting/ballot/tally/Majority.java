package dev.charter.voting.ballot.tally;

import dev.charter.contracts.voting.BallotOutcome;

/**
 * MAJORITY (R4, the default rule of every group): more yes than no among the votes cast; abstentions count
 * for the quorum only. As many yes as no is a tie, which the lead decides for the core maintainers (R8).
 */
public record Majority() implements YesNoMethod {

    @Override
    public BallotOutcome decide(int electorate, YesNo votes) {
        if (votes.yes() > votes.no()) {
            return BallotOutcome.CARRIED;
        }
        return votes.yes() < votes.no() ? BallotOutcome.REJECTED : BallotOutcome.TIED;
    }

    @Override
    public Integer required(int electorate, YesNo votes) {
        return null;
    }
}
