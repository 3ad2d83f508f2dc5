package dev.charter.contracts.voting;

/** The denominator of a super-majority: the seated body after recusals, or the yes and no votes cast. */
public enum ThresholdBase {
    SEATED, VOTES_CAST
}
