package dev.charter.platform.consume;

import java.time.Instant;

/**
 * A public event consumed from another stream, with its CloudEvents envelope.
 *
 * @param id            the event id (CloudEvents {@code id}), the de-duplication key
 * @param type          e.g. {@code dev.charter.nominations.NominationConfirmed.v1}
 * @param subject       the publishing aggregate's id
 * @param time          when it occurred
 * @param actor         who acted
 * @param correlationId the request it follows from
 * @param rulesVersion  the rules version it was produced under
 */
public record InboundEvent<T>(String id, String type, String source, String subject, Instant time, String actor,
                              String correlationId, String causationId, String rulesVersion, T payload,
                              String topic, int partition, long offset) {
}
