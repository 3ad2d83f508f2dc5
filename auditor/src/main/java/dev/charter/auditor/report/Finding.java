package dev.charter.auditor.report;

/**
 * Something a check found. A {@link Severity#FINDING} makes the run unclean (exit code 1); a {@link Severity#NOTE}
 * is reported and does not (e.g. an event delivered twice, which at-least-once delivery allows, DESIGN §3).
 *
 * @param check    the check that found it: verify, roster, tallies, decisions, reconcile
 * @param kind     what was found, e.g. TAMPERED, GAP, REORDERED, DUPLICATE, PARKED, TALLY_MISMATCH
 * @param stream   the stream concerned, or null
 * @param sequence the chain position concerned, or null
 * @param subject  the event, ballot, nomination… concerned, or null
 */
public record Finding(String check, Severity severity, String kind, String stream, Long sequence, String subject,
                      String message) {

    public enum Severity {
        FINDING, NOTE
    }

    public static Finding finding(String check, String kind, String stream, Long sequence, String subject,
                                  String message) {
        return new Finding(check, Severity.FINDING, kind, stream, sequence, subject, message);
    }

    public static Finding note(String check, String kind, String stream, Long sequence, String subject,
                               String message) {
        return new Finding(check, Severity.NOTE, kind, stream, sequence, subject, message);
    }

    /** A finding about a decoded event of a check. */
    public static Finding finding(String check, String kind, dev.charter.auditor.history.Decoded at, String subject,
                                  String message) {
        return finding(check, kind, at.stream(), at.chainSequence(), subject, message);
    }

    public boolean counts() {
        return severity == Severity.FINDING;
    }
}
