package dev.charter.contracts;

import dev.charter.contracts.disputes.DisputeEvent;
import dev.charter.contracts.nominations.NominationEvent;
import dev.charter.contracts.registry.RegistryEvent;
import dev.charter.contracts.voting.VotingEvent;

/** The public event streams, one Kafka topic each, keyed by aggregate id (DESIGN §3). */
public enum EventStream {
    REGISTRY("registry", "registry", RegistryEvent.class),
    VOTING("voting", "voting", VotingEvent.class),
    NOMINATIONS("nominations", "nomination", NominationEvent.class),
    DISPUTES("disputes", "dispute", DisputeEvent.class);

    private final String streamName;
    private final String publisher;
    private final Class<? extends PublicEvent> eventInterface;

    EventStream(String streamName, String publisher, Class<? extends PublicEvent> eventInterface) {
        this.streamName = streamName;
        this.publisher = publisher;
        this.eventInterface = eventInterface;
    }

    /**
     * The one service that publishes this stream ({@code charter.service} of its configuration, its Kafka
     * principal): only it may write the topic, and consumers accept only events whose CloudEvents source is
     * {@link #source()}.
     */
    public String publisher() {
        return publisher;
    }

    /** The CloudEvents {@code source} of every event of this stream: {@code /charter/<publisher>}. */
    public String source() {
        return sourceOf(publisher);
    }

    /** The CloudEvents {@code source} of a service's events. */
    public static String sourceOf(String service) {
        return "/charter/" + service;
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

    /** The stream with this topic (without any prefix), if any. */
    public static java.util.Optional<EventStream> byTopic(String topic) {
        for (EventStream stream : values()) {
            if (stream.topic().equals(topic)) {
                return java.util.Optional.of(stream);
            }
        }
        return java.util.Optional.empty();
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
