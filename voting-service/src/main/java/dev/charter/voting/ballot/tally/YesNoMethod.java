package dev.charter.voting.ballot.tally;

import dev.charter.contracts.voting.BallotOutcome;

/**
 * How a yes/no ballot is decided once its quorum is met (DESIGN §1). {@code electorate} is the frozen
 * electorate after recusals.
 */
public sealed interface YesNoMethod permits Majority, Supermajority, Unanimous, SoleDecider {

    /** The outcome, the quorum being met. */
    BallotOutcome decide(int electorate, YesNo votes);

    /** The yes votes needed to carry, where that is a fixed number (null for a simple majority). */
    Integer required(int electorate, YesNo votes);
}
