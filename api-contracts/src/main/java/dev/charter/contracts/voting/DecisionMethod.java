package dev.charter.contracts.voting;

/** How a ballot is decided (R4, R8, R12, R13). */
public enum DecisionMethod {
    MAJORITY, SUPERMAJORITY, UNANIMOUS, SOLE_DECIDER, RANKED_CHOICE
}
