package dev.charter.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every upcaster of the public events, and the chain that takes a revision to the current one. */
public final class EventUpcasters {

    /** No event has a second revision yet. Add each new revision's upcaster here. */
    public static final List<EventUpcaster> ALL = List.of();

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
}
