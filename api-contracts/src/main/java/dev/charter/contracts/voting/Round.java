package dev.charter.contracts.voting;

import java.util.List;

/**
 * One round of a tally. Yes/no methods have a single round; instant-runoff has one per elimination.
 *
 * @param counts     votes per continuing option, in option order
 * @param eliminated the option eliminated after this round, or null in the last round
 * @param tieBroken  whether the elimination needed the seeded tie-break
 * @param exhausted  ballots with no continuing preference left
 */
public record Round(int number, List<OptionCount> counts, String eliminated, boolean tieBroken, int exhausted) {
}
