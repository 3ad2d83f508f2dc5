package dev.charter.auditor.decisions;

import dev.charter.auditor.report.Finding;
import dev.charter.auditor.report.Report;

import java.util.ArrayList;
import java.util.List;

/** {@code decisions}: every decision check, one after the other. */
public final class DecisionChecks {

    public static final List<DecisionCheck> ALL = List.of(
            new NominationEffects(),
            new LeadVacancyEffects(),
            new Reasoning(),
            new Electorates());

    private DecisionChecks() {
    }

    public static List<Finding> run(Governance governance) {
        List<Finding> findings = new ArrayList<>();
        for (DecisionCheck check : ALL) {
            check.check(governance, findings);
        }
        return findings;
    }

    public static void reportTo(Report report, Governance governance) {
        List<Finding> findings = run(governance);
        report.addAll(findings);
        List<List<Object>> rows = new ArrayList<>();
        for (DecisionCheck check : ALL) {
            String name = check.getClass().getSimpleName();
            long found = findings.stream().filter(f -> f.counts() && name.equals(checkOf(f))).count();
            rows.add(List.of(check.describe(), found == 0 ? "holds" : found + " finding(s)"));
        }
        report.section("decisions", new Report.Section("Decisions and their effects", List.of("check", "result"), rows));
    }

    private static String checkOf(Finding finding) {
        return switch (finding.kind()) {
            case "EFFECT_MISSING", "EFFECT_UNEXPECTED", "DECISION_AGAINST_BALLOT", "DECIDER_NOT_IN_BODY" ->
                    "NominationEffects";
            case "VACANCY_MISSING", "ELECTION_MISSING", "LEAD_RULE", "LEAD_NOT_SEATED" -> "LeadVacancyEffects";
            case "REASONING_MISSING" -> "Reasoning";
            case "ELECTORATE_MISMATCH", "RECUSAL_MISMATCH" -> "Electorates";
            default -> "";
        };
    }
}
