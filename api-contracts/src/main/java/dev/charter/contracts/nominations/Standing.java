package dev.charter.contracts.nominations;

/** A person's highest role at the moment they acted, as the nomination service's copy of the roster had it. */
public enum Standing {
    LEAD, CORE_MAINTAINER, MODULE_MAINTAINER, COMMUNITY
}
