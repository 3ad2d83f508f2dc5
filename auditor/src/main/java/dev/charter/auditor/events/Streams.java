package dev.charter.auditor.events;

import dev.charter.contracts.EventStream;

/** The streams the auditor reads: every {@link EventStream} of the contract, so a new stream is read as soon as it is declared. */
public final class Streams {

    private Streams() {
    }

    /** The stream a topic carries (the topic may have a prefix), or the topic itself when no stream matches. */
    public static String streamOf(String topic) {
        for (EventStream stream : EventStream.values()) {
            if (topic.endsWith(stream.topic())) {
                return stream.streamName();
            }
        }
        return topic;
    }
}
