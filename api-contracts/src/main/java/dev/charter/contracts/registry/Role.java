package dev.charter.contracts.registry;

/** A seat in a governance body (R1): module maintainer, core maintainer, or the lead (who is a core maintainer). */
public enum Role {
    MODULE_MAINTAINER, CORE_MAINTAINER, LEAD
}
