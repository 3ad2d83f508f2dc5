package dev.charter.registry.bootstrap;

import dev.charter.platform.axon.AggregateCache;
import dev.charter.contracts.registry.RegistryEvent.RosterImported;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The one bootstrap import of a registry: a second import cannot create this aggregate again, even when
 * two race past the "registry has history" check.
 */
@Aggregate(cache = AggregateCache.BEAN)
public class RosterImport {

    public static final String ID = "roster-import";

    public record RecordRosterImport(@TargetAggregateIdentifier String id, String importId, int persons, int modules,
                                     int appointments) {
    }

    @AggregateIdentifier
    private String id;

    protected RosterImport() {
    }

    @CommandHandler
    public RosterImport(RecordRosterImport command) {
        apply(new RosterImported(command.importId(), command.persons(), command.modules(), command.appointments()));
    }

    @EventSourcingHandler
    void on(RosterImported event) {
        id = ID;
    }
}
