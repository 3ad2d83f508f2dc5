package dev.charter.contracts.voting;

/** Why a ballot closed. */
public enum CloseReason {
    DEADLINE, OUTCOME_SETTLED, DECIDED_BY_LEAD
}
