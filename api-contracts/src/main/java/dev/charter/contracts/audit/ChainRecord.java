package dev.charter.contracts.audit;

import dev.charter.contracts.EventRevision;

/**
 * A record a service writes into its own audit chain and publishes on its own stream beside its public events,
 * CloudEvents type {@code dev.charter.audit.<Record>.v<revision>}. It is no governance event: consumers skip it,
 * auditors read it. Like a public event it carries the chain extensions ({@code chainsequence},
 * {@code chainhash}), so the chain read from the topic stays unbroken.
 */
public sealed interface ChainRecord permits ChainRecord.EventParked {

    /**
     * An event of the service's event store that could never be published (it cannot be read or upcast, its
     * mapping fails, or the broker refuses it for good, e.g. too large) was parked by the publisher. This record
     * takes its place in the chain, so the gap is explicit; after a fix an operator re-publishes the parked
     * event, which then appears at a later chain position with its original event id.
     *
     * @param eventId           the parked event's id
     * @param eventType         its CloudEvents type, or its stored payload type when it cannot be read
     * @param aggregateId       its aggregate
     * @param aggregateSequence its sequence in the aggregate
     * @param error             why it could not be published
     */
    @EventRevision(1)
    record EventParked(String eventId, String eventType, String aggregateId, long aggregateSequence, String error)
            implements ChainRecord {
    }
}
