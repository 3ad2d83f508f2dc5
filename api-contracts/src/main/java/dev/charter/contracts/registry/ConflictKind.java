package dev.charter.contracts.registry;

/** Kinds of declared conflict of interest between two persons (R10). */
public enum ConflictKind {
    FILIAL, ROMANTIC, OTHER
}
