package dev.charter.registry.person;

import dev.charter.platform.axon.AggregateCache;
import dev.charter.contracts.registry.ConflictKind;
import dev.charter.contracts.registry.RegistryEvent.AffiliationChanged;
import dev.charter.contracts.registry.RegistryEvent.ConflictOfInterestDeclared;
import dev.charter.contracts.registry.RegistryEvent.ConflictOfInterestWithdrawn;
import dev.charter.contracts.registry.RegistryEvent.PersonRegistered;
import dev.charter.platform.web.GovernanceException;
import dev.charter.platform.web.Text;
import dev.charter.registry.core.CoreMaintainers;
import dev.charter.registry.person.PersonCommands.ChangeAffiliation;
import dev.charter.registry.person.PersonCommands.DeclareConflict;
import dev.charter.registry.person.PersonCommands.RegisterPerson;
import dev.charter.registry.person.PersonCommands.WithdrawConflict;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An individual (R2): membership is for persons, never companies; affiliation is recorded with its
 * history but is never a seat. Holds the conflicts of interest the person declared (R10 recusal).
 */
@Aggregate(cache = AggregateCache.BEAN)
public class Person {

    @AggregateIdentifier
    private String personId;
    private String affiliation;
    private final Map<String, DeclaredConflict> conflicts = new LinkedHashMap<>();

    private record DeclaredConflict(String otherPersonId, ConflictKind kind) {
    }

    protected Person() {
    }

    /** R2: an individual is registered by themselves or by a core maintainer (or by the bootstrap import). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public PersonRegistered handle(RegisterPerson command, RegisteredPersons persons, CoreMaintainers core) {
        if (command.requestedBy() != null) {
            requireSelfOrCore(command.requestedBy(), command.personId(), core, "register " + command.personId());
        }
        if (persons.isRegistered(command.personId())) {
            throw new GovernanceException.Conflict("person-exists", command.personId() + " is already registered.");
        }
        PersonRegistered registered = new PersonRegistered(command.personId(), command.displayName().trim(),
                Text.blankToNull(command.affiliation()));
        apply(registered);
        return registered;
    }

    /** R2: the affiliation is recorded with its history, changed by the person or a core maintainer. */
    @CommandHandler
    public AffiliationChanged handle(ChangeAffiliation command, CoreMaintainers core) {
        requireSelfOrCore(command.requestedBy(), personId, core, "change " + personId + "'s affiliation");
        String next = Text.blankToNull(command.affiliation());
        if (Objects.equals(next, affiliation)) {
            throw new GovernanceException.Conflict("affiliation-unchanged",
                    personId + "'s affiliation is already " + (affiliation == null ? "independent" : affiliation) + ".");
        }
        AffiliationChanged changed = new AffiliationChanged(personId, next, affiliation);
        apply(changed);
        return changed;
    }

    /**
     * R10: a conflict of interest with another registered person, declared by either of the two or by a core
     * maintainer (or by the bootstrap import).
     */
    @CommandHandler
    public ConflictOfInterestDeclared handle(DeclareConflict command, RegisteredPersons persons,
                                             CoreMaintainers core) {
        if (!persons.isRegistered(command.otherPersonId())) {
            throw new GovernanceException.RuleViolation("not-a-registered-person", "R10",
                    "A conflict of interest is declared between registered persons; '" + command.otherPersonId()
                            + "' is not registered.");
        }
        if (command.requestedBy() != null) {
            requireEitherOrCore(command.requestedBy(), command.otherPersonId(), core,
                    "declare a conflict of interest between them");
        }
        if (command.otherPersonId().equals(personId)) {
            throw new GovernanceException.RuleViolation("self-conflict", "R10",
                    "A conflict of interest is between two different persons.");
        }
        boolean alreadyDeclared = conflicts.values().stream().anyMatch(c ->
                c.otherPersonId().equals(command.otherPersonId()) && c.kind() == command.kind());
        if (alreadyDeclared) {
            throw new GovernanceException.Conflict("conflict-already-declared",
                    "A " + command.kind() + " conflict between " + personId + " and " + command.otherPersonId()
                            + " is already declared.");
        }
        ConflictOfInterestDeclared declared = new ConflictOfInterestDeclared(personId, command.conflictId(),
                command.otherPersonId(), command.kind(), Text.blankToNull(command.description()));
        apply(declared);
        return declared;
    }

    /** R10: a declared conflict is withdrawn, with a reason, by either of the two or by a core maintainer. */
    @CommandHandler
    public void handle(WithdrawConflict command, CoreMaintainers core) {
        DeclaredConflict conflict = conflicts.get(command.conflictId());
        requireEitherOrCore(command.requestedBy(), conflict == null ? personId : conflict.otherPersonId(), core,
                "withdraw this conflict of interest");
        if (conflict == null) {
            throw new GovernanceException.NotFound("no-such-conflict",
                    personId + " has no declared conflict " + command.conflictId() + " in force.");
        }
        apply(new ConflictOfInterestWithdrawn(personId, command.conflictId(), conflict.otherPersonId(),
                command.reason().trim()));
    }

    /** DESIGN §5: a person's record is changed by the person themselves or by a core maintainer. */
    private static void requireSelfOrCore(String actor, String personId, CoreMaintainers core, String what) {
        if (!actor.equals(personId) && !core.isCoreMaintainer(actor)) {
            throw new GovernanceException.NotAllowed("not-allowed", null,
                    "Only " + personId + " or a core maintainer may " + what + ".");
        }
    }

    /** R10: a conflict of interest concerns its two persons; either of them, or a core maintainer, handles it. */
    private void requireEitherOrCore(String actor, String otherPersonId, CoreMaintainers core, String what) {
        if (!actor.equals(personId) && !actor.equals(otherPersonId) && !core.isCoreMaintainer(actor)) {
            throw new GovernanceException.NotAllowed("not-allowed", "R10",
                    "Only " + personId + ", " + otherPersonId + " or a core maintainer may " + what + ".");
        }
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
