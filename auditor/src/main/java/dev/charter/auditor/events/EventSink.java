package dev.charter.auditor.events;

/**
 * What a check does with the events: each one is handed every event of every stream once, in the order read
 * (per partition, the order published), then told the reading is over. Checks keep only what they need, so a
 * long history streams through in bounded memory.
 */
public interface EventSink {

    void accept(RecordedEvent event);

    default void finish() {
    }
}
