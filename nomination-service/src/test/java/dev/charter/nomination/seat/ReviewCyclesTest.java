package dev.charter.nomination.seat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The core maintainers' quarterly review calendar (R9). */
class ReviewCyclesTest {

    private final ReviewCycles quarterly = ReviewCycles.of(Instant.parse("2026-03-16T15:00:00Z"), "P3M",
            Duration.ofDays(14));

    @Test
    @DisplayName("R9: a request joins the next meeting whose cut-off it meets; the cut-off instant itself still counts")
    void cutOff() {
        assertThat(meetingFor("2026-01-10T00:00:00Z")).isEqualTo("2026-03-16T15:00:00Z");
        assertThat(meetingFor("2026-03-02T15:00:00Z")).isEqualTo("2026-03-16T15:00:00Z");
        assertThat(meetingFor("2026-03-02T15:00:01Z")).isEqualTo("2026-06-16T15:00:00Z");
        assertThat(quarterly.cycleFor(Instant.parse("2026-03-02T15:00:01Z")).cutOffAt())
                .isEqualTo(Instant.parse("2026-06-02T15:00:00Z"));
    }

    @Test
    @DisplayName("R9: meetings every three months, before and after the configured one, on the same day of the month")
    void everyThreeMonths() {
        assertThat(meetingFor("2025-11-20T00:00:00Z")).isEqualTo("2025-12-16T15:00:00Z");
        assertThat(meetingFor("2019-02-01T00:00:00Z")).isEqualTo("2019-03-16T15:00:00Z");
        assertThat(meetingFor("2031-07-01T00:00:00Z")).isEqualTo("2031-09-16T15:00:00Z");
        assertThat(quarterly.upcoming(Instant.parse("2026-04-01T00:00:00Z"), 3))
                .extracting(ReviewCycle::cycleId)
                .containsExactly("2026-06-16T15:00:00Z", "2026-09-16T15:00:00Z", "2026-12-16T15:00:00Z");
    }

    @Test
    @DisplayName("cycles may be short durations (tests, demos)")
    void shortCycles() {
        ReviewCycles fast = ReviewCycles.of(Instant.parse("2026-01-01T00:00:00Z"), "PT10S", Duration.ofSeconds(2));
        assertThat(fast.cycleFor(Instant.parse("2026-05-05T10:00:07Z")).meetingAt())
                .isEqualTo(Instant.parse("2026-05-05T10:00:10Z"));
        assertThat(fast.cycleFor(Instant.parse("2026-05-05T10:00:08.500Z")).meetingAt())
                .isEqualTo(Instant.parse("2026-05-05T10:00:20Z"));
        assertThat(fast.cycleFor(Instant.parse("2025-12-31T23:59:41Z")).meetingAt())
                .isEqualTo(Instant.parse("2025-12-31T23:59:50Z"));
    }

    @Test
    @DisplayName("a calendar whose cut-off is not shorter than a cycle, or whose length is not a period, is refused")
    void invalidCalendars() {
        assertThatThrownBy(() -> ReviewCycles.of(Instant.EPOCH, "PT10S", Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReviewCycles.of(Instant.EPOCH, "quarterly", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReviewCycles.of(Instant.EPOCH, "P0M", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private String meetingFor(String arrival) {
        return quarterly.cycleFor(Instant.parse(arrival)).cycleId();
    }
}
