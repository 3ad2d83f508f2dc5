package dev.charter.registry.person;

import dev.charter.contracts.registry.ConflictKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of the {@link Person} aggregate. Ids are already normalised. */
public final class PersonCommands {

    private PersonCommands() {
    }

    public record RegisterPerson(@TargetAggregateIdentifier String personId, String displayName, String affiliation) {
    }

    public record ChangeAffiliation(@TargetAggregateIdentifier String personId, String affiliation) {
    }

    public record DeclareConflict(@TargetAggregateIdentifier String personId, String conflictId, String otherPersonId,
                                  ConflictKind kind, String description) {
    }

    public record WithdrawConflict(@TargetAggregateIdentifier String personId, String conflictId, String reason) {
    }
}
