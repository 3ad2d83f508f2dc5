package dev.charter.contracts.voting;

/** Continuing votes of one option (or YES / NO / ABSTAIN) in a round. */
public record OptionCount(String option, int votes) {
}
