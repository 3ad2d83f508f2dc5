package dev.charter.voting.ballot.tally;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The seeded permutation that breaks elimination ties of instant-runoff (DESIGN §1). Its seed is published
 * in the ballot's opening event, and the permutation is simple to recompute in any language: the options
 * ordered by the lower-case hex SHA-256 of {@code "<seed>:<option>"} (seed in decimal, UTF-8). Of the options
 * tied for elimination, the one that comes first in the permutation is eliminated.
 */
public final class TieBreak {

    private final List<String> permutation;

    private TieBreak(List<String> permutation) {
        this.permutation = List.copyOf(permutation);
    }

    public static TieBreak seeded(long seed, Collection<String> options) {
        Map<String, String> keys = options.stream().distinct()
                .collect(Collectors.toMap(Function.identity(), option -> key(seed, option)));
        return new TieBreak(keys.keySet().stream()
                .sorted(Comparator.comparing((String option) -> keys.get(option)).thenComparing(Comparator.naturalOrder()))
                .toList());
    }

    /** The options in permutation order. */
    public List<String> permutation() {
        return permutation;
    }

    /** Of the tied options, the one to eliminate: the first in the permutation. */
    public String eliminate(Collection<String> tied) {
        return permutation.stream().filter(tied::contains).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("None of " + tied + " is an option of the ballot"));
    }

    static String key(long seed, String option) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((seed + ":" + option).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
