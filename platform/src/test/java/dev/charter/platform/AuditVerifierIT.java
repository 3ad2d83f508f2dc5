package dev.charter.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.charter.contracts.audit.ChainRecord;
import dev.charter.contracts.registry.RegistryEvent.PersonRegistered;
import dev.charter.platform.audit.AuditChain;
import dev.charter.platform.audit.AuditVerifier;
import dev.charter.platform.axon.AxonPersistenceAutoConfiguration;
import dev.charter.platform.testapp.OldRevisions;
import dev.charter.testsupport.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server-side verification against what was chained (issue 10), on a database of its own with no publisher:
 * events chained while their revision was current still verify after a new revision with an upcaster, an edited
 * stored event is found, and the verification resumes from its checkpoint; an {@code EventParked} record (issue 12)
 * holds its place in the chain.
 */
class AuditVerifierIT {

    private static final ObjectMapper MAPPER = AxonPersistenceAutoConfiguration.eventObjectMapper();
    private static HikariDataSource dataSource;
    private static JdbcClient jdbc;
    private static AuditChain chain;

    @BeforeAll
    static void database() {
        TestInfrastructure.Postgres pg = TestInfrastructure.postgres();
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(TestInfrastructure.newDatabase("audit"));
        dataSource.setUsername(pg.username());
        dataSource.setPassword(pg.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/platform").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        chain = new AuditChain(jdbc, MAPPER);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    private static AuditVerifier verifier() {
        return verifier(dataSource);
    }

    private static AuditVerifier verifier(javax.sql.DataSource database) {
        return new AuditVerifier(database, new JdbcTransactionManager(database), MAPPER,
                List.of(OldRevisions.PERSON_REGISTERED_V0), Clock.systemUTC(), Duration.ZERO);
    }

    /** Stores an event as Axon does and chains it as the publisher did when {@code revision} was current. */
    private static String storeAndChain(String personId, int revision, String data) throws Exception {
        String id = UUID.randomUUID().toString();
        Instant at = Instant.parse("2026-02-01T10:15:30.250Z").plusSeconds(jdbc.sql("SELECT count(*) FROM audit_chain")
                .query(Long.class).single());
        Map<String, Object> metadata = Map.of("actor", "ada", "correlationId", "c-" + id, "causationId", "request:1",
                "rulesVersion", "rules/1");
        long globalIndex = jdbc.sql("""
                        INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,
                            metadata, payload, payloadrevision, payloadtype, timestamp)
                        VALUES (?, 0, 'Person', ?, ?, ?, ?, ?, ?) RETURNING globalindex""")
                .params(personId, id, MAPPER.writeValueAsBytes(metadata), data.getBytes(StandardCharsets.UTF_8),
                        Integer.toString(revision), PersonRegistered.class.getName(), at.toString())
                .query(Long.class).single();
        String type = "dev.charter.registry.PersonRegistered.v" + revision;
        chain.append(id, globalIndex, personId, type, AuditChain.canonicalJson(MAPPER, id, type, personId, 0L, at,
                metadata, MAPPER.readTree(data)));
        return id;
    }

    @Test
    @DisplayName("events chained at revision 0 still verify after revision 1 and its upcaster; an edited one does not; "
            + "the next run starts from the checkpoint")
    void verifiesAgainstWhatWasChained() throws Exception {
        // chained while PersonRegistered was at revision 0 (field "name"); today it is revision 1 ("displayName")
        String old = storeAndChain("old1", 0, "{\"personId\":\"old1\",\"name\":\"Old One\",\"affiliation\":null}");
        storeAndChain("old2", 0, "{\"personId\":\"old2\",\"name\":\"Old Two\",\"affiliation\":\"Acme\"}");
        // chained after the new revision
        storeAndChain("new1", 1, "{\"personId\":\"new1\",\"displayName\":\"New One\",\"affiliation\":null}");

        AuditVerifier.Verdict full = verifier().verify();
        assertThat(full.valid()).as(full.problem()).isTrue();
        assertThat(full.checked()).isEqualTo(3);
        assertThat(full.mode()).isEqualTo(AuditVerifier.Mode.FULL);
        assertThat(full.fullyVerifiedAt()).isNotNull();

        storeAndChain("new2", 1, "{\"personId\":\"new2\",\"displayName\":\"New Two\",\"affiliation\":null}");
        AuditVerifier.Verdict incremental = verifier().verifyIncrementally();
        assertThat(incremental.valid()).isTrue();
        assertThat(incremental.mode()).isEqualTo(AuditVerifier.Mode.INCREMENTAL);
        assertThat(incremental.fromSequence()).isEqualTo(3);
        assertThat(incremental.checked()).isEqualTo(1);
        assertThat(incremental.length()).isEqualTo(4);

        jdbc.sql("UPDATE domainevententry SET payload = ? WHERE eventidentifier = ?")
                .params("{\"personId\":\"old1\",\"name\":\"Someone Else\",\"affiliation\":null}"
                        .getBytes(StandardCharsets.UTF_8), old).update();
        AuditVerifier.Verdict tampered = verifier().verify();
        assertThat(tampered.valid()).isFalse();
        assertThat(tampered.firstInvalidSequence()).isEqualTo(1);
        assertThat(tampered.problem()).contains(old, "differs from what was chained");
    }

    @Test
    @DisplayName("an EventParked record stands for a parked event of the store: its hash is checked, the parked event is "
            + "not unchained; a record standing for no stored event breaks the chain")
    void parkedEventRecords() throws Exception {
        TestInfrastructure.Postgres pg = TestInfrastructure.postgres();
        try (HikariDataSource database = new HikariDataSource()) {
            database.setJdbcUrl(TestInfrastructure.newDatabase("audit_parked"));
            database.setUsername(pg.username());
            database.setPassword(pg.password());
            Flyway.configure().dataSource(database).locations("classpath:db/migration/platform").load().migrate();
            JdbcClient db = JdbcClient.create(database);
            AuditChain parkedChain = new AuditChain(db, MAPPER);
            Instant at = Instant.parse("2026-03-01T08:00:00Z");
            // a public event the publisher could never publish (e.g. too large for the broker): parked, not chained
            String parkedId = UUID.randomUUID().toString();
            long globalIndex = db.sql("""
                            INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,
                                metadata, payload, payloadrevision, payloadtype, timestamp)
                            VALUES ('huge', 0, 'Person', ?, ?, ?, '1', ?, ?) RETURNING globalindex""")
                    .params(parkedId, "{}".getBytes(StandardCharsets.UTF_8),
                            "{\"personId\":\"huge\",\"displayName\":\"Huge\",\"affiliation\":null}"
                                    .getBytes(StandardCharsets.UTF_8),
                            PersonRegistered.class.getName(), at.toString())
                    .query(Long.class).single();
            AuditChain.Link record = parkedChain.appendRecord(UUID.randomUUID().toString(), globalIndex, "huge", at,
                    "system:registry", new ChainRecord.EventParked(parkedId, "dev.charter.registry.PersonRegistered.v1",
                            "huge", 0, "RecordTooLargeException"));
            db.sql("""
                            INSERT INTO parked_event (event_id, global_index, aggregate_id, aggregate_sequence,
                                                      event_type, error, gap_chain_seq)
                            VALUES (?, ?, 'huge', 0, 'dev.charter.registry.PersonRegistered.v1', 'too large', ?)""")
                    .params(parkedId, globalIndex, record.sequence()).update();
            assertThat(record.eventType()).isEqualTo("dev.charter.audit.EventParked.v1");

            AuditVerifier.Verdict verdict = verifier(database).verify();
            assertThat(verdict.valid()).as(verdict.problem()).isTrue();
            assertThat(verdict.checked()).isEqualTo(1);
            assertThat(verdict.unchained()).as("a parked event has its place in the chain").isZero();

            AuditChain.Link ghost = parkedChain.appendRecord(UUID.randomUUID().toString(), -1, "ghost", at,
                    "system:registry", new ChainRecord.EventParked("no-such-event", "?", "ghost", 0, "forged"));
            AuditVerifier.Verdict broken = verifier(database).verify();
            assertThat(broken.valid()).isFalse();
            assertThat(broken.firstInvalidSequence()).isEqualTo(ghost.sequence());
            assertThat(broken.problem()).contains("no-such-event", "not in the event store");
        }
    }
}
