package dev.charter.contracts.voting;

/**
 * A short account of a ballot's result carried by decision events; the full tally with every
 * round is on the voting stream.
 *
 * @param eligible the frozen electorate after recusals
 * @param recused  how many members were recused
 */
public record TallySummary(int eligible, int recused, int yes, int no, int abstain, BallotOutcome outcome) {
}
