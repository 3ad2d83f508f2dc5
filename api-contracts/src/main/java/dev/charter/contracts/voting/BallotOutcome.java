package dev.charter.contracts.voting;

/** The result of a closed ballot. */
public enum BallotOutcome {
    CARRIED, REJECTED, NO_QUORUM, TIED
}
