package dev.charter.contracts.nominations;

/** What a nomination asks for (R9, R10, R11, R12). */
public enum NominationKind {
    MODULE_MAINTAINER, CORE_MAINTAINER, REMOVAL, LEAD_REMOVAL
}
