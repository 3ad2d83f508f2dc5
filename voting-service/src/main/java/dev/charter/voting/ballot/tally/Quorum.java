package dev.charter.voting.ballot.tally;

/**
 * Whether enough of the electorate took part (abstentions count, R4): at least {@code ceil(quorum × electorate)}
 * members voted. Without a configured quorum, one vote is enough; a ballot nobody took part in never has a
 * quorum (its outcome is NO_QUORUM, whatever the method).
 */
public final class Quorum {

    private Quorum() {
    }

    public static boolean met(Double quorum, int electorate, int participants) {
        if (electorate <= 0 || participants <= 0) {
            return false;
        }
        return quorum == null || participants >= Thresholds.atLeast(quorum, electorate);
    }
}
