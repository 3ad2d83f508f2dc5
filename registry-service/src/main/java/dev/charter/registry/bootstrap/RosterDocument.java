package dev.charter.registry.bootstrap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.charter.contracts.registry.ConflictKind;
import dev.charter.contracts.registry.ModuleKind;
import dev.charter.contracts.registry.NominationProcess;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.platform.web.GovernanceException;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An existing roster to import into an empty registry (YAML; see {@code deploy/local/demo-roster.yaml}).
 *
 * @param lead            the lead core maintainer, one of {@code coreMaintainers}
 * @param coreEmeritus    former core maintainers now emeritus
 * @param persons         every person named anywhere in the document
 * @param coreAppointedOn when core maintainers took their seats, for those the existing roster states it (R14: their
 *                        inactivity counts from then, not from the import)
 */
public record RosterDocument(String lead, List<String> coreMaintainers, List<String> coreEmeritus,
                             List<PersonEntry> persons, List<ModuleEntry> modules, List<ConflictEntry> conflicts,
                             Map<String, LocalDate> coreAppointedOn) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public RosterDocument {
        coreMaintainers = orEmpty(coreMaintainers);
        coreEmeritus = orEmpty(coreEmeritus);
        persons = orEmpty(persons);
        modules = orEmpty(modules);
        conflicts = orEmpty(conflicts);
        coreAppointedOn = coreAppointedOn == null ? Map.of() : coreAppointedOn;
    }

    /** Reads a roster document; malformed YAML, an unknown field or a wrong value is bad input (400), named. */
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
        } catch (JsonProcessingException e) {
            throw new GovernanceException.BadInput("invalid-roster", "Not valid YAML: " + e.getOriginalMessage());
        }
    }

    private static String location(JsonMappingException e) {
        return e.getPath().isEmpty() ? "the top" : e.getPathReference();
    }
    public record PersonEntry(String id, String name, String affiliation) {
    }

    /** @param appointedOn when maintainers took their seats, for those the existing roster states it (R14) */
    public record ModuleEntry(String id, String name, ModuleKind kind, String location, String description,
                              DecisionRule decisionRule, NominationProcess nominationProcess,
                              Integer inactivityPeriodDays, List<String> maintainers, List<String> emeritus,
                              Map<String, LocalDate> appointedOn) {
        public ModuleEntry {
            maintainers = orEmpty(maintainers);
            emeritus = orEmpty(emeritus);
            appointedOn = appointedOn == null ? Map.of() : appointedOn;
        }
    }

    public record ConflictEntry(String person, String other, ConflictKind kind, String description) {
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
