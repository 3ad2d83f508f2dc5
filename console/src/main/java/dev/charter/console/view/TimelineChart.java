package dev.charter.console.view;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A person's roles over time drawn as a timeline (SVG, rendered by the {@code charts} template): one lane per
 * role (the lead seat, the core maintainers, each module's group), a bar per tenure, and at each change a
 * marker linked to the decision behind it.
 */
public record TimelineChart(int width, int height, double axisY, List<Lane> lanes, List<Tick> ticks,
                            String description) {

    public static final int WIDTH = 720;
    static final int LABEL = 190;
    static final int RIGHT = 20;
    static final int LANE = 36;
    static final int BAR = 16;
    static final int TOP = 10;
    static final int AXIS = 34;
    static final int TICKS = 5;

    /** A tenure as the registry reports it, with the pages of its decisions. */
    public record Span(String lane, String laneLabel, Instant from, Instant to, String status, String startLabel,
                       String startHref, String endLabel, String endHref) {
    }

    public record Lane(String label, double y, double labelY, List<Bar> bars) {
    }

    /**
     * @param status ACTIVE, EMERITUS or ENDED (lower-case, for the style)
     */
    public record Bar(double x, double y, double width, double endX, double markerY, boolean ended, String status,
                      String startTitle, String startHref, String endTitle, String endHref) {
    }

    public record Tick(double x, String label) {
    }

    public static TimelineChart of(List<Span> spans, Instant start, Instant now) {
        Instant first = spans.stream().map(Span::from).min(Comparator.naturalOrder()).orElse(start);
        if (start != null && start.isBefore(first)) {
            first = start;
        }
        Instant last = now;
        for (Span span : spans) {
            if (span.to() != null && span.to().isAfter(last)) {
                last = span.to();
            }
        }
        if (first == null) {
            first = now;
        }
        if (!last.isAfter(first)) {
            last = first.plus(Duration.ofMinutes(1));
        }
        double millis = Duration.between(first, last).toMillis();
        double plot = WIDTH - LABEL - RIGHT;
        Instant origin = first;
        java.util.function.Function<Instant, Double> x = time ->
                LABEL + plot * Duration.between(origin, time).toMillis() / millis;

        Map<String, List<Span>> byLane = new LinkedHashMap<>();
        for (Span span : spans) {
            byLane.computeIfAbsent(span.lane(), lane -> new ArrayList<>()).add(span);
        }
        List<Lane> lanes = new ArrayList<>();
        double y = TOP;
        for (List<Span> laneSpans : byLane.values()) {
            List<Bar> bars = new ArrayList<>();
            for (Span span : laneSpans) {
                double from = x.apply(span.from());
                double to = x.apply(span.to() == null ? last : span.to());
                String status = span.status() == null ? "active" : span.status().toLowerCase(java.util.Locale.ROOT);
                bars.add(new Bar(from, y + (LANE - BAR) / 2.0, Math.max(3, to - from), to, y + LANE / 2.0,
                        span.to() != null, status, span.startLabel(), span.startHref(), span.endLabel(), span.endHref()));
            }
            lanes.add(new Lane(laneSpans.get(0).laneLabel(), y, y + LANE / 2.0 + 5, List.copyOf(bars)));
            y += LANE;
        }
        double axisY = y + 4;
        DateTimeFormatter format = format(Duration.between(first, last));
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= TICKS; i++) {
            Instant time = first.plusMillis((long) (millis * i / TICKS));
            ticks.add(new Tick(LABEL + plot * i / TICKS, format.format(time)));
        }
        int height = (int) Math.ceil(axisY + AXIS);
        return new TimelineChart(WIDTH, height, axisY, List.copyOf(lanes), List.copyOf(ticks),
                describe(spans));
    }

    /** Seconds within an hour, minutes within a day, days within two months, else months. */
    static DateTimeFormatter format(Duration span) {
        String pattern = span.compareTo(Duration.ofHours(1)) <= 0 ? "HH:mm:ss"
                : span.compareTo(Duration.ofDays(1)) <= 0 ? "HH:mm"
                : span.compareTo(Duration.ofDays(62)) <= 0 ? "MMM d" : "yyyy-MM";
        return DateTimeFormatter.ofPattern(pattern, java.util.Locale.ENGLISH).withZone(ZoneOffset.UTC);
    }

    private static String describe(List<Span> spans) {
        if (spans.isEmpty()) {
            return "No roles held.";
        }
        List<String> parts = new ArrayList<>();
        for (Span span : spans) {
            parts.add(span.laneLabel() + " from " + span.from() + (span.to() == null ? " to now" : " to " + span.to())
                    + " (" + (span.status() == null ? "ACTIVE" : span.status()) + ")");
        }
        return String.join("; ", parts) + ".";
    }
}
