package dev.charter.platform.testapp;

import dev.charter.contracts.registry.RegistryEvent.AffiliationChanged;
import dev.charter.contracts.registry.RegistryEvent.PersonRegistered;
import dev.charter.platform.web.GovernanceException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A test aggregate that applies public registry events. */
@Aggregate
public class Member {

    public record Join(@TargetAggregateIdentifier String id, String name) {
    }

    public record ChangeAffiliation(@TargetAggregateIdentifier String id, String affiliation) {
    }

    @AggregateIdentifier
    private String id;
    private String affiliation;

    protected Member() {
    }

    @CommandHandler
    public Member(Join command) {
        if (command.name().isBlank()) {
            throw new GovernanceException.RuleViolation("blank-name", "R2", "A member needs a name.");
        }
        apply(new PersonRegistered(command.id(), command.name(), null));
    }

    @CommandHandler
    public void handle(ChangeAffiliation command) {
        TestHooks.pauseIfHeld();
        if (Objects.equals(affiliation, command.affiliation())) {
            throw new GovernanceException.Conflict("unchanged", "The affiliation is already " + affiliation);
        }
        apply(new AffiliationChanged(id, command.affiliation(), affiliation));
    }

    @EventSourcingHandler
    void on(PersonRegistered event) {
        id = event.personId();
    }

    @EventSourcingHandler
    void on(AffiliationChanged event) {
        affiliation = event.affiliation();
    }
}
