package dev.charter.contracts;

import dev.charter.contracts.disputes.DisputeEvent;
import dev.charter.contracts.nominations.NominationEvent;
import dev.charter.contracts.registry.RegistryEvent;
import dev.charter.contracts.voting.VotingEvent;

/** The public event streams, one Kafka topic each, keyed by aggregate id (DESIGN §3). */
public enum EventStream {
    REGISTRY("registry", RegistryEvent.class),
    VOTING("voting", VotingEvent.class),
    NOMINATIONS("nominations", NominationEvent.class),
    DISPUTES("disputes", DisputeEvent.class);

    private final String streamName;
    private final Class<? extends PublicEvent> eventInterface;

    EventStream(String streamName, Class<? extends PublicEvent> eventInterface) {
        this.streamName = streamName;
        this.eventInterface = eventInterface;
    }

    /** The short name used in CloudEvents types, e.g. {@code registry}. */
    public String streamName() {
        return streamName;
    }

    /** The Kafka topic, e.g. {@code charter.registry.v1}. */
    public String topic() {
        return "charter." + streamName + ".v1";
    }

    /** The sealed interface every event of this stream implements. */
    public Class<? extends PublicEvent> eventInterface() {
        return eventInterface;
    }

    public static EventStream byName(String name) {
        for (EventStream stream : values()) {
            if (stream.streamName.equals(name)) {
                return stream;
            }
        }
        throw new IllegalArgumentException("No event stream named '" + name + "'");
    }
}
