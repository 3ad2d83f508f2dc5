package dev.charter.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charter.contracts.EventStream;
import dev.charter.contracts.nominations.NominationEvent.NominationConfirmed;
import dev.charter.contracts.nominations.NominationKind;
import dev.charter.contracts.registry.Role;
import dev.charter.platform.audit.AuditVerifier;
import dev.charter.platform.axon.AxonPersistenceAutoConfiguration;
import dev.charter.platform.consume.InboundEventListener;
import dev.charter.platform.publish.CloudEventMapper;
import dev.charter.platform.security.DevTokenIssuer;
import dev.charter.platform.testapp.PlatformTestApplication;
import dev.charter.platform.testapp.TestHooks;
import dev.charter.testsupport.KafkaTestConsumer;
import dev.charter.testsupport.TcpForwarder;
import dev.charter.testsupport.TestInfrastructure;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import javax.sql.DataSource;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fault matrix: real PostgreSQL and a real Kafka broker, the platform's test service as two replicas (and a
 * third in its own JVM, killed with SIGKILL), each reaching PostgreSQL and Kafka through a TCP forwarder a case can
 * cut. Every case ends with the same invariant: nothing lost (every public event of the store is on the topic, every
 * event sent to the service has its effect), nothing applied twice (one effect per consumed event id, one projection
 * update per event), the audit chain verifies, and the replicas converge. The replicas and the broker are shared by
 * the cases; timeouts are short (and still keep the publisher's send below its claim timeout).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultMatrixIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private final ObjectMapper json = AxonPersistenceAutoConfiguration.eventObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private EmbeddedKafkaKraftBroker broker;
    private TcpForwarder kafka;
    private TcpForwarder postgres;
    private String database;
    private String prefix;
    private Path keyFile;
    private ConfigurableApplicationContext a;
    private ConfigurableApplicationContext b;
    private DevTokenIssuer tokens;
    private JdbcClient jdbc;
    private KafkaTestConsumer published;

    @BeforeAll
    void start() throws Exception {
        // the broker advertises the forwarder's address, so every client connection passes through it
        int kafkaPort = TcpForwarder.freePort();
        broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerListProperty("charter.test.faults.brokers");
        broker.brokerProperties(Map.of("advertised.listeners", "EXTERNAL://localhost:" + kafkaPort,
                "auto.create.topics.enable", "true", "num.partitions", "3", "offsets.topic.replication.factor", "1",
                "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        String bound = broker.getCluster().brokers().values().iterator().next().boundPort(
                new org.apache.kafka.common.network.ListenerName("EXTERNAL")) + "";
        kafka = TcpForwarder.start(kafkaPort, "localhost:" + bound);

        TestInfrastructure.Postgres pg = TestInfrastructure.postgres();
        String admin = pg.adminUrl();
        String host = URI.create(admin.substring("jdbc:".length())).getHost();
        int pgPort = URI.create(admin.substring("jdbc:".length())).getPort();
        postgres = TcpForwarder.start(TcpForwarder.freePort(), host + ":" + pgPort);
        String direct = TestInfrastructure.newDatabase("faults");
        database = direct.replace(host + ":" + pgPort, "localhost:" + postgres.port());
        prefix = TestInfrastructure.newTopicPrefix("faults");
        keyFile = Files.createTempDirectory("faults").resolve("dev-issuer.jwk");

        a = replica();
        b = replica();
        tokens = a.getBean(DevTokenIssuer.class);
        jdbc = JdbcClient.create(TestInfrastructureDataSource.of(direct, pg));
        published = new KafkaTestConsumer(bootstrap(), prefix + EventStream.REGISTRY.topic());
    }

    @AfterAll
    void stop() throws Exception {
        published.close();
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        kafka.close();
        broker.destroy();
        postgres.close();
    }

    private String bootstrap() {
        return "localhost:" + kafka.port();
    }

    /** A replica of the test service: short timeouts, the publisher's send still below its claim timeout. */
    private List<String> arguments() {
        TestInfrastructure.Postgres pg = TestInfrastructure.postgres();
        return List.of("--server.port=0", "--management.server.port=0",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + pg.username(),
                "--spring.datasource.password=" + pg.password(),
                "--spring.datasource.hikari.connection-timeout=3000",
                "--spring.kafka.bootstrap-servers=" + bootstrap(),
                "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                "--spring.kafka.consumer.properties.heartbeat.interval.ms=1000",
                "--spring.kafka.producer.properties.max.block.ms=1000",
                "--spring.kafka.producer.properties.request.timeout.ms=1000",
                "--spring.kafka.producer.properties.delivery.timeout.ms=2000",
                "--charter.publisher.send-timeout=2s",
                "--axon.eventhandling.tokenstore.claim-timeout=15s",
                "--charter.kafka.topic-prefix=" + prefix,
                "--charter.consumer.newer-revision-retry=2s",
                "--charter.security.dev-issuer.key-file=" + keyFile,
                "--spring.main.banner-mode=off");
    }

    private ConfigurableApplicationContext replica() {
        return new SpringApplicationBuilder(PlatformTestApplication.class).registerShutdownHook(false)
                .run(arguments().toArray(String[]::new));
    }

    // --- the cases

    @Test
    @Order(1)
    @DisplayName("fault: the broker stops mid-publish and comes back; commands never fail and nothing is lost")
    void brokerStoppedMidPublish() throws Exception {
        List<String> members = IntStream.range(0, 12).mapToObj(i -> "broker" + i + "-" + shortId()).toList();
        for (int i = 0; i < members.size(); i++) {
            if (i == 4) {
                kafka.stop();
            }
            assertThat(join(i % 2 == 0 ? a : b, members.get(i)).statusCode()).isEqualTo(201);
        }
        kafka.restart();
        await().atMost(WAIT).until(() -> publishedKeys().containsAll(members));
        assertInvariants();
    }

    @Test
    @Order(2)
    @DisplayName("fault: database connections cut mid-command; the retry with the same Idempotency-Key applies it once")
    void databaseCutMidCommand() throws Exception {
        String id = "dbcmd-" + shortId();
        assertThat(await().atMost(WAIT).until(() -> joinWithKey(a, id), r -> r.statusCode() == 201)
                .headers().firstValue("Location")).hasValue("/api/v1/members/" + id);
        TestHooks.holdNextCommand();
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> putWithKey(a, id, "Cut"));
        TestHooks.awaitEntered();
        postgres.cutConnections();
        TestHooks.release();
        HttpResponse<String> failed = first.get();
        // nothing was changed, and the answer says so: a problem, never a success
        assertThat(failed.statusCode()).as(failed.body()).isIn(500, 503);
        assertThat(failed.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        await().atMost(WAIT).until(() -> putWithKey(b, id, "Cut"), r -> r.statusCode() == 200);
        // instance a may still hand out a pooled connection that was cut (a 503 problem the client retries)
        HttpResponse<String> replayed = await().atMost(WAIT).until(() -> putWithKey(a, id, "Cut"),
                r -> r.statusCode() != 503);
        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        assertThat(replayed.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(count("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", id)).isEqualTo(2);
        assertInvariants();
    }

    @Test
    @Order(3)
    @DisplayName("fault: database connections cut mid-projection; the projection applies the event once")
    void databaseCutMidProjection() throws Exception {
        String id = "dbproj-" + shortId();
        TestHooks.holdNextProjection();
        await().atMost(WAIT).until(() -> joinWithKey(a, id), r -> r.statusCode() == 201);
        TestHooks.awaitProjectionEntered();
        postgres.cutConnections();
        TestHooks.releaseProjection();
        await().atMost(WAIT).until(() -> putWithKey(b, id, "After the cut"), r -> r.statusCode() == 200);
        await().atMost(WAIT).until(() -> count("SELECT count(events) FROM member_directory WHERE member_id = ? "
                + "AND affiliation = 'After the cut'", id) == 1);
        assertThat(count("SELECT events FROM member_directory WHERE member_id = ?", id)).isEqualTo(2);
        assertInvariants();
    }

    @Test
    @Order(4)
    @DisplayName("fault: the same event delivered twice to two replicas at once has its effect once")
    void sameEventToTwoReplicasAtOnce() throws Exception {
        String nominationId = "twice-" + shortId();
        CloudEvent event = nominationConfirmed(nominationId);
        try (KafkaProducer<String, CloudEvent> producer = producer()) {
            for (int partition = 0; partition < 3; partition++) {
                producer.send(new ProducerRecord<>(prefix + EventStream.NOMINATIONS.topic(), partition, nominationId,
                        event)).get();
            }
        }
        await().atMost(WAIT).until(() -> effects(nominationId) >= 1);
        awaitConsumed();
        assertThat(effects(nominationId)).isEqualTo(1);
        assertInvariants();
    }

    @Test
    @Order(5)
    @DisplayName("fault: a consumer-group rebalance during a burst loses and doubles nothing")
    void rebalanceDuringBurst() throws Exception {
        List<String> ids = IntStream.range(0, 60).mapToObj(i -> "burst" + i + "-" + shortId()).toList();
        try (KafkaProducer<String, CloudEvent> producer = producer()) {
            for (String id : ids.subList(0, 30)) {
                producer.send(new ProducerRecord<>(prefix + EventStream.NOMINATIONS.topic(), id, nominationConfirmed(id)));
            }
            producer.flush();
            ConfigurableApplicationContext joining = replica();
            for (String id : ids.subList(30, 60)) {
                producer.send(new ProducerRecord<>(prefix + EventStream.NOMINATIONS.topic(), id, nominationConfirmed(id)));
            }
            producer.flush();
            await().atMost(WAIT).until(() -> ids.stream().allMatch(id -> effects(id) >= 1));
            joining.close();
        }
        awaitConsumed();
        assertThat(ids).allSatisfy(id -> assertThat(effects(id)).as(id).isEqualTo(1));
        assertInvariants();
    }

    @Test
    @Order(6)
    @DisplayName("fault: 50 concurrent commands on one aggregate: each 200 or 409, the state is the last applied, published in order")
    void fiftyConcurrentCommands() throws Exception {
        String id = "hot-" + shortId();
        assertThat(join(a, id).statusCode()).isEqualTo(201);
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String affiliation = "Org " + i;
            ConfigurableApplicationContext replica = i % 2 == 0 ? a : b;
            calls.add(CompletableFuture.supplyAsync(() -> put(replica, id, affiliation)));
        }
        List<HttpResponse<String>> responses = calls.stream().map(CompletableFuture::join).toList();
        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isIn(200, 409));
        long accepted = responses.stream().filter(r -> r.statusCode() == 200).count();
        assertThat(accepted).isPositive();
        assertThat(count("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", id))
                .isEqualTo(accepted + 1);
        await().atMost(WAIT).until(() -> count("SELECT coalesce(max(events), 0) FROM member_directory WHERE member_id = ?",
                id) == accepted + 1);
        String last = jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domainevententry WHERE aggregateidentifier = ?
                        ORDER BY sequencenumber DESC LIMIT 1""").param(id).query(String.class).single();
        assertThat(last).contains(jdbc.sql("SELECT affiliation FROM member_directory WHERE member_id = ?").param(id)
                .query(String.class).single());
        await().atMost(WAIT).until(() -> publishedSequences(id).size() == accepted + 1);
        assertThat(publishedSequences(id)).isSorted();
        assertInvariants();
    }

    @Test
    @Order(7)
    @DisplayName("fault: a replica killed with SIGKILL mid-batch; the others take over its partitions and the publisher")
    void replicaKilledMidBatch() throws Exception {
        Process killed = childReplica();
        try {
            List<String> ids = IntStream.range(0, 80).mapToObj(i -> "kill" + i + "-" + shortId()).toList();
            try (KafkaProducer<String, CloudEvent> producer = producer()) {
                for (String id : ids) {
                    producer.send(new ProducerRecord<>(prefix + EventStream.NOMINATIONS.topic(), id,
                            nominationConfirmed(id)));
                }
            }
            List<String> members = IntStream.range(0, 10).mapToObj(i -> "killpub" + i + "-" + shortId()).toList();
            for (String member : members) {
                assertThat(join(a, member).statusCode()).isEqualTo(201);
            }
            // mid-batch: some of the burst is handled, not all of it
            await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> ids.stream().anyMatch(id -> effects(id) > 0));
            killed.destroyForcibly().waitFor();
            await().atMost(WAIT).until(() -> ids.stream().allMatch(id -> effects(id) >= 1)
                    && publishedKeys().containsAll(members));
            awaitConsumed();
            assertThat(ids).allSatisfy(id -> assertThat(effects(id)).as(id).isEqualTo(1));
        } finally {
            killed.destroyForcibly();
        }
        assertInvariants();
    }

    @Test
    @Order(8)
    @DisplayName("a newer event revision than the consumer knows pauses its partition with an alert: not dead-lettered, order kept")
    void newerRevisionPausesItsPartition() throws Exception {
        String key = "newer-" + shortId();
        CloudEvent future = CloudEventBuilder.v1(nominationConfirmed(key))
                .withType("dev.charter.nominations.NominationConfirmed.v2").build();
        String behind = key + "-behind";
        String elsewhere = "elsewhere-" + shortId();
        try (KafkaProducer<String, CloudEvent> producer = producer();
             KafkaTestConsumer deadLetters = new KafkaTestConsumer(bootstrap(), InboundEventListener.deadLetterTopic(
                     prefix + EventStream.NOMINATIONS.topic(), "testapp"))) {
            producer.send(new ProducerRecord<>(prefix + EventStream.NOMINATIONS.topic(), 0, key, future)).get();
            producer.send(new ProducerRecord<>(prefix + EventStream.NOMINATIONS.topic(), 0, behind,
                    nominationConfirmed(behind))).get();
            producer.send(new ProducerRecord<>(prefix + EventStream.NOMINATIONS.topic(), 1, elsewhere,
                    nominationConfirmed(elsewhere))).get();
            await().atMost(WAIT).until(() -> effects(elsewhere) == 1);
            await().atMost(WAIT).until(() -> pausedPartitions() > 0);
            // the event behind it on its partition waits: order is kept
            assertThat(effects(behind)).isZero();
            assertThat(deadLetters.poll().stream().map(r -> header(r, "ce_id"))).doesNotContain(future.getId());
        }
    }

    @Test
    @Order(9)
    @DisplayName("with the production timeouts, a publisher whose send hangs keeps its claim: the other replica never publishes the same events")
    void slowSendKeepsTheClaimWithProductionValues() throws Exception {
        // two replicas with the platform's production defaults (send 10 s, max.block.ms 5 s, claim timeout 30 s)
        TestInfrastructure.Postgres pg = TestInfrastructure.postgres();
        String ownDatabase = TestInfrastructure.newDatabase("faults_production");
        URI admin = URI.create(pg.adminUrl().substring("jdbc:".length()));
        String viaForwarder = ownDatabase.replace(admin.getHost() + ":" + admin.getPort(), "localhost:" + postgres.port());
        String ownPrefix = TestInfrastructure.newTopicPrefix("production");
        List<String> production = List.of("--server.port=0", "--management.server.port=0",
                "--spring.datasource.url=" + viaForwarder, "--spring.datasource.username=" + pg.username(),
                "--spring.datasource.password=" + pg.password(), "--spring.kafka.bootstrap-servers=" + bootstrap(),
                "--charter.kafka.topic-prefix=" + ownPrefix, "--charter.security.dev-issuer.key-file=" + keyFile,
                "--spring.main.banner-mode=off");
        JdbcClient own = JdbcClient.create(TestInfrastructureDataSource.of(ownDatabase, pg));
        try (ConfigurableApplicationContext first = new SpringApplicationBuilder(PlatformTestApplication.class)
                .registerShutdownHook(false).run(production.toArray(String[]::new));
             ConfigurableApplicationContext second = new SpringApplicationBuilder(PlatformTestApplication.class)
                     .registerShutdownHook(false).run(production.toArray(String[]::new));
             KafkaTestConsumer topic = new KafkaTestConsumer(bootstrap(), ownPrefix + EventStream.REGISTRY.topic())) {
            String warmUp = "prodwarm-" + shortId();
            assertThat(join(first, warmUp).statusCode()).isEqualTo(201);
            await().atMost(WAIT).until(() -> topic.poll().stream().anyMatch(r -> warmUp.equals(r.key())));
            String owner = publisherOwner(own);
            assertThat(owner).isNotNull();

            // the broker hangs: the publisher's send waits (up to max.block.ms + send timeout = 15 s < claim 30 s)
            kafka.freeze();
            List<String> members = IntStream.range(0, 3).mapToObj(i -> "prod" + i + "-" + shortId()).toList();
            for (String member : members) {
                assertThat(join(second, member).statusCode()).isEqualTo(201);
            }
            // with Axon's default claim timeout (10 s) and the former send timeout (30 s) the other replica would have
            // claimed the publisher here and sent the same events; with the production values nobody takes it over
            await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(12)).pollInterval(Duration.ofMillis(250))
                    .until(() -> owner.equals(publisherOwner(own)));
            kafka.thaw();
            await().atMost(WAIT).until(() -> {
                Set<String> keys = new HashSet<>();
                topic.poll().forEach(r -> keys.add(r.key()));
                return keys.containsAll(members);
            });
            Map<String, Integer> copies = new HashMap<>();
            topic.poll().forEach(r -> copies.merge(header(r, "ce_id"), 1, Integer::sum));
            assertThat(copies.values()).as("each event published once").containsOnly(1);
        } finally {
            kafka.thaw();
        }
    }

    private static String publisherOwner(JdbcClient jdbc) {
        return jdbc.sql("SELECT owner FROM tokenentry WHERE processorname = 'charter-publisher'").query(String.class)
                .optional().orElse(null);
    }

    // --- the invariant

    /** Nothing lost, nothing applied twice, the chain verifies, the replicas converge. */
    private void assertInvariants() {
        await().atMost(WAIT).until(() -> {
            AuditVerifier.Verdict verdict = a.getBean(AuditVerifier.class).verify();
            return verdict.valid() && verdict.unchained() == 0;
        });
        // every public event of the store is on the topic
        Set<String> stored = new HashSet<>(jdbc.sql("SELECT eventidentifier FROM domainevententry").query(String.class)
                .list());
        await().atMost(WAIT).until(() -> publishedIds().containsAll(stored));
        // each consumed event id has one effect; the projection applied every event once
        assertThat(count("SELECT count(*) FROM (SELECT event_id FROM test_effect GROUP BY event_id HAVING count(*) > 1) d"))
                .isZero();
        await().atMost(WAIT).until(() -> count("SELECT coalesce(sum(events), 0) FROM member_directory")
                == count("SELECT count(*) FROM domainevententry"));
        // both replicas answer from the same state
        assertThat(count(a, "SELECT count(*) FROM domainevententry")).isEqualTo(count(b, "SELECT count(*) FROM domainevententry"));
    }

    // --- helpers

    private Process childReplica() throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Daxoniq.update-checker.disabled=true",
                "-cp", System.getProperty("java.class.path"), PlatformTestApplication.class.getName()));
        command.addAll(arguments());
        File log = Files.createTempFile("fault-replica", ".log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    private int pausedPartitions() {
        return a.getBean(InboundEventListener.class).pausedPartitions().size()
                + b.getBean(InboundEventListener.class).pausedPartitions().size();
    }

    /** The replicas' group has committed everything on the nominations topic. */
    private void awaitConsumed() {
        dev.charter.testsupport.KafkaLag.awaitCaughtUp(bootstrap(), prefix + "charter-testapp",
                prefix + EventStream.NOMINATIONS.topic(), WAIT);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private static long count(ConfigurableApplicationContext replica, String sql) {
        return JdbcClient.create(replica.getBean(DataSource.class)).sql(sql).query(Long.class).single();
    }

    private long effects(String nominationId) {
        return count("SELECT count(*) FROM test_effect WHERE nomination_id = ?", nominationId);
    }

    private Set<String> publishedKeys() {
        Set<String> keys = new HashSet<>();
        published.poll().forEach(r -> keys.add(r.key()));
        return keys;
    }

    private Set<String> publishedIds() {
        Set<String> ids = new HashSet<>();
        published.poll().forEach(r -> ids.add(header(r, "ce_id")));
        return ids;
    }

    private List<Long> publishedSequences(String key) {
        List<Long> sequences = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : published.poll()) {
            if (key.equals(record.key()) && seen.add(header(record, "ce_id"))) {
                sequences.add(Long.parseLong(header(record, "ce_aggregatesequence")));
            }
        }
        return sequences;
    }

    private KafkaProducer<String, CloudEvent> producer() {
        Map<String, Object> config = new HashMap<>(Map.of("bootstrap.servers", bootstrap(), "acks", "all"));
        return new KafkaProducer<>(config, new StringSerializer(), new CloudEventSerializer());
    }

    private CloudEvent nominationConfirmed(String nominationId) {
        return CloudEventMapper.publicEvent(json, EventStream.NOMINATIONS.publisher(), UUID.randomUUID().toString(),
                nominationId, new NominationConfirmed(nominationId, NominationKind.MODULE_MAINTAINER, "carol",
                        Role.MODULE_MAINTAINER, "nn", "Reviews.", "lead", "ballot-" + nominationId, null, "rules"));
    }

    private HttpResponse<String> join(ConfigurableApplicationContext replica, String id) {
        return send(request(replica, "/api/v1/members").POST(body("{\"id\":\"" + id + "\",\"name\":\"M\"}")).build());
    }

    private HttpResponse<String> joinWithKey(ConfigurableApplicationContext replica, String id) {
        return send(request(replica, "/api/v1/members").header("Idempotency-Key", "key-" + id)
                .POST(body("{\"id\":\"" + id + "\",\"name\":\"M\"}")).build());
    }

    private HttpResponse<String> putWithKey(ConfigurableApplicationContext replica, String id, String affiliation) {
        return send(request(replica, "/api/v1/members/" + id + "/affiliation").header("Idempotency-Key", "put-" + id)
                .PUT(body("{\"affiliation\":\"" + affiliation + "\"}")).build());
    }

    private HttpResponse<String> put(ConfigurableApplicationContext replica, String id, String affiliation) {
        return send(request(replica, "/api/v1/members/" + id + "/affiliation")
                .PUT(body("{\"affiliation\":\"" + affiliation + "\"}")).build());
    }

    private HttpRequest.Builder request(ConfigurableApplicationContext replica, String path) {
        int port = ((WebServerApplicationContext) replica).getWebServer().getPort();
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + tokens.issue("alice"))
                .timeout(Duration.ofSeconds(30));
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return HttpRequest.BodyPublishers.ofString(json);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A plain connection pool for the test's own queries, straight to PostgreSQL (not through the forwarder). */
    private static final class TestInfrastructureDataSource {
        static DataSource of(String url, TestInfrastructure.Postgres pg) {
            org.springframework.jdbc.datasource.DriverManagerDataSource dataSource =
                    new org.springframework.jdbc.datasource.DriverManagerDataSource(url, pg.username(), pg.password());
            return dataSource;
        }
    }
}
