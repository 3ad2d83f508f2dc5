package dev.charter.voting.ballot.tally;

import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.Tally;

/** The outcome of a count and the full tally behind it. */
public record Counted(BallotOutcome outcome, Tally tally) {
}
