package dev.charter.dispute.ballot;

import java.time.Duration;

/** Windows as recorded in events: ISO-8601, in days when whole days ({@code P14D}), else as a duration. */
public final class Durations {

    private Durations() {
    }

    public static String iso(Duration duration) {
        if (!duration.isNegative() && !duration.isZero() && duration.toSeconds() % 86_400 == 0
                && duration.toNanosPart() == 0) {
            return "P" + duration.toDays() + "D";
        }
        return duration.toString();
    }
}
