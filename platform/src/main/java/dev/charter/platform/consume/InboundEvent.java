package dev.charter.platform.consume;

import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.EventCatalog;

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

    /**
     * This event as the decision something else follows from: its stream's topic (without a test or tenant
     * prefix), its type's simple name, its id, and the id of the deciding nomination, ballot, proposal or veto.
     */
    public DecisionRef decisionRef(String reference) {
        return new DecisionRef(EventCatalog.instance().streamOf(payload.getClass()).topic(),
                payload.getClass().getSimpleName(), id, reference);
    }
}
