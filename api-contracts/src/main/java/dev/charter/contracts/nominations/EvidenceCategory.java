package dev.charter.contracts.nominations;

/**
 * What a piece of evidence speaks to: contributions (R9, R11), the grounds of a removal (R10, R12, R13:
 * activity, changed direction, unfitness, conflicts of interest), or any other relevant information.
 */
public enum EvidenceCategory {
    CONTRIBUTIONS, ACTIVITY, CHANGED_DIRECTION, UNFITNESS, CONFLICT_OF_INTEREST, OTHER
}
