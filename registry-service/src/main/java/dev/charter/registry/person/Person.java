package dev.charter.registry.person;

import dev.charter.contracts.registry.ConflictKind;
import dev.charter.platform.web.Text;
import dev.charter.contracts.registry.RegistryEvent.AffiliationChanged;
import dev.charter.contracts.registry.RegistryEvent.ConflictOfInterestDeclared;
import dev.charter.contracts.registry.RegistryEvent.ConflictOfInterestWithdrawn;
import dev.charter.contracts.registry.RegistryEvent.PersonRegistered;
import dev.charter.platform.web.GovernanceException;
import dev.charter.registry.person.PersonCommands.ChangeAffiliation;
import dev.charter.registry.person.PersonCommands.DeclareConflict;
import dev.charter.registry.person.PersonCommands.RegisterPerson;
import dev.charter.registry.person.PersonCommands.WithdrawConflict;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An individual (R2): membership is for persons, never companies; affiliation is recorded with its
 * history but is never a seat. Holds the conflicts of interest the person declared (R10 recusal).
 */
@Aggregate
public class Person {

    @AggregateIdentifier
    private String personId;
    private String affiliation;
    private final Map<String, DeclaredConflict> conflicts = new LinkedHashMap<>();

    private record DeclaredConflict(String otherPersonId, ConflictKind kind) {
    }

    protected Person() {
    }

    @CommandHandler
    public Person(RegisterPerson command) {
        apply(new PersonRegistered(command.personId(), command.displayName().trim(), Text.blankToNull(command.affiliation())));
    }

    @CommandHandler
    public void handle(ChangeAffiliation command) {
        String next = Text.blankToNull(command.affiliation());
        if (Objects.equals(next, affiliation)) {
            throw new GovernanceException.Conflict("affiliation-unchanged",
                    personId + "'s affiliation is already " + (affiliation == null ? "independent" : affiliation) + ".");
        }
        apply(new AffiliationChanged(personId, next, affiliation));
    }

    @CommandHandler
    public void handle(DeclareConflict command) {
        if (command.otherPersonId().equals(personId)) {
            throw new GovernanceException.RuleViolation("self-conflict", "R10",
                    "A conflict of interest is between two different persons.");
        }
        boolean declared = conflicts.values().stream().anyMatch(c ->
                c.otherPersonId().equals(command.otherPersonId()) && c.kind() == command.kind());
        if (declared) {
            throw new GovernanceException.Conflict("conflict-already-declared",
                    "A " + command.kind() + " conflict between " + personId + " and " + command.otherPersonId()
                            + " is already declared.");
        }
        apply(new ConflictOfInterestDeclared(personId, command.conflictId(), command.otherPersonId(), command.kind(),
                Text.blankToNull(command.description())));
    }

    @CommandHandler
    public void handle(WithdrawConflict command) {
        DeclaredConflict conflict = conflicts.get(command.conflictId());
        if (conflict == null) {
            throw new GovernanceException.NotFound("no-such-conflict",
                    personId + " has no declared conflict " + command.conflictId() + " in force.");
        }
        apply(new ConflictOfInterestWithdrawn(personId, command.conflictId(), conflict.otherPersonId(),
                command.reason().trim()));
    }

    @EventSourcingHandler
    void on(PersonRegistered event) {
        personId = event.personId();
        affiliation = event.affiliation();
    }

    @EventSourcingHandler
    void on(AffiliationChanged event) {
        affiliation = event.affiliation();
    }

    @EventSourcingHandler
    void on(ConflictOfInterestDeclared event) {
        conflicts.put(event.conflictId(), new DeclaredConflict(event.otherPersonId(), event.kind()));
    }

    @EventSourcingHandler
    void on(ConflictOfInterestWithdrawn event) {
        conflicts.remove(event.conflictId());
    }

}
