package dev.charter.registry.bootstrap;

import dev.charter.platform.roster.ModuleIds;
import dev.charter.platform.security.PersonIds;
import dev.charter.platform.web.GovernanceException;
import dev.charter.platform.web.Problems;
import dev.charter.registry.bootstrap.RosterDocument.ConflictEntry;
import dev.charter.registry.bootstrap.RosterDocument.ModuleEntry;
import dev.charter.registry.bootstrap.RosterDocument.PersonEntry;
import dev.charter.platform.roster.ModuleRules;

import java.util.ArrayList;
import java.util.Arrays;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Checks a roster document whole before anything is imported, and normalises it: handles and module ids
 * lower-case, every reference to a listed person, the lead among the core maintainers (R1), nobody both seated and
 * emeritus, module locations (R3), group decision rules (R4) and inactivity periods (R14) as the aggregates accept
 * them. Every problem is reported at once (422, with field violations). Pure.
 */
public final class RosterValidation {

    private RosterValidation() {
    }

    /** A roster that passed every check, ids normalised, ready to apply. */
    public record ValidRoster(String lead, List<String> coreMaintainers, List<String> coreEmeritus,
                              List<PersonEntry> persons, List<ModuleEntry> modules, List<ConflictEntry> conflicts,
                              Map<String, LocalDate> coreAppointedOn) {
    }

    /**
     * Checks the whole document and normalises ids; reports every violation at once (422). Appointment dates are of
     * listed seats and not after {@code today}.
     */
    public static ValidRoster validate(RosterDocument document, LocalDate today) {
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
        Map<String, LocalDate> coreAppointedOn = appointedOn(violations, "coreAppointedOn",
                document.coreAppointedOn(), core, today);

        Set<String> moduleIds = new HashSet<>();
        List<ModuleEntry> modules = new ArrayList<>();
        for (int i = 0; i < document.modules().size(); i++) {
            ModuleEntry module = document.modules().get(i);
            String field = "modules[" + i + "]";
            String id = check(violations, field + ".id", () -> ModuleIds.normalize(module.id()));
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
            int inactivity = module.inactivityPeriodDays() == null ? ModuleRules.DEFAULT_INACTIVITY_DAYS : module.inactivityPeriodDays();
            check(violations, field + ".inactivityPeriodDays", () -> ModuleRules.inactivityPeriodDays(inactivity));
            List<String> maintainers = references(violations, field + ".maintainers", module.maintainers(), persons);
            List<String> emeritus = references(violations, field + ".emeritus", module.emeritus(), persons);
            maintainers.stream().filter(emeritus::contains).forEach(p -> violations.add(Problems.violation(
                    field + ".emeritus", "'" + p + "' cannot be both maintainer and emeritus")));
            Map<String, LocalDate> appointed = appointedOn(violations, field + ".appointedOn", module.appointedOn(),
                    maintainers, today);
            modules.add(new ModuleEntry(id, module.name(), module.kind(), module.location(), module.description(),
                    module.decisionRule(), module.nominationProcess(), inactivity, maintainers, emeritus,
                    appointed));
        }

        List<ConflictEntry> conflicts = new ArrayList<>();
        for (int i = 0; i < document.conflicts().size(); i++) {
            ConflictEntry conflict = document.conflicts().get(i);
            String field = "conflicts[" + i + "]";
            List<String> pair = references(violations, field, Arrays.asList(conflict.person(),
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
        return new ValidRoster(lead, core, coreEmeritus, personEntries, modules, conflicts, coreAppointedOn);
    }

    /** R14: appointment dates, each of a listed seat and not in the future; ids normalised. */
    private static Map<String, LocalDate> appointedOn(List<Map<String, String>> violations, String field,
                                                      Map<String, LocalDate> dates, List<String> seated,
                                                      LocalDate today) {
        Map<String, LocalDate> result = new LinkedHashMap<>();
        dates.forEach((raw, date) -> {
            String id = check(violations, field, () -> PersonIds.normalize(raw));
            if (id == null) {
                return;
            }
            if (!seated.contains(id)) {
                violations.add(Problems.violation(field, "'" + id + "' is not among the maintainers listed"));
            } else if (date == null || date.isAfter(today)) {
                violations.add(Problems.violation(field, "'" + id + "' needs a date, not in the future"));
            } else {
                result.put(id, date);
            }
        });
        return result;
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

    private static <T> T check(List<Map<String, String>> violations, String field, Supplier<T> check) {
        try {
            return check.get();
        } catch (GovernanceException e) {
            violations.add(Problems.violation(field, e.getMessage()));
            return null;
        }
    }

}
