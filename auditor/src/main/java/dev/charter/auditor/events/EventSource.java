package dev.charter.auditor.events;

/** Where the events come from: the Kafka topics read from the beginning, or an archive file. */
public interface EventSource {

    /** Reads every event once into the sink; throws {@link SourceException} when it cannot be read at all. */
    void readInto(EventSink sink, Progress progress);

    /** A short description for reports, e.g. the archive's path or the brokers. */
    String describe();
}
