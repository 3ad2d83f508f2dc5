package dev.charter.contracts.nominations;

/** Why the lead seat became vacant (R13). */
public enum VacancyReason {
    REMOVED, PERMANENTLY_UNAVAILABLE
}
