package dev.charter.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charter.contracts.EventCatalog;
import dev.charter.contracts.EventUpcaster;
import dev.charter.contracts.PublicEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Checks the audit chain on the server against what was chained (DESIGN §4): every hash recomputed from the previous
 * one and the stored canonical document, and every canonical document recomputed from the event store's row as it
 * was stored — its serialized payload at its stored revision, taken (through the contract's upcasters) only up to the
 * revision it was chained at, never to today's — so a new revision of an event never makes older events read as
 * tampered, while an edited event or an edited chain row is found.
 * <p>
 * It streams both tables through one ordered cursor (nothing is held in memory but the row at hand) and starts after
 * the last verified checkpoint ({@code audit_verification}); a full run starts from genesis. Anonymous callers get
 * the incremental run, at most once per {@code cacheFor}, or the last verdict while another run is going on; the
 * full run is for authenticated callers ({@code POST /api/v1/audit/verification}); one run at a time, so a call's cost
 * is bounded (issue 12): a second caller waits for the run under way and gets its verdict.
 * <p>
 * A chain record of the service's own ({@link dev.charter.contracts.audit.ChainRecord}, e.g. {@code EventParked}) is
 * hash-checked, and the event it stands for must be in the event store; a parked event is not counted as unchained.
 */
public class AuditVerifier {

    private static final Logger log = LoggerFactory.getLogger(AuditVerifier.class);
    private static final int FETCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final ObjectMapper mapper;
    private final List<EventUpcaster> upcasters;
    private final Clock clock;
    private final Duration cacheFor;
    private final EventCatalog catalog = EventCatalog.instance();
    private final Map<String, Optional<Class<?>>> classes = new HashMap<>();
    private final ReentrantLock running = new ReentrantLock();
    private volatile Verdict last;
    private Instant fullStartedAt;

    public AuditVerifier(DataSource dataSource, PlatformTransactionManager transactions, ObjectMapper mapper,
                         List<EventUpcaster> upcasters, Clock clock, Duration cacheFor) {
        this.jdbc = JdbcClient.create(dataSource);
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.mapper = mapper;
        this.upcasters = upcasters;
        this.clock = clock;
        this.cacheFor = cacheFor;
    }

    /** How a verdict was reached. */
    public enum Mode {
        FULL, INCREMENTAL, CACHED
    }

    /**
     * @param checked          links checked in this run
     * @param fromSequence     the run checked the links after this position (0 for a full run)
     * @param verifiedAt       when the run ended
     * @param fullyVerifiedAt  when the whole chain was last verified from genesis, or null
     */
    public record Verdict(boolean valid, long checked, long length, String headHash, Long firstInvalidSequence,
                          String problem, long unchained, Mode mode, long fromSequence, Instant verifiedAt,
                          Instant fullyVerifiedAt) {

        Verdict cached() {
            return new Verdict(valid, checked, length, headHash, firstInvalidSequence, problem, unchained, Mode.CACHED,
                    fromSequence, verifiedAt, fullyVerifiedAt);
        }
    }

    /**
     * The whole chain from genesis. One run at a time: a caller who waited while a full run that started after its
     * call went on gets that run's verdict instead of starting another.
     */
    public Verdict verify() {
        Instant asked = clock.instant();
        running.lock();
        try {
            Verdict previous = last;
            if (previous != null && previous.mode() == Mode.FULL && fullStartedAt != null
                    && fullStartedAt.isAfter(asked)) {
                return previous;
            }
            fullStartedAt = clock.instant();
            return remember(run(0, AuditChain.GENESIS, true));
        } finally {
            running.unlock();
        }
    }

    /**
     * For anyone: the links after the last checkpoint, or the last verdict when it is younger than the cache time or
     * while another verification is running.
     */
    public Verdict verifyIncrementally() {
        Verdict previous = last;
        if (previous != null && Duration.between(previous.verifiedAt(), clock.instant()).compareTo(cacheFor) < 0) {
            return previous.cached();
        }
        if (!running.tryLock()) {
            return previous != null ? previous.cached() : new Verdict(true, 0, 0, AuditChain.GENESIS, null,
                    "a verification is running", 0, Mode.CACHED, 0, clock.instant(), null);
        }
        try {
            Optional<Checkpoint> checkpoint = checkpoint();
            if (checkpoint.isEmpty()) {
                return remember(run(0, AuditChain.GENESIS, true));
            }
            Checkpoint from = checkpoint.get();
            String hashThere = jdbc.sql("SELECT hash FROM audit_chain WHERE chain_seq = ?").param(from.sequence())
                    .query(String.class).optional().orElse(null);
            if (!from.hash().equals(hashThere)) {
                return remember(invalid(Mode.INCREMENTAL, from.sequence(), 0, from.sequence(),
                        "the link at the last checkpoint #" + from.sequence() + " changed since it was verified",
                        from.fullyVerifiedAt()));
            }
            return remember(run(from.sequence(), from.hash(), false));
        } finally {
            running.unlock();
        }
    }

    private Verdict remember(Verdict verdict) {
        last = verdict;
        return verdict;
    }

    private record Checkpoint(long sequence, String hash, Instant fullyVerifiedAt) {
    }

    private Optional<Checkpoint> checkpoint() {
        return jdbc.sql("SELECT chain_seq, hash, full_verified_at FROM audit_verification WHERE id = 1")
                .query((rs, n) -> new Checkpoint(rs.getLong(1), rs.getString(2), instant(rs.getTimestamp(3))))
                .optional();
    }

    /** Verifies the links after {@code from} (whose hash is {@code previousHash}) in one streamed, ordered read. */
    private Verdict run(long from, String previousHash, boolean full) {
        Instant fullyBefore = checkpoint().map(Checkpoint::fullyVerifiedAt).orElse(null);
        State state = new State(from, previousHash);
        readOnly.executeWithoutResult(status -> streaming.query("""
                        SELECT c.chain_seq, c.event_id, c.event_type, c.canonical_json, c.previous_hash, c.hash,
                               e.eventidentifier, e.aggregateidentifier, e.sequencenumber, e.metadata, e.payload,
                               e.payloadrevision, e.payloadtype, e.timestamp
                        FROM audit_chain c LEFT JOIN domainevententry e ON e.eventidentifier = c.event_id
                        WHERE c.chain_seq > ? ORDER BY c.chain_seq""",
                (RowCallbackHandler) rs -> {
                    if (state.problem == null) {
                        state.check(rs);
                    }
                }, from));
        Mode mode = full ? Mode.FULL : Mode.INCREMENTAL;
        if (state.problem != null) {
            log.error("Audit chain broken at #{}: {}", state.invalidAt, state.problem);
            return invalid(mode, from, state.checked, state.invalidAt, state.problem, fullyBefore);
        }
        Instant now = clock.instant();
        Instant fully = full ? now : fullyBefore;
        if (state.expected - 1 > 0) {
            jdbc.sql("""
                            INSERT INTO audit_verification (id, chain_seq, hash, verified_at, full_verified_at)
                            VALUES (1, ?, ?, ?, ?)
                            ON CONFLICT (id) DO UPDATE SET chain_seq = excluded.chain_seq, hash = excluded.hash,
                                verified_at = excluded.verified_at, full_verified_at = excluded.full_verified_at""")
                    .params(state.expected - 1, state.previous, Timestamp.from(now),
                            fully == null ? null : Timestamp.from(fully)).update();
        }
        return new Verdict(true, state.checked, state.expected - 1, state.previous, null, null, unchained(full), mode,
                from, now, fully);
    }

    private Verdict invalid(Mode mode, long from, long checked, long at, String problem, Instant fullyVerifiedAt) {
        Optional<AuditChain.Link> head = jdbc.sql("SELECT * FROM audit_chain ORDER BY chain_seq DESC LIMIT 1")
                .query((rs, n) -> new AuditChain.Link(rs.getLong("chain_seq"), rs.getString("event_id"), "", "", "",
                        "", rs.getString("hash"))).optional();
        return new Verdict(false, checked, head.map(AuditChain.Link::sequence).orElse(0L),
                head.map(AuditChain.Link::hash).orElse(AuditChain.GENESIS), at, problem, 0, mode, from,
                clock.instant(), fullyVerifiedAt);
    }

    /**
     * Public events in the event store not chained yet: after the last chained one, or (full) anywhere; a parked
     * event has its place in the chain (its record) and is not counted.
     */
    private long unchained(boolean full) {
        List<String> publicTypes = catalog.all().values().stream().map(Class::getName).toList();
        if (full) {
            return jdbc.sql("""
                            SELECT count(*) FROM domainevententry e WHERE e.payloadtype IN (:types)
                            AND NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.event_id = e.eventidentifier)
                            AND NOT EXISTS (SELECT 1 FROM parked_event p WHERE p.event_id = e.eventidentifier)""")
                    .param("types", publicTypes).query(Long.class).single();
        }
        return jdbc.sql("""
                        SELECT count(*) FROM domainevententry e WHERE e.payloadtype IN (:types)
                        AND e.globalindex > (SELECT coalesce(max(global_index), -1) FROM audit_chain)
                        AND NOT EXISTS (SELECT 1 FROM parked_event p WHERE p.event_id = e.eventidentifier)""")
                .param("types", publicTypes).query(Long.class).single();
    }

    private final class State {
        long expected;
        String previous;
        long checked;
        Long invalidAt;
        String problem;

        State(long from, String previousHash) {
            this.expected = from + 1;
            this.previous = previousHash;
        }

        void check(ResultSet rs) throws SQLException {
            long sequence = rs.getLong("chain_seq");
            String canonical = rs.getString("canonical_json");
            String problem = null;
            if (sequence != expected) {
                problem = "chain position " + expected + " is missing";
            } else if (!rs.getString("previous_hash").equals(previous)) {
                problem = "its previous hash is not the hash of link " + (expected - 1);
            } else if (!AuditChain.hash(previous, canonical).equals(rs.getString("hash"))) {
                problem = "its hash does not match its canonical document";
            } else if (catalog.isChainRecord(rs.getString("event_type"))) {
                problem = recordedEventStored(rs.getString("event_id"), canonical);
            } else {
                problem = againstEventStore(rs, canonical);
            }
            if (problem != null) {
                this.problem = problem;
                this.invalidAt = sequence;
                return;
            }
            previous = rs.getString("hash");
            checked++;
            expected++;
        }
    }

    /**
     * Null when the event a chain record stands for (e.g. the parked event of an {@code EventParked}) is in the event
     * store, else what is wrong. Records are rare: one look-up each, on the verification's connection.
     */
    private String recordedEventStored(String recordId, String canonical) {
        String eventId;
        try {
            eventId = mapper.readTree(canonical).path("data").path("eventId").asText(null);
        } catch (IOException e) {
            return "record " + recordId + " is not JSON";
        }
        if (eventId == null || jdbc.sql("SELECT count(*) FROM domainevententry WHERE eventidentifier = ?")
                .param(eventId).query(Long.class).single() == 0) {
            return "record " + recordId + " stands for event " + eventId + ", which is not in the event store";
        }
        return null;
    }

    /** Null when the stored event still gives the chained document, else what differs. */
    private String againstEventStore(ResultSet rs, String canonical) throws SQLException {
        String eventId = rs.getString("event_id");
        if (rs.getString("eventidentifier") == null) {
            return "event " + eventId + " is not in the event store";
        }
        String chainedType = rs.getString("event_type");
        int marker = chainedType.lastIndexOf(".v");
        Optional<Class<?>> payloadType = classOf(rs.getString("payloadtype"));
        if (marker < 0 || payloadType.isEmpty() || !catalog.isPublic(payloadType.get())) {
            return "event " + eventId + " in the event store is not the public event that was chained";
        }
        int chainedRevision;
        int storedRevision;
        try {
            chainedRevision = Integer.parseInt(chainedType.substring(marker + 2));
            storedRevision = Integer.parseInt(rs.getString("payloadrevision"));
        } catch (RuntimeException e) {
            return "event " + eventId + " has no readable revision";
        }
        @SuppressWarnings("unchecked")
        Class<? extends PublicEvent> eventClass = (Class<? extends PublicEvent>) payloadType.get();
        String currentType = catalog.typeOf(eventClass);
        String type = currentType.substring(0, currentType.lastIndexOf(".v") + 2) + chainedRevision;
        try {
            JsonNode data = mapper.readTree(rs.getBytes("payload"));
            for (int revision = storedRevision; revision < chainedRevision; revision++) {
                int from = revision;
                EventUpcaster step = upcasters.stream().filter(u -> u.eventClass() == eventClass
                        && u.fromRevision() == from).findFirst().orElse(null);
                if (step == null) {
                    return "event " + eventId + " is stored at revision " + storedRevision
                            + " and no upcaster leads to the chained revision " + chainedRevision;
                }
                data = step.upcast((ObjectNode) data);
            }
            Map<String, Object> metadata = new HashMap<>();
            byte[] metadataBytes = rs.getBytes("metadata");
            if (metadataBytes != null) {
                for (Iterator<Map.Entry<String, JsonNode>> fields = mapper.readTree(metadataBytes).fields();
                     fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (!field.getValue().isNull()) {
                        metadata.put(field.getKey(), field.getValue().isTextual() ? field.getValue().asText()
                                : field.getValue().toString());
                    }
                }
            }
            String recomputed = AuditChain.canonicalJson(mapper, eventId, type, rs.getString("aggregateidentifier"),
                    rs.getLong("sequencenumber"), Instant.parse(rs.getString("timestamp")), metadata, data);
            return recomputed.equals(canonical) ? null
                    : "event " + eventId + " in the event store differs from what was chained";
        } catch (IOException | RuntimeException e) {
            return "event " + eventId + " in the event store cannot be read: " + e.getMessage();
        }
    }

    private Optional<Class<?>> classOf(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return classes.computeIfAbsent(name, n -> {
            try {
                return Optional.of(Class.forName(n));
            } catch (ClassNotFoundException e) {
                return Optional.empty();
            }
        });
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
