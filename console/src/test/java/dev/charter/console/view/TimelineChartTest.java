package dev.charter.console.view;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TimelineChartTest {

    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    @DisplayName("one lane per role, a bar per tenure up to its end or now, each change linked to its decision")
    void lanes() {
        List<TimelineChart.Span> spans = List.of(
                new TimelineChart.Span("CORE", "Core maintainer", START, null, "ACTIVE", "Since", "/nominations/1",
                        null, null),
                new TimelineChart.Span("MODULE:nn", "Maintainer of nn", START, Instant.parse("2025-01-01T00:00:00Z"),
                        "ENDED", "Since", "/audit/registry", "Until", "/nominations/2"));

        TimelineChart chart = TimelineChart.of(spans, START, NOW);

        assertThat(chart.lanes()).extracting(TimelineChart.Lane::label)
                .containsExactly("Core maintainer", "Maintainer of nn");
        TimelineChart.Bar open = chart.lanes().get(0).bars().get(0);
        TimelineChart.Bar ended = chart.lanes().get(1).bars().get(0);
        double plot = TimelineChart.WIDTH - TimelineChart.LABEL - TimelineChart.RIGHT;
        assertThat(open.x()).isCloseTo(TimelineChart.LABEL, within(0.01));
        assertThat(open.width()).isCloseTo(plot, within(0.01));
        assertThat(open.ended()).isFalse();
        assertThat(ended.ended()).isTrue();
        assertThat(ended.endHref()).isEqualTo("/nominations/2");
        assertThat(ended.status()).isEqualTo("ended");
        assertThat(ended.endX()).isCloseTo(TimelineChart.LABEL + plot * 366 / 731, within(0.5));
        assertThat(chart.ticks()).hasSize(TimelineChart.TICKS + 1);
        assertThat(chart.ticks().get(0).label()).isEqualTo("2024-01");
        assertThat(chart.description()).contains("Core maintainer from 2024-01-01T00:00:00Z to now");
    }

    @Test
    @DisplayName("the time axis is labelled to the second within an hour, the minute within a day, the day within two months")
    void axisLabels() {
        TimelineChart seconds = TimelineChart.of(List.of(new TimelineChart.Span("CORE", "Core maintainer",
                NOW.minus(Duration.ofSeconds(30)), null, "ACTIVE", "", null, null, null)), null, NOW);
        TimelineChart minutes = TimelineChart.of(List.of(new TimelineChart.Span("CORE", "Core maintainer",
                NOW.minus(Duration.ofHours(3)), null, "ACTIVE", "", null, null, null)), null, NOW);
        TimelineChart days = TimelineChart.of(List.of(new TimelineChart.Span("CORE", "Core maintainer",
                NOW.minus(Duration.ofDays(20)), null, "ACTIVE", "", null, null, null)), null, NOW);

        assertThat(seconds.ticks().get(0).label()).isEqualTo("23:59:30");
        assertThat(seconds.ticks().get(1).label()).isEqualTo("23:59:36");
        assertThat(minutes.ticks().get(0).label()).isEqualTo("21:00");
        assertThat(days.ticks().get(0).label()).isEqualTo("Dec 12");
    }

    @Test
    @DisplayName("a person who never held a role gets an empty chart")
    void none() {
        TimelineChart chart = TimelineChart.of(List.of(), START, NOW);

        assertThat(chart.lanes()).isEmpty();
        assertThat(chart.description()).isEqualTo("No roles held.");
    }
}
