package dev.charter.contracts.disputes;

/**
 * The controversial changes of R17 ("Controversial Decision Process"): they need a GitHub issue opened for
 * discussion and the approval of the core maintainers and of the affected modules' maintainers.
 * <ul>
 *   <li>SEMANTIC_OR_SYNTACTIC_CHANGE: any semantic or syntactic change to the framework or library;</li>
 *   <li>BACKWARDS_INCOMPATIBLE_API_CHANGE: a backwards-incompatible change to the Python or C++ API;</li>
 *   <li>CORE_ADDITION: an addition to the core framework or library, including substantial new functionality
 *       within an existing library;</li>
 *   <li>CORE_REMOVAL: a removal of core features or platform support.</li>
 * </ul>
 */
public enum ChangeKind {
    SEMANTIC_OR_SYNTACTIC_CHANGE, BACKWARDS_INCOMPATIBLE_API_CHANGE, CORE_ADDITION, CORE_REMOVAL
}
