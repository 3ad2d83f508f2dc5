package dev.charter.voting.ballot.tally;

import dev.charter.contracts.voting.BallotOutcome;

/**
 * UNANIMOUS: carried only when every member of the electorate (after recusals) voted yes. A no, an abstention
 * or a missing vote rejects it; never a tie.
 */
public record Unanimous() implements YesNoMethod {

    @Override
    public BallotOutcome decide(int electorate, YesNo votes) {
        return electorate > 0 && votes.yes() == electorate ? BallotOutcome.CARRIED : BallotOutcome.REJECTED;
    }

    @Override
    public Integer required(int electorate, YesNo votes) {
        return electorate;
    }
}
