package dev.charter.console.view;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * How a ranked-choice ballot broke its ties for elimination, recomputed so a reader can check it (voting's
 * README and {@code TieBreak}): the options ordered by the lower-case hexadecimal SHA-256 of
 * {@code "<seed>:<option>"} (the seed in decimal, UTF-8; equal hashes by option name) form the permutation;
 * of the options tied for fewest votes in a round, the one first in the permutation is eliminated. The seed is
 * fixed in the ballot's opening event. The console only shows this; voting-service counted.
 *
 * @param ties every round whose elimination needed the tie-break, with what the permutation gives and what
 *             was published
 */
public record TieBreakExplanation(long seed, List<Position> permutation, List<Tie> ties) {

    /** An option's place in the permutation, with the hash that puts it there. */
    public record Position(int position, String option, String hash) {
    }

    /**
     * @param agrees whether the published elimination is the one the permutation gives
     */
    public record Tie(int round, List<String> tied, int votes, String expected, String published, boolean agrees) {
    }

    public static TieBreakExplanation of(long seed, List<String> options, List<Count.Round> rounds) {
        List<Position> permutation = permutation(seed, options);
        List<Tie> ties = new ArrayList<>();
        for (Count.Round round : rounds) {
            if (!round.tieBroken() || round.counts().isEmpty()) {
                continue;
            }
            int fewest = round.counts().stream().mapToInt(Count.OptionVotes::votes).min().orElse(0);
            List<String> tied = round.counts().stream().filter(count -> count.votes() == fewest)
                    .map(Count.OptionVotes::option).toList();
            String expected = permutation.stream().map(Position::option).filter(tied::contains).findFirst()
                    .orElse(null);
            ties.add(new Tie(round.number(), tied, fewest, expected, round.eliminated(),
                    Objects.equals(expected, round.eliminated())));
        }
        return new TieBreakExplanation(seed, permutation, List.copyOf(ties));
    }

    /** The options in permutation order. */
    public static List<Position> permutation(long seed, List<String> options) {
        List<String> ordered = options.stream().distinct()
                .sorted(Comparator.comparing((String option) -> hash(seed, option)).thenComparing(Comparator.naturalOrder()))
                .toList();
        List<Position> positions = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            positions.add(new Position(i + 1, ordered.get(i), hash(seed, ordered.get(i))));
        }
        return List.copyOf(positions);
    }

    /** The text whose hash places an option, e.g. {@code 42:Option A}. */
    public String hashed(String option) {
        return seed + ":" + option;
    }

    static String hash(long seed, String option) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((seed + ":" + option).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
