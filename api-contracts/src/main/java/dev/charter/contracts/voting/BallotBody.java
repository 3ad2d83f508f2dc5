package dev.charter.contracts.voting;

/** Who votes (DESIGN §2): the core maintainers, one module's maintainers, the lead alone, or the core maintainers with the maintainers of the affected modules (R17). */
public enum BallotBody {
    CORE_MAINTAINERS, MODULE_MAINTAINERS, LEAD, CORE_AND_AFFECTED_MODULES
}
