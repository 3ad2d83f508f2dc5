package dev.charter.contracts;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.function.UnaryOperator;

/**
 * How a published event changes: its JSON at one revision is turned into the next revision's JSON. A new
 * revision of an event record (bump its {@link EventRevision}) comes with an upcaster from the previous
 * one, listed in {@link EventUpcasters#ALL}; the platform applies the chain to old events read from the
 * event store and to old events consumed from Kafka, so handlers only ever see the current record.
 */
public interface EventUpcaster {

    /** The event record this upcaster leads towards. */
    Class<? extends PublicEvent> eventClass();

    /** The revision it reads; it writes {@code fromRevision() + 1}. */
    int fromRevision();

    /** The next revision's JSON, from this revision's (the node may be changed in place and returned). */
    ObjectNode upcast(ObjectNode data);

    /** The upcaster of {@code eventClass} from {@code fromRevision} that makes this change to the JSON. */
    static EventUpcaster of(Class<? extends PublicEvent> eventClass, int fromRevision,
                            UnaryOperator<ObjectNode> change) {
        return new EventUpcaster() {
            @Override
            public Class<? extends PublicEvent> eventClass() {
                return eventClass;
            }

            @Override
            public int fromRevision() {
                return fromRevision;
            }

            @Override
            public ObjectNode upcast(ObjectNode data) {
                return change.apply(data);
            }

            @Override
            public String toString() {
                return eventClass.getSimpleName() + " v" + fromRevision + " -> v" + (fromRevision + 1);
            }
        };
    }
}
