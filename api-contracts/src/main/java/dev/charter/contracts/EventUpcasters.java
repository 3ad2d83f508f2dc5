package dev.charter.contracts;

import dev.charter.contracts.registry.RegistryEvent.MaintainerRemoved;
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
            withNullField(ModuleInactivityPeriodChanged.class, 1, "decision"));

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
