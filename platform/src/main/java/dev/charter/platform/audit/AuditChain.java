package dev.charter.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charter.contracts.EventCatalog;
import dev.charter.contracts.audit.ChainRecord;
import dev.charter.platform.messaging.EventMetadata;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service's append-only hash chain over its public events in publication order (DESIGN §4):
 * {@code hash_n = SHA-256(hash_{n-1} || canonical JSON of event n with its metadata)}, starting from 64
 * zeros. Appended by the publisher in the transaction that moves its token, so the chain and the
 * publication advance together; an event already chained keeps its link. Appends are serialised by a
 * transaction-scoped advisory lock (the publisher and an operator's re-publication may append at once, on any
 * replica).
 * <p>
 * Besides public events the chain holds the service's own {@link ChainRecord}s: an {@code EventParked} record takes
 * the place of an event the publisher had to park, so the gap is explicit and the chain unbroken.
 */
public class AuditChain {

    public static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;
    private final ObjectMapper mapper;
    private final EventCatalog catalog = EventCatalog.instance();

    public AuditChain(JdbcClient jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** A position in the chain. */
    public record Link(long sequence, String eventId, String aggregateId, String eventType, String canonicalJson,
                       String previousHash, String hash) {
    }

    public Link append(EventMessage<?> event) {
        return append(event, canonicalJson(event));
    }

    /** Appends an event whose canonical document the caller has computed already. */
    public Link append(EventMessage<?> event, String canonical) {
        String aggregateId = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : "";
        return append(event.getIdentifier(), globalIndex(event), aggregateId, catalog.typeOf(event.getPayloadType()),
                canonical);
    }

    /**
     * Appends one of the service's own records (e.g. {@code EventParked}): a document like an event's, with the
     * given id, subject, time and actor, and the record as data.
     */
    public Link appendRecord(String id, long globalIndex, String subject, Instant time, String actor,
                             ChainRecord record) {
        String type = catalog.typeOf(record.getClass());
        ObjectNode document = mapper.createObjectNode();
        document.put("id", id);
        document.put("type", type);
        document.put("subject", subject);
        document.put("time", time.toString());
        document.put(EventMetadata.ACTOR, actor);
        document.set("data", mapper.valueToTree(record));
        return append(id, globalIndex, subject, type, CanonicalJson.write(mapper, document));
    }

    /** Appends a canonical document at the head of the chain, unless that event id is chained already. */
    public Link append(String eventId, long globalIndex, String aggregateId, String type, String canonical) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('charter-audit-chain'))").query().singleRow();
        Optional<Link> existing = find(eventId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Optional<Link> head = head();
        long sequence = head.map(link -> link.sequence() + 1).orElse(1L);
        String previous = head.map(Link::hash).orElse(GENESIS);
        String hash = hash(previous, canonical);
        jdbc.sql("""
                        INSERT INTO audit_chain (chain_seq, event_id, global_index, aggregate_id, event_type,
                                                 canonical_json, previous_hash, hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(sequence, eventId, globalIndex, aggregateId, type, canonical, previous, hash)
                .update();
        return new Link(sequence, eventId, aggregateId, type, canonical, previous, hash);
    }

    /** The event's position in the event store, -1 when unknown. */
    public static long globalIndex(EventMessage<?> event) {
        return event instanceof org.axonframework.eventhandling.TrackedEventMessage<?> tracked
                && tracked.trackingToken() != null && tracked.trackingToken().position().isPresent()
                ? tracked.trackingToken().position().getAsLong() : -1L;
    }

    /**
     * The canonical document of an event: its id, type, subject (aggregate id), aggregate sequence,
     * time, metadata and data.
     */
    public String canonicalJson(EventMessage<?> event) {
        Map<String, Object> metadata = new java.util.HashMap<>(event.getMetaData());
        String subject = null;
        Long sequence = null;
        if (event instanceof DomainEventMessage<?> domain) {
            subject = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        return canonicalJson(mapper, event.getIdentifier(), catalog.typeOf(event.getPayloadType()), subject, sequence,
                event.getTimestamp(), metadata, mapper.valueToTree(event.getPayload()));
    }

    /**
     * The canonical document from its parts (DESIGN §4, audit.yaml): {@code id}, {@code type}, {@code subject} and
     * {@code sequence} when the event has an aggregate, {@code time} (ISO-8601 instant), the metadata {@code actor},
     * {@code correlationId}, {@code causationId}, {@code rulesVersion} when present, and {@code data}; keys sorted.
     */
    public static String canonicalJson(ObjectMapper mapper, String id, String type, String subject, Long sequence,
                                       Instant time, Map<String, ?> metadata, JsonNode data) {
        ObjectNode document = mapper.createObjectNode();
        document.put("id", id);
        document.put("type", type);
        if (subject != null) {
            document.put("subject", subject);
            document.put("sequence", sequence);
        }
        document.put("time", time.toString());
        for (String key : List.of(EventMetadata.ACTOR, EventMetadata.CORRELATION_ID, EventMetadata.CAUSATION_ID,
                EventMetadata.RULES_VERSION)) {
            Object value = metadata.get(key);
            if (value != null) {
                document.put(key, value.toString());
            }
        }
        document.set("data", data);
        return CanonicalJson.write(mapper, document);
    }

    public Optional<Link> find(String eventId) {
        return jdbc.sql("SELECT * FROM audit_chain WHERE event_id = ?").param(eventId).query(AuditChain::link).optional();
    }

    public Optional<Link> head() {
        return jdbc.sql("SELECT * FROM audit_chain ORDER BY chain_seq DESC LIMIT 1").query(AuditChain::link).optional();
    }

    /** Links after the given sequence, in chain order. */
    public List<Link> after(long sequence, int limit) {
        return jdbc.sql("SELECT * FROM audit_chain WHERE chain_seq > ? ORDER BY chain_seq LIMIT ?")
                .params(sequence, limit).query(AuditChain::link).list();
    }

    /** One page of an aggregate's links after a chain position, in chain order. */
    public List<Link> ofAggregate(String aggregateId, long after, int limit) {
        return jdbc.sql("SELECT * FROM audit_chain WHERE aggregate_id = ? AND chain_seq > ? ORDER BY chain_seq LIMIT ?")
                .params(aggregateId, after, limit).query(AuditChain::link).list();
    }

    public static String hash(String previousHash, String canonicalJson) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            digest.update(canonicalJson.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }


    /** The link at a position. */
    public Optional<Link> at(long sequence) {
        return jdbc.sql("SELECT * FROM audit_chain WHERE chain_seq = ?").param(sequence).query(AuditChain::link)
                .optional();
    }

    private static Link link(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Link(rs.getLong("chain_seq"), rs.getString("event_id"), rs.getString("aggregate_id"),
                rs.getString("event_type"), rs.getString("canonical_json"), rs.getString("previous_hash"),
                rs.getString("hash"));
    }
}
