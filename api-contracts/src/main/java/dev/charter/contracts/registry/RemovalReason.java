package dev.charter.contracts.registry;

/**
 * Why a seat ended other than by moving to emeritus: a removal (R10, R12), the lead seat vacated (R12, R13), the
 * module retired (R15), or the core maintainers vetoed the group's decision that appointed the person (R7; since
 * revision 2 of MaintainerRemoved).
 */
public enum RemovalReason {
    REMOVED, LEAD_SEAT_VACATED, MODULE_RETIRED, VETOED
}
