package dev.charter.contracts.voting;

/**
 * A short account of a ballot's result carried by decision events; the full tally with every
 * round is on the voting stream.
 *
 * @param eligible the frozen electorate after recusals
 * @param recused  how many members were recused
 */
public record TallySummary(int eligible, int recused, int yes, int no, int abstain, BallotOutcome outcome) {

    /** The short account of a full tally (all zero when there is none) with the ballot's outcome. */
    public static TallySummary of(Tally tally, BallotOutcome outcome) {
        if (tally == null) {
            return new TallySummary(0, 0, 0, 0, 0, outcome);
        }
        return new TallySummary(tally.electorate(), tally.recused(), tally.yes(), tally.no(), tally.abstain(),
                outcome);
    }
}
