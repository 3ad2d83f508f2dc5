package dev.charter.contracts.disputes;

/** The result of a controversial-change proposal (R17): approved when every body's ballot carried. */
public enum ChangeVerdict {
    APPROVED, REJECTED
}
