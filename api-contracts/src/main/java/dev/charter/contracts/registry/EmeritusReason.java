package dev.charter.contracts.registry;

/**
 * Why a maintainer moved to emeritus (R14): the bootstrap import listed them as emeritus, or they were inactive
 * longer than the period and not active in the grace period after the notice.
 */
public enum EmeritusReason {
    IMPORTED, INACTIVITY
}
