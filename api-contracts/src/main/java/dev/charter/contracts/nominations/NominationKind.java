package dev.charter.contracts.nominations;

/**
 * What a nomination asks for: a module-maintainer seat (R9), a core-maintainer seat (R11), the removal of a
 * module or core maintainer (R10), the removal of the lead from the lead seat (R12), or the core maintainers'
 * declaration that the lead is permanently unavailable (R13), which vacates the lead seat like a removal.
 */
public enum NominationKind {
    MODULE_MAINTAINER, CORE_MAINTAINER, REMOVAL, LEAD_REMOVAL, LEAD_UNAVAILABLE
}
