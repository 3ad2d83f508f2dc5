package dev.charter.contracts.registry;

/** Why a seat ended other than by moving to emeritus. */
public enum RemovalReason {
    REMOVED, LEAD_SEAT_VACATED, MODULE_RETIRED
}
