package dev.charter.nomination.seat;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The calendar of the core maintainers' review meetings (R9: they meet every three months): a known meeting,
 * and one every {@code length} before and after it. A request arriving at {@code t} joins the first cycle whose
 * cut-off ({@code cutOff} before its meeting) is not before {@code t}; later requests go to the next cycle.
 * Pure: no clock.
 */
public final class ReviewCycles {

    private final Instant anchor;
    private final Period period;
    private final Duration duration;
    private final Duration cutOff;

    private ReviewCycles(Instant anchor, Period period, Duration duration, Duration cutOff) {
        this.anchor = anchor.truncatedTo(ChronoUnit.SECONDS);
        this.period = period;
        this.duration = duration;
        this.cutOff = cutOff;
    }

    /**
     * @param nextMeeting a meeting of the calendar
     * @param length      an ISO-8601 period ({@code P3M}) or duration ({@code PT30S})
     * @param cutOff      how long before a meeting its cut-off is; shorter than a cycle
     */
    public static ReviewCycles of(Instant nextMeeting, String length, Duration cutOff) {
        Period period = null;
        Duration duration = null;
        try {
            period = Period.parse(length);
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("A review cycle lasts a positive time, not " + length);
            }
        } catch (DateTimeParseException notAPeriod) {
            try {
                duration = Duration.parse(length);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("A review cycle's length is an ISO-8601 period (P3M) or duration "
                        + "(PT30S), not '" + length + "'", e);
            }
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("A review cycle lasts a positive time, not " + length);
            }
        }
        ReviewCycles cycles = new ReviewCycles(nextMeeting, period, duration, cutOff);
        if (cutOff.isNegative() || !cycles.meeting(0).minus(cutOff).isAfter(cycles.meeting(-1))) {
            throw new IllegalArgumentException("The cut-off (" + cutOff + ") must be shorter than a cycle (" + length
                    + ")");
        }
        return cycles;
    }

    /** The cycle a request arriving at {@code arrival} joins. */
    public ReviewCycle cycleFor(Instant arrival) {
        return cycle(indexFor(arrival));
    }

    /** {@code count} cycles, the first being the one a request arriving at {@code from} joins. */
    public List<ReviewCycle> upcoming(Instant from, int count) {
        long first = indexFor(from);
        List<ReviewCycle> cycles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cycles.add(cycle(first + i));
        }
        return cycles;
    }

    private long indexFor(Instant arrival) {
        long k = estimate(arrival.plus(cutOff));
        while (meeting(k).minus(cutOff).isBefore(arrival)) {
            k++;
        }
        while (!meeting(k - 1).minus(cutOff).isBefore(arrival)) {
            k--;
        }
        return k;
    }

    private ReviewCycle cycle(long k) {
        Instant meeting = meeting(k);
        return new ReviewCycle(meeting.toString(), meeting, meeting.minus(cutOff));
    }

    private Instant meeting(long k) {
        if (duration != null) {
            return anchor.plus(duration.multipliedBy(k));
        }
        return anchor.atZone(ZoneOffset.UTC).plusMonths(period.toTotalMonths() * k)
                .plusDays((long) period.getDays() * k).toInstant();
    }

    /** A k whose meeting is near {@code instant}; {@link #cycleFor} corrects it by stepping. */
    private long estimate(Instant instant) {
        Duration span = Duration.between(anchor, instant);
        Duration length = duration != null ? duration
                : Duration.ofSeconds((long) (period.toTotalMonths() * 2_629_746L + period.getDays() * 86_400L));
        return Math.floorDiv(span.getSeconds(), Math.max(1, length.getSeconds()));
    }
}
