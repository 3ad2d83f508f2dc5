package dev.charter.voting.ballot.tally;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Thresholds are "at least" (DESIGN §1): a fraction {@code t} of a base {@code b} needs {@code ceil(t × b)}.
 * Computed in exact decimal arithmetic from the fraction as written (0.75 is 3/4, never 0.7499999…), so
 * 75 % of 4 is exactly 3 and 75.1 % of 4 is 4.
 */
public final class Thresholds {

    private Thresholds() {
    }

    /** The smallest whole number that is at least {@code fraction × base}. */
    public static int atLeast(double fraction, int base) {
        if (fraction < 0 || fraction > 1 || Double.isNaN(fraction)) {
            throw new IllegalArgumentException("A fraction is between 0 and 1, not " + fraction);
        }
        if (base < 0) {
            throw new IllegalArgumentException("A base is not negative: " + base);
        }
        // BigDecimal.valueOf takes the shortest decimal that denotes the double, i.e. the value as written
        return BigDecimal.valueOf(fraction).multiply(BigDecimal.valueOf(base))
                .setScale(0, RoundingMode.CEILING).intValueExact();
    }
}
