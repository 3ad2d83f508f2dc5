package dev.charter.contracts;

/**
 * A public governance event. The records implementing it are both what aggregates apply to their
 * event store and what is published on Kafka: there is no private mirror type (DESIGN §3).
 * Each stream has one sealed sub-interface listing its events.
 */
public interface PublicEvent {
}
