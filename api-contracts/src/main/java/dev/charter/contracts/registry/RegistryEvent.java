package dev.charter.contracts.registry;

import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.EventRevision;
import dev.charter.contracts.PublicEvent;
import dev.charter.contracts.voting.DecisionRule;

import java.time.LocalDate;

/**
 * The events of the registry stream ({@code charter.registry.v1}). The aggregate id (Kafka key,
 * CloudEvents subject) is the person id for person events, the module id for module events and
 * {@code core} for the core maintainers and the lead. When and by whom is in the metadata
 * (CloudEvents {@code time}, {@code actor}).
 */
public sealed interface RegistryEvent extends PublicEvent {

    /** An individual was registered (R2: persons, never companies). Ids are lower-case handles. */
    @EventRevision(1)
    record PersonRegistered(String personId, String displayName, String affiliation) implements RegistryEvent {
    }

    /** The person's affiliation changed; null means independent. Affiliation is never a seat (R2). */
    @EventRevision(1)
    record AffiliationChanged(String personId, String affiliation, String previousAffiliation)
            implements RegistryEvent {
    }

    /** A conflict of interest between two persons was declared (R10: recusal). */
    @EventRevision(1)
    record ConflictOfInterestDeclared(String personId, String conflictId, String otherPersonId, ConflictKind kind,
                                      String description) implements RegistryEvent {
    }

    @EventRevision(1)
    record ConflictOfInterestWithdrawn(String personId, String conflictId, String otherPersonId, String reason)
            implements RegistryEvent {
    }

    /** A module and its maintainer group came into being (R3, R15). */
    @EventRevision(1)
    record ModuleAdded(String moduleId, String name, ModuleKind kind, String location, String description,
                       DecisionRule decisionRule, NominationProcess nominationProcess, int inactivityPeriodDays,
                       DecisionRef decision) implements RegistryEvent {
    }

    /** A module's name, location or scope changed (R15). */
    @EventRevision(1)
    record ModuleRescoped(String moduleId, String name, ModuleKind kind, String location, String description,
                          DecisionRef decision) implements RegistryEvent {
    }

    /** A module was retired (R15); its maintainers' seats ended just before. */
    @EventRevision(1)
    record ModuleRetired(String moduleId, DecisionRef decision) implements RegistryEvent {
    }

    /**
     * The group adopted another decision rule (R4), or a veto restored the one it had (R7).
     *
     * @param decision the decision it came from (revision 2), e.g. the veto that restored the previous rule; null
     *                 for a change made directly
     */
    @EventRevision(2)
    record ModuleDecisionRuleChanged(String moduleId, DecisionRule decisionRule, DecisionRef decision)
            implements RegistryEvent {
    }

    /**
     * The group changed how its maintainers are nominated (R9), or a veto restored the previous process (R7).
     *
     * @param decision as for {@link ModuleDecisionRuleChanged} (revision 2)
     */
    @EventRevision(2)
    record ModuleNominationProcessChanged(String moduleId, NominationProcess nominationProcess, DecisionRef decision)
            implements RegistryEvent {
    }

    /**
     * The group changed its inactivity period before emeritus (R14), or a veto restored the previous one (R7).
     *
     * @param decision as for {@link ModuleDecisionRuleChanged} (revision 2)
     */
    @EventRevision(2)
    record ModuleInactivityPeriodChanged(String moduleId, int inactivityPeriodDays, DecisionRef decision)
            implements RegistryEvent {
    }

    /** The group published a vision, roadmap, design doc or meeting notes (R6). */
    @EventRevision(1)
    record PublicationAdded(String moduleId, String publicationId, PublicationKind kind, String title, String url,
                            LocalDate publishedOn) implements RegistryEvent {
    }

    /**
     * A person took a seat: a module's maintainer group (moduleId set), the core maintainers, or the
     * lead seat (R1). Names the decision it came from.
     */
    @EventRevision(1)
    record MaintainerAppointed(String personId, Role role, String moduleId, DecisionRef decision)
            implements RegistryEvent {
    }

    /**
     * A person's seat ended by a decision (R10, R12), because its module was retired, or because the core
     * maintainers vetoed the module group's decision that appointed them (R7: reason VETOED, decision the veto;
     * revision 2 added that reason).
     */
    @EventRevision(2)
    record MaintainerRemoved(String personId, Role role, String moduleId, RemovalReason reason, DecisionRef decision)
            implements RegistryEvent {
    }

    /** A maintainer moved to emeritus status (R14); their seat ended. */
    @EventRevision(1)
    record MovedToEmeritus(String personId, Role role, String moduleId, DecisionRef decision)
            implements RegistryEvent {
    }

    /** An existing roster was imported into the empty registry; every event of the import names it. */
    @EventRevision(1)
    record RosterImported(String importId, int persons, int modules, int appointments)
            implements RegistryEvent {
    }
}
