package dev.charter.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;

/**
 * Every time a client sends (a query parameter such as {@code asOf}, a field such as a ballot's deadline) must lie
 * between a fixed floor, 1970-01-01T00:00:00Z (before any governance history), and 9999-12-31T23:59:59Z: the
 * database and Java's epoch arithmetic cannot hold more, and a time outside them is a 400, never a 500.
 */
public final class TimeBounds {

    public static final Instant EARLIEST = Instant.EPOCH;
    public static final Instant LATEST = OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC).toInstant();

    private TimeBounds() {
    }

    /** The value, or an IllegalArgumentException naming the bounds when it lies outside them. */
    public static <T> T check(T value) {
        Instant instant = instantOf(value);
        if (instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST))) {
            throw new IllegalArgumentException("a time must lie between " + EARLIEST + " and " + LATEST);
        }
        return value;
    }

    private static Instant instantOf(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.getYear() < 1 || time.getYear() > 9999 ? boundary(time.getYear()) : time.toInstant();
        }
        if (value instanceof ZonedDateTime time) {
            return time.getYear() < 1 || time.getYear() > 9999 ? boundary(time.getYear()) : time.toInstant();
        }
        if (value instanceof LocalDate date) {
            return date.getYear() < 1970 ? Instant.MIN : date.getYear() > 9999 ? Instant.MAX : null;
        }
        return null;
    }

    private static Instant boundary(int year) {
        return year < 1 ? Instant.MIN : Instant.MAX;
    }

    /** Whether a type is one whose values are checked. */
    public static boolean applies(Class<?> type) {
        return TemporalAccessor.class.isAssignableFrom(type)
                && (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class
                || type == LocalDate.class);
    }
}
