package dev.charter.registry.bootstrap;

import dev.charter.contracts.registry.ConflictKind;
import dev.charter.contracts.registry.ModuleKind;
import dev.charter.contracts.registry.NominationProcess;
import dev.charter.contracts.voting.DecisionRule;

import java.util.List;

/**
 * An existing roster to import into an empty registry (YAML; see {@code deploy/local/demo-roster.yaml}).
 *
 * @param lead            the lead core maintainer, one of {@code coreMaintainers}
 * @param coreEmeritus    former core maintainers now emeritus
 * @param persons         every person named anywhere in the document
 */
public record RosterDocument(String lead, List<String> coreMaintainers, List<String> coreEmeritus,
                             List<PersonEntry> persons, List<ModuleEntry> modules, List<ConflictEntry> conflicts) {

    public RosterDocument {
        coreMaintainers = orEmpty(coreMaintainers);
        coreEmeritus = orEmpty(coreEmeritus);
        persons = orEmpty(persons);
        modules = orEmpty(modules);
        conflicts = orEmpty(conflicts);
    }

    public record PersonEntry(String id, String name, String affiliation) {
    }

    public record ModuleEntry(String id, String name, ModuleKind kind, String location, String description,
                              DecisionRule decisionRule, NominationProcess nominationProcess,
                              Integer inactivityPeriodDays, List<String> maintainers, List<String> emeritus) {
        public ModuleEntry {
            maintainers = orEmpty(maintainers);
            emeritus = orEmpty(emeritus);
        }
    }

    public record ConflictEntry(String person, String other, ConflictKind kind, String description) {
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
