package dev.charter.registry.person;

import dev.charter.contracts.registry.ConflictKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Commands of the {@link Person} aggregate. Ids are already normalised. {@code requestedBy} is the person asking,
 * whose right to do so the aggregate checks; the bootstrap import, checked as a whole, registers and declares with
 * none.
 */
public final class PersonCommands {

    private PersonCommands() {
    }

    public record RegisterPerson(@TargetAggregateIdentifier String personId, String displayName, String affiliation,
                                 String requestedBy) {
    }

    public record ChangeAffiliation(@TargetAggregateIdentifier String personId, String affiliation,
                                    String requestedBy) {
    }

    public record DeclareConflict(@TargetAggregateIdentifier String personId, String conflictId, String otherPersonId,
                                  ConflictKind kind, String description, String requestedBy) {
    }

    public record WithdrawConflict(@TargetAggregateIdentifier String personId, String conflictId, String reason,
                                   String requestedBy) {
    }
}
