package dev.charter.contracts.disputes;

/**
 * What the core maintainers ruled on an escalated dispute (R5, R7): the disputed decision stands, or it is
 * overturned. Their ballot's question is "uphold the decision?": CARRIED upholds, REJECTED overturns, and a
 * ballot without quorum leaves the decision standing.
 */
public enum RulingOutcome {
    UPHELD, OVERTURNED
}
