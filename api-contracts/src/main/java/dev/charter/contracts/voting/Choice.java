package dev.charter.contracts.voting;

/** A vote on a yes/no question; abstentions count for quorum only. */
public enum Choice {
    YES, NO, ABSTAIN
}
