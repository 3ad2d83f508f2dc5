package dev.charter.contracts.disputes;

/**
 * Where one body's approval ballot of a controversial change stands (R17): not closed yet, closed with the
 * ballot's outcome, or cancelled because the proposal was rejected by another body or withdrawn.
 */
public enum ApprovalOutcome {
    PENDING, CARRIED, REJECTED, NO_QUORUM, TIED, CANCELLED
}
