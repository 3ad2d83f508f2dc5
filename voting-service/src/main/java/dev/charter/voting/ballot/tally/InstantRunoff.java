package dev.charter.voting.ballot.tally;

import dev.charter.contracts.voting.OptionCount;
import dev.charter.contracts.voting.Round;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * RANKED_CHOICE (R13) as instant-runoff. Each round counts every ranked ballot for its most preferred option
 * still in the race; an option with more than half of the continuing ballots wins. Otherwise the option
 * with the fewest continuing votes is eliminated — of several tied, the first in the seeded permutation
 * ({@link TieBreak}) — and its ballots pass to their next preference, or are exhausted when none is left.
 * Every round is recorded. An empty ranking is an abstention: it counts for the quorum, never in a round.
 * When no ballot ranks any option there is no winner.
 */
public final class InstantRunoff {

    /** The rounds in order, and the winner (null when no ballot ranked any option). */
    public record Result(List<Round> rounds, String winner) {
    }

    private InstantRunoff() {
    }

    public static Result count(List<String> options, Collection<List<String>> rankings, TieBreak tieBreak) {
        List<List<String>> ballots = rankings.stream().filter(r -> r != null && !r.isEmpty()).toList();
        Set<String> continuing = new LinkedHashSet<>(options);
        List<Round> rounds = new ArrayList<>();
        for (int number = 1; ; number++) {
            int[] votes = new int[options.size()];
            int continuingBallots = 0;
            for (List<String> ballot : ballots) {
                String preference = ballot.stream().filter(continuing::contains).findFirst().orElse(null);
                if (preference != null) {
                    votes[options.indexOf(preference)]++;
                    continuingBallots++;
                }
            }
            List<OptionCount> counts = new ArrayList<>();
            String leader = null;
            int fewest = Integer.MAX_VALUE;
            for (int i = 0; i < options.size(); i++) {
                String option = options.get(i);
                if (continuing.contains(option)) {
                    counts.add(new OptionCount(option, votes[i]));
                    if (2 * votes[i] > continuingBallots) {
                        leader = option;
                    }
                    fewest = Math.min(fewest, votes[i]);
                }
            }
            int exhausted = ballots.size() - continuingBallots;
            if (leader != null || continuingBallots == 0) {
                rounds.add(new Round(number, List.copyOf(counts), null, false, exhausted));
                return new Result(List.copyOf(rounds), leader);
            }
            int least = fewest;
            List<String> tied = counts.stream().filter(c -> c.votes() == least).map(OptionCount::option).toList();
            String eliminated = tied.size() == 1 ? tied.get(0) : tieBreak.eliminate(tied);
            rounds.add(new Round(number, List.copyOf(counts), eliminated, tied.size() > 1, exhausted));
            continuing.remove(eliminated);
        }
    }
}
