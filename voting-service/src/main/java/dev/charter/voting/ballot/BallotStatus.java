package dev.charter.voting.ballot;

/** Where a ballot stands: taking votes, tied and referred to the lead (R8), decided, or cancelled. */
public enum BallotStatus {
    OPEN, AWAITING_LEAD, CLOSED, CANCELLED
}
