package dev.charter.registry.bootstrap;

import dev.charter.contracts.DecisionRef;
import dev.charter.platform.web.GovernanceException;
import dev.charter.registry.RegistryProperties;
import dev.charter.registry.bootstrap.RosterDocument.ConflictEntry;
import dev.charter.registry.bootstrap.RosterDocument.ModuleEntry;
import dev.charter.registry.bootstrap.RosterDocument.PersonEntry;
import dev.charter.registry.bootstrap.RosterValidation.ValidRoster;
import dev.charter.registry.core.CoreCommands.AppointCoreMaintainer;
import dev.charter.registry.core.CoreCommands.AppointLead;
import dev.charter.registry.core.CoreCommands.MoveCoreMaintainerToEmeritus;
import dev.charter.registry.module.ModuleCommands.AddModule;
import dev.charter.registry.module.ModuleCommands.MoveModuleMaintainerToEmeritus;
import dev.charter.registry.person.PersonCommands.DeclareConflict;
import dev.charter.registry.person.PersonCommands.RegisterPerson;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Imports an existing roster into an empty registry: persons with affiliations, declared conflicts, modules
 * with their maintainers and emeritus lists, core maintainers, the lead and core emeritus. Only a configured
 * bootstrap operator imports (anyone while none is configured). The document is checked whole first
 * ({@link RosterValidation}); then everything is written in one transaction, every seat naming the import as its
 * decision, or nothing is. Refused once the registry has any history.
 */
@Component
public class RosterImporter {

    private static final Logger log = LoggerFactory.getLogger(RosterImporter.class);

    private final CommandGateway commands;
    private final TransactionTemplate transactions;
    private final EventStore eventStore;
    private final RegistryProperties properties;
    private final Clock clock;

    public record Report(String importId, int persons, int modules, int appointments) {
    }

    public RosterImporter(CommandGateway commands, TransactionTemplate transactions, EventStore eventStore,
                          RegistryProperties properties, Clock clock) {
        this.commands = commands;
        this.transactions = transactions;
        this.eventStore = eventStore;
        this.properties = properties;
        this.clock = clock;
    }

    /** Imports the document for {@code operator}, one of the configured bootstrap operators. */
    public Report importRoster(RosterDocument document, String operator) {
        requireBootstrapOperator(operator);
        ValidRoster roster = RosterValidation.validate(document, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        long started = System.nanoTime();
        Report report = transactions.execute(status -> {
            if (hasHistory()) {
                throw new GovernanceException.Conflict("registry-has-history",
                        "The registry already has history; a roster is imported only into an empty registry.");
            }
            return apply(roster);
        });
        log.info("Imported roster {}: {} persons, {} modules, {} appointments in {} ms", report.importId(),
                report.persons(), report.modules(), report.appointments(), (System.nanoTime() - started) / 1_000_000);
        return report;
    }

    /** Whether the registry's event store holds any event. */
    public boolean hasHistory() {
        return eventStore.createHeadToken() != null;
    }

    private Report apply(ValidRoster roster) {
        String importId = UUID.randomUUID().toString();
        DecisionRef decision = DecisionRef.bootstrap(importId);
        int appointments = 0;
        for (PersonEntry person : roster.persons()) {
            commands.sendAndWait(new RegisterPerson(person.id(), person.name(), person.affiliation(), null));
        }
        for (ConflictEntry conflict : roster.conflicts()) {
            commands.sendAndWait(new DeclareConflict(conflict.person(), UUID.randomUUID().toString(),
                    conflict.other(), conflict.kind(), conflict.description(), null));
        }
        for (ModuleEntry module : roster.modules()) {
            commands.sendAndWait(new AddModule(module.id(), module.name(), module.kind(), module.location(),
                    module.description(), module.decisionRule(), module.nominationProcess(),
                    module.inactivityPeriodDays(), module.maintainers(), decision, instants(module.appointedOn())));
            appointments += module.maintainers().size();
            for (String emeritus : module.emeritus()) {
                commands.sendAndWait(new MoveModuleMaintainerToEmeritus(module.id(), emeritus, decision));
            }
        }
        for (String core : roster.coreMaintainers()) {
            commands.sendAndWait(new AppointCoreMaintainer(core, decision,
                    instants(roster.coreAppointedOn()).get(core)));
            appointments++;
        }
        if (roster.lead() != null) {
            commands.sendAndWait(new AppointLead(roster.lead(), decision));
            appointments++;
        }
        for (String emeritus : roster.coreEmeritus()) {
            commands.sendAndWait(new MoveCoreMaintainerToEmeritus(emeritus, decision));
        }
        commands.sendAndWait(new RosterImport.RecordRosterImport(RosterImport.ID, importId,
                roster.persons().size(), roster.modules().size(), appointments));
        return new Report(importId, roster.persons().size(), roster.modules().size(), appointments);
    }

    /** R14: appointment dates as the start of each day, UTC. */
    private static Map<String, Instant> instants(Map<String, LocalDate> dates) {
        Map<String, Instant> result = new HashMap<>();
        dates.forEach((id, date) -> result.put(id, date.atStartOfDay(ZoneOffset.UTC).toInstant()));
        return result;
    }

    /** The configured bootstrap operators; anyone authenticated when none is configured. */
    private void requireBootstrapOperator(String operator) {
        if (!properties.bootstrapOperators().isEmpty() && !properties.bootstrapOperators().contains(operator)) {
            throw new GovernanceException.NotAllowed("not-an-operator", null,
                    "Only the configured bootstrap operators may import a roster.");
        }
    }
}
