package dev.charter.registry.module;

import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.disputes.ModuleSettings;
import dev.charter.contracts.registry.ModuleKind;
import dev.charter.contracts.registry.NominationProcess;
import dev.charter.contracts.registry.PublicationKind;
import dev.charter.contracts.voting.DecisionRule;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/** Commands of the {@link Module} aggregate: the module and its maintainer group. */
public final class ModuleCommands {

    private ModuleCommands() {
    }

    public record AddModule(@TargetAggregateIdentifier String moduleId, String name, ModuleKind kind, String location,
                            String description, DecisionRule decisionRule, NominationProcess nominationProcess,
                            int inactivityPeriodDays, List<String> initialMaintainers, DecisionRef decision) {
    }

    public record RescopeModule(@TargetAggregateIdentifier String moduleId, String name, ModuleKind kind,
                                String location, String description, DecisionRef decision) {
    }

    public record RetireModule(@TargetAggregateIdentifier String moduleId, DecisionRef decision) {
    }

    /** @param requestedBy the person asking: a maintainer of the module or a core maintainer (R4) */
    public record ChangeModuleSettings(@TargetAggregateIdentifier String moduleId, DecisionRule decisionRule,
                                       NominationProcess nominationProcess, int inactivityPeriodDays,
                                       String requestedBy) {
    }

    /** A group's settings after a change (R4, R9, R14). */
    public record Settings(DecisionRule decisionRule, NominationProcess nominationProcess, int inactivityPeriodDays) {
    }

    /** @param requestedBy the person publishing: a maintainer of the module or a core maintainer (R6) */
    public record AddPublication(@TargetAggregateIdentifier String moduleId, String publicationId, PublicationKind kind,
                                 String title, String url, LocalDate publishedOn, String requestedBy) {
    }

    public record AppointModuleMaintainer(@TargetAggregateIdentifier String moduleId, String personId,
                                          DecisionRef decision) {
    }

    public record RemoveModuleMaintainer(@TargetAggregateIdentifier String moduleId, String personId,
                                         DecisionRef decision) {
    }

    public record MoveModuleMaintainerToEmeritus(@TargetAggregateIdentifier String moduleId, String personId,
                                                 DecisionRef decision) {
    }

    /** R7: the core maintainers vetoed the group's confirmation of this maintainer (R9): the appointment ends. */
    public record EndVetoedAppointment(@TargetAggregateIdentifier String moduleId, String personId, DecisionRef veto) {
    }

    /**
     * R7: the core maintainers vetoed a change of the group's settings: each setting the change made is restored
     * to what it replaced.
     *
     * @param before the setting as the vetoed change found it (only the changed one set)
     * @param after  the setting as the vetoed change left it
     */
    public record RestoreModuleSettings(@TargetAggregateIdentifier String moduleId, ModuleSettings before,
                                        ModuleSettings after, DecisionRef veto) {
    }
}
