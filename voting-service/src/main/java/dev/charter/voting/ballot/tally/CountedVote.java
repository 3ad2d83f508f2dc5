package dev.charter.voting.ballot.tally;

import dev.charter.contracts.voting.Choice;

import java.util.List;

/** One member's vote as counted: a choice (yes/no methods) or a ranking (RANKED_CHOICE, empty = abstain). */
public record CountedVote(Choice choice, List<String> ranking) {

    public CountedVote {
        ranking = ranking == null ? List.of() : List.copyOf(ranking);
    }

    public static CountedVote of(Choice choice) {
        return new CountedVote(choice, List.of());
    }

    public static CountedVote ranking(List<String> ranking) {
        return new CountedVote(null, ranking);
    }
}
