package dev.charter.console.view;

import java.util.List;

/**
 * The published rounds of a ballot's count, in the console's own terms: voting's tally and the copy of it
 * nomination-service shows (each API has its own generated type of the same shared schema).
 */
public final class Count {

    private Count() {
    }

    /** Votes of one option (YES / NO / ABSTAIN for yes/no methods) in one round. */
    public record OptionVotes(String option, int votes) {
    }

    /** One round: the votes of each continuing option, the option eliminated after it, exhausted ballots. */
    public record Round(int number, List<OptionVotes> counts, String eliminated, boolean tieBroken, int exhausted) {

        public Round {
            counts = counts == null ? List.of() : List.copyOf(counts);
        }

        /** The ballots counted for a continuing option in this round. */
        public int continuing() {
            return counts.stream().mapToInt(OptionVotes::votes).sum();
        }
    }

    public static List<Round> ofVoting(List<dev.charter.client.voting.model.Round> rounds) {
        return rounds == null ? List.of() : rounds.stream().map(round -> new Round(value(round.getNumber()),
                round.getCounts() == null ? List.of() : round.getCounts().stream()
                        .map(count -> new OptionVotes(count.getOption(), value(count.getVotes()))).toList(),
                round.getEliminated(), Boolean.TRUE.equals(round.getTieBroken()), value(round.getExhausted()))).toList();
    }

    public static List<Round> ofNominations(List<dev.charter.client.nominations.model.Round> rounds) {
        return rounds == null ? List.of() : rounds.stream().map(round -> new Round(value(round.getNumber()),
                round.getCounts() == null ? List.of() : round.getCounts().stream()
                        .map(count -> new OptionVotes(count.getOption(), value(count.getVotes()))).toList(),
                round.getEliminated(), Boolean.TRUE.equals(round.getTieBroken()), value(round.getExhausted()))).toList();
    }

    private static int value(Integer number) {
        return number == null ? 0 : number;
    }
}
