package dev.charter.registry.bootstrap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.charter.contracts.DecisionRef;
import dev.charter.platform.security.PersonIds;
import dev.charter.platform.web.GovernanceException;
import dev.charter.platform.web.Problems;
import dev.charter.registry.bootstrap.RosterDocument.ConflictEntry;
import dev.charter.registry.bootstrap.RosterDocument.ModuleEntry;
import dev.charter.registry.bootstrap.RosterDocument.PersonEntry;
import dev.charter.registry.core.CoreCommands.AppointCoreMaintainer;
import dev.charter.registry.core.CoreCommands.AppointLead;
import dev.charter.registry.core.CoreCommands.MoveCoreMaintainerToEmeritus;
import dev.charter.registry.module.ModuleCommands.AddModule;
import dev.charter.registry.module.ModuleCommands.MoveModuleMaintainerToEmeritus;
import dev.charter.registry.module.ModuleRules;
import dev.charter.registry.person.PersonCommands.DeclareConflict;
import dev.charter.registry.person.PersonCommands.RegisterPerson;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Imports an existing roster into an empty registry: persons with affiliations, declared conflicts, modules
 * with their maintainers and emeritus lists, core maintainers, the lead and core emeritus. The document is
 * checked whole first (every problem is reported at once); then everything is written in one transaction,
 * every seat naming the import as its decision, or nothing is. Refused once the registry has any history.
 */
@Component
public class RosterImporter {

    private static final Logger log = LoggerFactory.getLogger(RosterImporter.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final CommandGateway commands;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    public record Report(String importId, int persons, int modules, int appointments) {
    }

    public RosterImporter(CommandGateway commands, TransactionTemplate transactions, JdbcClient jdbc) {
        this.commands = commands;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    public static RosterDocument parse(String yaml) {
        if (yaml == null || yaml.isBlank()) {
            throw new GovernanceException.BadInput("invalid-roster", "The roster document is empty.");
        }
        try {
            RosterDocument document = YAML.readValue(yaml, RosterDocument.class);
            if (document == null) {
                throw new GovernanceException.BadInput("invalid-roster", "The roster document is empty.");
            }
            return document;
        } catch (UnrecognizedPropertyException e) {
            throw new GovernanceException.BadInput("invalid-roster", "Unknown field '" + e.getPropertyName()
                    + "' at " + location(e) + ".");
        } catch (JsonMappingException e) {
            throw new GovernanceException.BadInput("invalid-roster", "Invalid roster document at " + location(e) + ": "
                    + e.getOriginalMessage());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new GovernanceException.BadInput("invalid-roster", "Not valid YAML: " + e.getOriginalMessage());
        }
    }

    public Report importRoster(RosterDocument document) {
        Normalized roster = validate(document);
        long started = System.nanoTime();
        Report report = transactions.execute(status -> {
            if (hasHistory()) {
                throw new GovernanceException.Conflict("registry-has-history",
                        "The registry already has history; a roster is imported only into an empty registry.");
            }
            String importId = UUID.randomUUID().toString();
            DecisionRef decision = DecisionRef.bootstrap(importId);
            int appointments = 0;
            for (PersonEntry person : roster.persons()) {
                commands.sendAndWait(new RegisterPerson(person.id(), person.name(), person.affiliation()));
            }
            for (ConflictEntry conflict : roster.conflicts()) {
                commands.sendAndWait(new DeclareConflict(conflict.person(), UUID.randomUUID().toString(),
                        conflict.other(), conflict.kind(), conflict.description()));
            }
            for (ModuleEntry module : roster.modules()) {
                commands.sendAndWait(new AddModule(module.id(), module.name(), module.kind(), module.location(),
                        module.description(), module.decisionRule(), module.nominationProcess(),
                        module.inactivityPeriodDays(), module.maintainers(), decision));
                appointments += module.maintainers().size();
                for (String emeritus : module.emeritus()) {
                    commands.sendAndWait(new MoveModuleMaintainerToEmeritus(module.id(), emeritus, decision));
                }
            }
            for (String core : roster.coreMaintainers()) {
                commands.sendAndWait(new AppointCoreMaintainer(core, decision));
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
        });
        log.info("Imported roster {}: {} persons, {} modules, {} appointments in {} ms", report.importId(),
                report.persons(), report.modules(), report.appointments(), (System.nanoTime() - started) / 1_000_000);
        return report;
    }

    public boolean hasHistory() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM domainevententry)").query(Boolean.class).single();
    }

    record Normalized(String lead, List<String> coreMaintainers, List<String> coreEmeritus,
                              List<PersonEntry> persons, List<ModuleEntry> modules, List<ConflictEntry> conflicts) {
    }

    /** Checks the whole document and normalises ids; reports every violation at once (422). */
    static Normalized validate(RosterDocument document) {
        List<Map<String, String>> violations = new ArrayList<>();
        Set<String> persons = new HashSet<>();
        List<PersonEntry> personEntries = new ArrayList<>();
        for (int i = 0; i < document.persons().size(); i++) {
            PersonEntry person = document.persons().get(i);
            String field = "persons[" + i + "]";
            String id = check(violations, field + ".id", () -> PersonIds.normalize(person.id()));
            if (person.name() == null || person.name().isBlank()) {
                violations.add(Problems.violation(field + ".name", "a person needs a name"));
            }
            if (id != null && !persons.add(id)) {
                violations.add(Problems.violation(field + ".id", "'" + id + "' is listed twice"));
            }
            personEntries.add(new PersonEntry(id, person.name(), person.affiliation()));
        }
        if (personEntries.isEmpty()) {
            violations.add(Problems.violation("persons", "a roster lists at least one person"));
        }
        List<String> core = references(violations, "coreMaintainers", document.coreMaintainers(), persons);
        List<String> coreEmeritus = references(violations, "coreEmeritus", document.coreEmeritus(), persons);
        String lead = null;
        if (document.lead() != null) {
            lead = check(violations, "lead", () -> PersonIds.normalize(document.lead()));
            if (lead != null && !core.contains(lead)) {
                violations.add(Problems.violation("lead", "the lead is one of the core maintainers (R1)"));
            }
        }
        core.stream().filter(coreEmeritus::contains).forEach(id -> violations.add(
                Problems.violation("coreEmeritus", "'" + id + "' cannot be both core maintainer and emeritus")));

        Set<String> moduleIds = new HashSet<>();
        List<ModuleEntry> modules = new ArrayList<>();
        for (int i = 0; i < document.modules().size(); i++) {
            ModuleEntry module = document.modules().get(i);
            String field = "modules[" + i + "]";
            String id = check(violations, field + ".id", () -> ModuleRules.moduleId(module.id()));
            if (id != null && !moduleIds.add(id)) {
                violations.add(Problems.violation(field + ".id", "module '" + id + "' is listed twice"));
            }
            if (module.name() == null || module.name().isBlank()) {
                violations.add(Problems.violation(field + ".name", "a module needs a name"));
            }
            if (module.kind() == null) {
                violations.add(Problems.violation(field + ".kind", "REPOSITORY or DIRECTORY (R3)"));
            } else {
                check(violations, field + ".location", () -> ModuleRules.location(module.kind(), module.location()));
            }
            check(violations, field + ".decisionRule", () -> ModuleRules.groupDecisionRule(module.decisionRule()));
            int inactivity = module.inactivityPeriodDays() == null ? 365 : module.inactivityPeriodDays();
            check(violations, field + ".inactivityPeriodDays", () -> ModuleRules.inactivityPeriodDays(inactivity));
            List<String> maintainers = references(violations, field + ".maintainers", module.maintainers(), persons);
            List<String> emeritus = references(violations, field + ".emeritus", module.emeritus(), persons);
            maintainers.stream().filter(emeritus::contains).forEach(p -> violations.add(Problems.violation(
                    field + ".emeritus", "'" + p + "' cannot be both maintainer and emeritus")));
            modules.add(new ModuleEntry(id, module.name(), module.kind(), module.location(), module.description(),
                    module.decisionRule(), module.nominationProcess(), inactivity, maintainers, emeritus));
        }

        List<ConflictEntry> conflicts = new ArrayList<>();
        for (int i = 0; i < document.conflicts().size(); i++) {
            ConflictEntry conflict = document.conflicts().get(i);
            String field = "conflicts[" + i + "]";
            List<String> pair = references(violations, field, java.util.Arrays.asList(conflict.person(),
                    conflict.other()), persons);
            if (conflict.kind() == null) {
                violations.add(Problems.violation(field + ".kind", "FILIAL, ROMANTIC or OTHER"));
            }
            if (pair.size() == 2) {
                if (pair.get(0).equals(pair.get(1))) {
                    violations.add(Problems.violation(field, "a conflict is between two different persons"));
                }
                conflicts.add(new ConflictEntry(pair.get(0), pair.get(1), conflict.kind(), conflict.description()));
            }
        }
        if (!violations.isEmpty()) {
            throw new GovernanceException.RuleViolation("invalid-roster", null,
                    "The roster cannot be imported: " + violations.size() + " problem(s).").withViolations(violations);
        }
        return new Normalized(lead, core, coreEmeritus, personEntries, modules, conflicts);
    }

    private static List<String> references(List<Map<String, String>> violations, String field, List<String> ids,
                                           Set<String> persons) {
        List<String> result = new ArrayList<>();
        for (String raw : ids) {
            String id = check(violations, field, () -> PersonIds.normalize(raw));
            if (id == null) {
                continue;
            }
            if (!persons.contains(id)) {
                violations.add(Problems.violation(field, "'" + id + "' is not listed under persons"));
            } else if (result.contains(id)) {
                violations.add(Problems.violation(field, "'" + id + "' is listed twice"));
            } else {
                result.add(id);
            }
        }
        return result;
    }

    private static <T> T check(List<Map<String, String>> violations, String field, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (GovernanceException e) {
            violations.add(Problems.violation(field, e.getMessage()));
            return null;
        }
    }

    private static String location(JsonMappingException e) {
        return e.getPath().isEmpty() ? "the top" : e.getPathReference();
    }
}
