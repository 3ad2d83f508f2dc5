package dev.charter.contracts.disputes;

/** What the core maintainers decided on a proposed veto (R7). */
public enum VetoOutcome {
    CARRIED, REJECTED
}
