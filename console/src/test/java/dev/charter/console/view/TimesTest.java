package dev.charter.console.view;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimesTest {

    private final Times times = new Times();

    @Test
    @DisplayName("asOf takes an instant, an offset time, a date control's value (UTC) or a day (its end)")
    void parsesAsOf() {
        assertThat(Times.parseAsOf("2026-03-01T10:30:00Z")).isEqualTo(Instant.parse("2026-03-01T10:30:00Z"));
        assertThat(Times.parseAsOf("2026-03-01T12:30:00+02:00")).isEqualTo(Instant.parse("2026-03-01T10:30:00Z"));
        assertThat(Times.parseAsOf("2026-03-01T10:30")).isEqualTo(Instant.parse("2026-03-01T10:30:00Z"));
        assertThat(Times.parseAsOf("2026-03-01")).isEqualTo(Instant.parse("2026-03-01T23:59:59.999Z"));
        assertThat(Times.parseAsOf(" ")).isNull();
        assertThatThrownBy(() -> Times.parseAsOf("last week")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("times are shown in UTC")
    void formats() {
        OffsetDateTime time = OffsetDateTime.parse("2026-03-01T12:30:05+02:00");

        assertThat(times.at(time)).isEqualTo("2026-03-01 10:30:05 UTC");
        assertThat(times.iso(time)).isEqualTo("2026-03-01T10:30:05Z");
        assertThat(times.picker(time)).isEqualTo("2026-03-01T10:30:05");
        assertThat(times.day(time)).isEqualTo("2026-03-01");
        assertThat(times.at(null)).isEmpty();
    }
}
