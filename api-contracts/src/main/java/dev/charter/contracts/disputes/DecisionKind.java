package dev.charter.contracts.disputes;

/**
 * What kind of module-level decision a dispute (R5) or a veto (R7) is about (DESIGN §7).
 * <ul>
 *   <li>MOTION: a closed ballot of a module's maintainer group on a motion (R4), on the voting stream;</li>
 *   <li>MODULE_NOMINATION: a module-maintainer nomination decided by the module's own group (R9), on the
 *       nominations stream;</li>
 *   <li>SETTINGS_CHANGE: a change of a module's decision rule, nomination process or inactivity period (R4, R9,
 *       R14), on the registry stream;</li>
 *   <li>PUBLICATION: a publication of a module's group (R6), on the registry stream;</li>
 *   <li>EXTERNAL: a decision taken elsewhere (a merged pull request, a design decision on an issue), named by
 *       its https URL and attributed to a module's group.</li>
 * </ul>
 */
public enum DecisionKind {
    MOTION, MODULE_NOMINATION, SETTINGS_CHANGE, PUBLICATION, EXTERNAL
}
