package dev.charter.console.view;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;

/**
 * Times as the pages show them: always UTC, like the APIs ({@code times} in the templates), and the
 * {@code asOf} of the time-travelling pages.
 */
@Component
public class Times {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter PICKER = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    /** For a reader: {@code 2026-12-02 10:31:05 UTC}. */
    public String at(Temporal time) {
        Instant instant = instant(time);
        return instant == null ? "" : SHOWN.format(instant);
    }

    /** The day alone: {@code 2026-12-02}. */
    public String day(Temporal time) {
        if (time instanceof LocalDate date) {
            return date.toString();
        }
        Instant instant = instant(time);
        return instant == null ? "" : DAY.format(instant);
    }

    /** For a {@code <time datetime>} attribute and links: ISO-8601 in UTC. */
    public String iso(Temporal time) {
        Instant instant = instant(time);
        return instant == null ? "" : instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** For the value of a {@code datetime-local} date control (read as UTC). */
    public String picker(Temporal time) {
        Instant instant = instant(time);
        return instant == null ? "" : PICKER.format(instant);
    }

    /**
     * The instant of an {@code asOf} parameter: an ISO-8601 instant or offset time, the value of a
     * {@code datetime-local} control ({@code 2026-12-02T10:30}, read as UTC), or a day (its end, UTC). Null
     * for none; an unreadable value is refused with {@link IllegalArgumentException}.
     */
    public static Instant parseAsOf(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notLocal) {
            // try the next form
        }
        try {
            return LocalDate.parse(text).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1);
        } catch (DateTimeParseException notDay) {
            throw new IllegalArgumentException("'" + value + "' is not a date and time (e.g. 2026-12-02T10:30:00Z).");
        }
    }

    public static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(Temporal time) {
        if (time == null) {
            return null;
        }
        if (time instanceof Instant instant) {
            return instant;
        }
        if (time instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (time instanceof LocalDate date) {
            return date.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        return Instant.from(time);
    }
}
