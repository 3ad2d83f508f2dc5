package dev.charter.registry.core;

import dev.charter.contracts.DecisionRef;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of the {@link CoreGroup}: the core maintainers and the lead seat. */
public final class CoreCommands {

    private CoreCommands() {
    }

    public record AppointCoreMaintainer(@TargetAggregateIdentifier String groupId, String personId,
                                        DecisionRef decision) {
        public AppointCoreMaintainer(String personId, DecisionRef decision) {
            this(CoreGroup.ID, personId, decision);
        }
    }

    public record RemoveCoreMaintainer(@TargetAggregateIdentifier String groupId, String personId,
                                       DecisionRef decision) {
        public RemoveCoreMaintainer(String personId, DecisionRef decision) {
            this(CoreGroup.ID, personId, decision);
        }
    }

    public record MoveCoreMaintainerToEmeritus(@TargetAggregateIdentifier String groupId, String personId,
                                               DecisionRef decision) {
        public MoveCoreMaintainerToEmeritus(String personId, DecisionRef decision) {
            this(CoreGroup.ID, personId, decision);
        }
    }

    public record AppointLead(@TargetAggregateIdentifier String groupId, String personId, DecisionRef decision) {
        public AppointLead(String personId, DecisionRef decision) {
            this(CoreGroup.ID, personId, decision);
        }
    }

    public record VacateLeadSeat(@TargetAggregateIdentifier String groupId, String personId, DecisionRef decision) {
        public VacateLeadSeat(String personId, DecisionRef decision) {
            this(CoreGroup.ID, personId, decision);
        }
    }
}
