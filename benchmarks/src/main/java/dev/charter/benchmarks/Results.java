package dev.charter.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The figures of one run: a table for people, and one {@code BENCHMARK {json}} line for scripts. */
final class Results {

    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<String> rows = new ArrayList<>();

    /** A figure of the JSON line (a number, or a string for the conditions). */
    void put(String key, Object value) {
        figures.put(key, value instanceof Double d ? Math.round(d * 1000) / 1000.0 : value);
    }

    /** A row of the table: what, the measured value, its baseline, and their ratio. */
    void row(String what, double value, String unit, String baseline, double baselineValue, double ratio) {
        rows.add(String.format(Locale.ROOT, "%-48s %12.2f %-9s %-34s %12.2f %8.3f", what, value, unit, baseline,
                baselineValue, ratio));
    }

    void print() {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-48s %12s %-9s %-34s %12s %8s%n", "figure", "value", "unit", "baseline (same run)",
                "baseline", "ratio");
        rows.forEach(System.out::println);
        System.out.println();
        System.out.println("BENCHMARK {" + figures.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + (e.getValue() instanceof Number ? e.getValue().toString()
                        : "\"" + e.getValue().toString().replace("\"", "'") + "\""))
                .collect(Collectors.joining(",")) + "}");
    }
}
