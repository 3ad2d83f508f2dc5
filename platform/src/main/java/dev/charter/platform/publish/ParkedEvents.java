package dev.charter.platform.publish;

import dev.charter.platform.messaging.Failures;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The events the publisher parked (see {@link EventPublisher}): operators list them with their error, fix the
 * cause (deploy an upcaster, raise a limit) and re-publish them one by one. Served on the management port
 * (actuator endpoint {@code parkedevents}).
 */
public class ParkedEvents {

    private static final Logger log = LoggerFactory.getLogger(ParkedEvents.class);

    private final JdbcClient jdbc;
    private final EventStorageEngine storage;
    private final EventPublisher publisher;
    private final TransactionTemplate transactions;

    public ParkedEvents(JdbcClient jdbc, EventStorageEngine storage, EventPublisher publisher,
                        TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.storage = storage;
        this.publisher = publisher;
        this.transactions = transactions;
    }

    /** A parked event; {@code republishedAt} is null while it is still parked. */
    public record Parked(String eventId, long globalIndex, String aggregateId, long aggregateSequence,
                         String eventType, String error, Instant parkedAt, long gapChainSequence,
                         Instant republishedAt, Long republishedChainSequence) {
    }

    /** The outcome of a re-publication. */
    public record Republication(String eventId, boolean republished, Long chainSequence, String error) {
    }

    public List<Parked> list(int limit) {
        return jdbc.sql("SELECT * FROM parked_event ORDER BY global_index LIMIT ?").param(limit)
                .query(ParkedEvents::parked).list();
    }

    /** Events parked and not re-published yet. */
    public long open() {
        return jdbc.sql("SELECT count(*) FROM parked_event WHERE republished_at IS NULL").query(Long.class).single();
    }

    public Optional<Parked> find(String eventId) {
        return jdbc.sql("SELECT * FROM parked_event WHERE event_id = ?").param(eventId).query(ParkedEvents::parked)
                .optional();
    }

    /**
     * Reads the parked event from the event store again (with the upcasters of this version) and publishes it; it is
     * chained at the next position with its original id. A failure leaves it parked and is returned.
     */
    public Republication republish(String eventId) {
        Parked parked = find(eventId).orElse(null);
        if (parked == null) {
            return new Republication(eventId, false, null, "no parked event with this id");
        }
        if (parked.republishedAt() != null) {
            return new Republication(eventId, true, parked.republishedChainSequence(), null);
        }
        try {
            Long sequence = transactions.execute(status -> {
                try {
                    DomainEventMessage<?> event = load(parked);
                    long chained = publisher.republish(event).sequence();
                    jdbc.sql("""
                                    UPDATE parked_event SET republished_at = now(), republished_chain_seq = ?
                                    WHERE event_id = ? AND republished_at IS NULL""")
                            .params(chained, eventId).update();
                    return chained;
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            log.warn("Re-published parked event {} ({}) at chain #{}", eventId, parked.eventType(), sequence);
            return new Republication(eventId, true, sequence, null);
        } catch (RuntimeException e) {
            log.error("Parked event {} could not be re-published: {}", eventId, Failures.root(e).toString());
            return new Republication(eventId, false, null, Failures.rootMessage(e));
        }
    }

    private DomainEventMessage<?> load(Parked parked) {
        DomainEventStream stream = storage.readEvents(parked.aggregateId(), parked.aggregateSequence());
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getIdentifier().equals(parked.eventId())) {
                return event;
            }
        }
        throw new IllegalStateException("event " + parked.eventId() + " is not in the event store");
    }

    private static Parked parked(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        java.sql.Timestamp republished = rs.getTimestamp("republished_at");
        long republishedSequence = rs.getLong("republished_chain_seq");
        return new Parked(rs.getString("event_id"), rs.getLong("global_index"), rs.getString("aggregate_id"),
                rs.getLong("aggregate_sequence"), rs.getString("event_type"), rs.getString("error"),
                rs.getTimestamp("parked_at").toInstant(), rs.getLong("gap_chain_seq"),
                republished == null ? null : republished.toInstant(), rs.wasNull() ? null : republishedSequence);
    }
}
