package dev.charter.auditor.decisions;

import dev.charter.auditor.report.Finding;

import java.util.List;

/**
 * One rule about decisions and their effects across streams. Add a check by writing a class and listing it in
 * {@link DecisionChecks#ALL} (e.g. a carried veto followed by its effect, once the disputes stream exists).
 */
public interface DecisionCheck {

    String CHECK = "decisions";

    /** What it checks, in a few words, with its R-numbers. */
    String describe();

    void check(Governance governance, List<Finding> findings);
}
