package dev.charter.auditor.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A report as tables for people, or as one JSON document for machines. */
public final class ReportPrinter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportPrinter() {
    }

    public static ObjectNode json(Report report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("command", report.command());
        root.put("source", report.source());
        root.put("clean", report.clean());
        ObjectNode counts = root.putObject("counts");
        report.counts().forEach((name, value) -> counts.putPOJO(name, value));
        ArrayNode findings = root.putArray("findings");
        for (Finding finding : report.findings()) {
            ObjectNode f = findings.addObject();
            f.put("check", finding.check());
            f.put("severity", finding.severity().name());
            f.put("kind", finding.kind());
            f.put("stream", finding.stream());
            if (finding.sequence() != null) {
                f.put("sequence", finding.sequence());
            }
            f.put("subject", finding.subject());
            f.put("message", finding.message());
        }
        ObjectNode sections = root.putObject("sections");
        report.sections().forEach((key, section) -> {
            ObjectNode s = sections.putObject(key);
            s.put("title", section.title());
            ArrayNode rows = s.putArray("rows");
            for (List<Object> row : section.rows()) {
                ObjectNode r = rows.addObject();
                for (int i = 0; i < section.columns().size() && i < row.size(); i++) {
                    r.putPOJO(section.columns().get(i), row.get(i));
                }
            }
        });
        return root;
    }

    public static void print(Report report, boolean asJson, PrintWriter out) {
        if (asJson) {
            try {
                out.println(JSON.writeValueAsString(json(report)));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            out.flush();
            return;
        }
        out.println("charter-audit " + report.command() + " — " + report.source());
        out.println();
        for (Map.Entry<String, Report.Section> entry : report.sections().entrySet()) {
            Report.Section section = entry.getValue();
            out.println(section.title());
            table(out, section.columns(), section.rows());
            out.println();
        }
        if (!report.counts().isEmpty()) {
            List<List<Object>> rows = new ArrayList<>();
            report.counts().forEach((name, value) -> rows.add(List.of(name, value)));
            table(out, List.of("count", "value"), rows);
            out.println();
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Finding f : report.findings()) {
            rows.add(List.of(f.severity() == Finding.Severity.FINDING ? "FINDING" : "note", f.check(), f.kind(),
                    f.stream() == null ? "" : f.stream(), f.sequence() == null ? "" : f.sequence(), f.message()));
        }
        if (!rows.isEmpty()) {
            out.println("Findings");
            table(out, List.of("severity", "check", "kind", "stream", "position", "what"), rows);
            out.println();
        }
        long counting = report.findings().stream().filter(Finding::counts).count();
        out.println(counting == 0 ? "CLEAN: nothing found" + (rows.isEmpty() ? "" : " (" + rows.size() + " note(s))")
                : "FOUND " + counting + " finding(s)");
        out.flush();
    }

    static void table(PrintWriter out, List<String> columns, List<List<Object>> rows) {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            widths[i] = columns.get(i).length();
        }
        for (List<Object> row : rows) {
            for (int i = 0; i < columns.size() && i < row.size(); i++) {
                widths[i] = Math.min(i == columns.size() - 1 ? 200 : 70,
                        Math.max(widths[i], String.valueOf(row.get(i)).length()));
            }
        }
        line(out, widths, new ArrayList<>(columns));
        StringBuilder rule = new StringBuilder();
        for (int width : widths) {
            rule.append("-".repeat(width)).append("  ");
        }
        out.println(rule.toString().stripTrailing());
        for (List<Object> row : rows) {
            line(out, widths, row);
        }
    }

    private static void line(PrintWriter out, int[] widths, List<?> cells) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            String cell = i < cells.size() ? String.valueOf(cells.get(i)) : "";
            if (cell.length() > widths[i] && i < widths.length - 1) {
                cell = cell.substring(0, widths[i] - 1) + "…";
            }
            text.append(cell).append(" ".repeat(Math.max(0, widths[i] - cell.length()))).append("  ");
        }
        out.println(text.toString().stripTrailing());
    }
}
