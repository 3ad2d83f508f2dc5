package dev.charter.auditor.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run found, for people (tables) and machines ({@code --json}): the findings of every check, and sections of
 * facts (chain heads, the roster, the ballots re-counted…) as tables of rows.
 */
public class Report {

    /** A titled table: column names and rows of cell values. */
    public record Section(String title, List<String> columns, List<List<Object>> rows) {
    }

    private final String command;
    private final String source;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, Section> sections = new LinkedHashMap<>();
    private final Map<String, Object> counts = new LinkedHashMap<>();

    public Report(String command, String source) {
        this.command = command;
        this.source = source;
    }

    public synchronized void add(Finding finding) {
        findings.add(finding);
    }

    public synchronized void addAll(List<Finding> more) {
        findings.addAll(more);
    }

    public synchronized void section(String key, Section section) {
        sections.put(key, section);
    }

    public synchronized void count(String name, Object value) {
        counts.put(name, value);
    }

    public String command() {
        return command;
    }

    public String source() {
        return source;
    }

    public synchronized List<Finding> findings() {
        return List.copyOf(findings);
    }

    public synchronized Map<String, Section> sections() {
        return new LinkedHashMap<>(sections);
    }

    public synchronized Map<String, Object> counts() {
        return new LinkedHashMap<>(counts);
    }

    /** Clean: no finding that counts. */
    public synchronized boolean clean() {
        return findings.stream().noneMatch(Finding::counts);
    }

    public synchronized List<Finding> findings(String kind) {
        return findings.stream().filter(f -> f.kind().equals(kind)).toList();
    }
}
