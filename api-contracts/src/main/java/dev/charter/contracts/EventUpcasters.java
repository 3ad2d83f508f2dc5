package dev.charter.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charter.contracts.nominations.NominationEvent.ModuleProposalAccepted;
import dev.charter.contracts.registry.EmeritusReason;
import dev.charter.contracts.registry.RegistryEvent.MaintainerAppointed;
import dev.charter.contracts.registry.RegistryEvent.MaintainerRemoved;
import dev.charter.contracts.registry.RegistryEvent.MovedToEmeritus;
import dev.charter.contracts.registry.RegistryEvent.ModuleDecisionRuleChanged;
import dev.charter.contracts.registry.RegistryEvent.ModuleInactivityPeriodChanged;
import dev.charter.contracts.registry.RegistryEvent.ModuleNominationProcessChanged;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every upcaster of the public events, and the chain that takes a revision to the current one. */
public final class EventUpcasters {

    /** Every revision's upcaster. Add each new revision's upcaster here. */
    public static final List<EventUpcaster> ALL = List.of(
            // revision 2 knows the reason VETOED (R7); a revision 1 event reads unchanged
            unchanged(MaintainerRemoved.class, 1),
            // revision 2 names the decision a settings change came from; revision 1 changes named none
            withNullField(ModuleDecisionRuleChanged.class, 1, "decision"),
            withNullField(ModuleNominationProcessChanged.class, 1, "decision"),
            withNullField(ModuleInactivityPeriodChanged.class, 1, "decision"),
            // revision 2 may state an earlier start of the tenure (an imported roster); revision 1 started at once
            withNullField(MaintainerAppointed.class, 1, "heldSince"),
            // revision 2 records why (R14): every revision 1 move came from the bootstrap import
            EventUpcaster.of(MovedToEmeritus.class, 1, EventUpcasters::emeritusReason),
            // revision 2 carries the proposed settings, who published the reasoning and the tally (R15)
            EventUpcaster.of(ModuleProposalAccepted.class, 1, data ->
                    withNulls(data, "settings", "decidedBy", "tally")));

    private EventUpcasters() {
    }

    /**
     * The upcasters that take {@code eventClass} from {@code revision} to its current revision, in order;
     * empty if one is missing (the revision cannot be read).
     */
    public static Optional<List<EventUpcaster>> chain(List<EventUpcaster> upcasters,
                                                      Class<? extends PublicEvent> eventClass, int revision) {
        int current = EventCatalog.revisionOf(eventClass);
        List<EventUpcaster> chain = new ArrayList<>();
        for (int from = revision; from < current; from++) {
            int wanted = from;
            Optional<EventUpcaster> step = upcasters.stream()
                    .filter(u -> u.eventClass() == eventClass && u.fromRevision() == wanted)
                    .findFirst();
            if (step.isEmpty()) {
                return Optional.empty();
            }
            chain.add(step.get());
        }
        return revision <= current ? Optional.of(chain) : Optional.empty();
    }

    /**
     * MovedToEmeritus revision 1 had no reason: the import listed the person as emeritus (the only way then), so
     * its reason is IMPORTED when its decision is the import's, else none; no period or activity was recorded.
     */
    static ObjectNode emeritusReason(ObjectNode data) {
        JsonNode source = data.path("decision").path("source");
        if (!data.has("reason")) {
            if (DecisionRef.BOOTSTRAP.equals(source.asText(null))) {
                data.put("reason", EmeritusReason.IMPORTED.name());
            } else {
                data.putNull("reason");
            }
        }
        return withNulls(data, "inactivityPeriodDays", "lastActivityAt", "inactiveSince");
    }

    private static ObjectNode withNulls(ObjectNode data, String... fields) {
        for (String field : fields) {
            if (!data.has(field)) {
                data.putNull(field);
            }
        }
        return data;
    }

    /** A revision whose JSON reads as the next one's as it is (e.g. an enum gained a value). */
    static EventUpcaster unchanged(Class<? extends PublicEvent> eventClass, int fromRevision) {
        return EventUpcaster.of(eventClass, fromRevision, data -> data);
    }

    /** A revision without a field the next one has, which is null for the older events. */
    static EventUpcaster withNullField(Class<? extends PublicEvent> eventClass, int fromRevision, String field) {
        return EventUpcaster.of(eventClass, fromRevision, data -> {
            if (!data.has(field)) {
                data.putNull(field);
            }
            return data;
        });
    }
}
