package dev.charter.testsupport;

import dev.charter.embedded.SecuredEmbeddedKafka;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.config.SaslConfigs;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real PostgreSQL and Kafka servers tests run against (DESIGN §6), started once per JVM:
 * <ol>
 *   <li>servers named by environment variables, if given: {@code CHARTER_TEST_POSTGRES_URL}
 *       (a JDBC URL of a database the user may {@code CREATE DATABASE} from), {@code CHARTER_TEST_POSTGRES_USER},
 *       {@code CHARTER_TEST_POSTGRES_PASSWORD}, {@code CHARTER_TEST_KAFKA_BOOTSTRAP_SERVERS} with, for a broker
 *       that authenticates, a super user's {@code CHARTER_TEST_KAFKA_USERNAME} and {@code CHARTER_TEST_KAFKA_PASSWORD}
 *       ({@code CHARTER_TEST_KAFKA_SECURITY_PROTOCOL}, default {@code SASL_PLAINTEXT};
 *       {@code CHARTER_TEST_KAFKA_SASL_MECHANISM}, default {@code SCRAM-SHA-512});</li>
 *   <li>else Testcontainers (PostgreSQL and Kafka images) when a Docker engine answers;</li>
 *   <li>else embedded ones: zonky's PostgreSQL and the in-JVM KRaft broker, with SASL and ACLs
 *       ({@link SecuredEmbeddedKafka}).</li>
 * </ol>
 * On a broker that authenticates, each service of a test connects as its own SCRAM-SHA-512 user and creates the
 * ACLs of that user at start-up ({@code charter.kafka.acl-provisioning.*}, with the super user's settings), as a
 * Strimzi {@code KafkaUser} would hold them in production; the tests' own clients (publishing as another service,
 * reading topics) are the super user.
 * {@code CHARTER_TEST_INFRA=embedded|testcontainers} forces a choice. Every Spring context gets a fresh
 * database and its own Kafka topic prefix, so cached contexts never see each other's events.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private static Postgres postgres;
    private static Kafka kafka;

    /**
     * How to reach the Kafka broker: its bootstrap address and the client settings of a super user (just the
     * address for a broker that does not authenticate), and how to get a user of its own for a service.
     */
    public record Kafka(String bootstrapServers, Map<String, Object> adminProperties, Users users) {

        /** Whether the broker authenticates clients and authorises them by ACLs. */
        public boolean secured() {
            return adminProperties.containsKey(SaslConfigs.SASL_MECHANISM);
        }

        /** Client settings of the user, created on first use (the super user's settings on an open broker). */
        public Map<String, Object> user(String name) {
            return secured() ? users.user(name) : adminProperties;
        }
    }

    /** Creates (or returns) a broker user's client settings. */
    @FunctionalInterface
    public interface Users {
        Map<String, Object> user(String name);
    }

    /** How to reach the PostgreSQL server: an admin JDBC URL and credentials. */
    public record Postgres(String adminUrl, String username, String password) {

        /** The JDBC URL of another database on the same server. */
        public String urlOf(String database) {
            int slash = adminUrl.lastIndexOf('/');
            int query = adminUrl.indexOf('?', slash);
            return adminUrl.substring(0, slash + 1) + database + (query >= 0 ? adminUrl.substring(query) : "");
        }
    }

    private TestInfrastructure() {
    }

    public static synchronized Postgres postgres() {
        if (postgres == null) {
            postgres = startPostgres();
        }
        return postgres;
    }

    public static synchronized Kafka kafka() {
        if (kafka == null) {
            kafka = startKafka();
        }
        return kafka;
    }

    public static String kafkaBootstrapServers() {
        return kafka().bootstrapServers();
    }

    /**
     * Client settings for a test's own Kafka client (consumer, producer, admin) on a broker: the test broker's
     * super user for the test broker, the bare address for any other (e.g. a broker a test starts itself).
     */
    public static Map<String, Object> clientProperties(String bootstrapServers) {
        Kafka test = kafka();
        if (test.bootstrapServers().equals(bootstrapServers)) {
            return new HashMap<>(test.adminProperties());
        }
        return new HashMap<>(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /**
     * The Spring settings ({@code spring.kafka.*}, {@code charter.kafka.acl-provisioning.*}) that connect a service
     * to the test broker as its own user, which may do only what the ACLs the service provisions at start-up allow.
     */
    public static Map<String, String> kafkaSettings(String user) {
        Kafka test = kafka();
        return test.secured() ? SecuredEmbeddedKafka.serviceSettings(user, test.user(user), test.adminProperties())
                : SecuredEmbeddedKafka.springProperties(test.adminProperties());
    }

    /**
     * Client settings of a user of the test broker that may do only what the given ACLs allow (e.g. an auditor that
     * reads the streams): the user is created on first use and the ACLs before this returns, once the broker applies
     * them. On a broker that does not authenticate, its plain settings.
     */
    public static Map<String, Object> kafkaUser(String name, java.util.Collection<org.apache.kafka.common.acl.AclBinding> acls) {
        Kafka test = kafka();
        if (!test.secured()) {
            return new HashMap<>(test.adminProperties());
        }
        Map<String, Object> client = new HashMap<>(test.user(name));
        SecuredEmbeddedKafka.grant(test.adminProperties(), acls);
        return client;
    }

    /** Creates an empty database on the test server and returns its JDBC URL. */
    public static String newDatabase(String prefix) {
        Postgres pg = postgres();
        String name = (prefix + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet())
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        try (Connection connection = DriverManager.getConnection(pg.adminUrl(), pg.username(), pg.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return pg.urlOf(name);
    }

    /**
     * A fresh database migrated with the given Flyway locations (e.g. {@code classpath:db/migration/platform}),
     * for a test of a projection's or a copy's SQL without a Spring context.
     */
    public static DataSource migratedDatabase(String prefix, String... flywayLocations) {
        Postgres pg = postgres();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(newDatabase(prefix));
        dataSource.setUser(pg.username());
        dataSource.setPassword(pg.password());
        Flyway.configure().dataSource(dataSource).locations(flywayLocations).load().migrate();
        return dataSource;
    }

    /** A Kafka topic prefix no other context of this JVM uses. */
    public static String newTopicPrefix(String prefix) {
        return "t" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet() + "-" + prefix + ".";
    }

    /**
     * Points one Spring context at a fresh database and a fresh topic prefix. Call it from a
     * {@code @DynamicPropertySource} method.
     */
    public static void register(DynamicPropertyRegistry registry, String service) {
        register(registry, newDatabase(service), newTopicPrefix(service), service);
    }

    /**
     * Points a Spring context at the given database and topic prefix, connected to Kafka as the given user
     * (the services of one test share a database and a prefix, each with its own user).
     */
    public static void register(DynamicPropertyRegistry registry, String jdbcUrl, String topicPrefix, String kafkaUser) {
        Postgres pg = postgres();
        registry.add("spring.datasource.url", () -> jdbcUrl);
        registry.add("spring.datasource.username", pg::username);
        registry.add("spring.datasource.password", pg::password);
        kafkaSettings(kafkaUser).forEach((key, value) -> registry.add(key, () -> value));
        registry.add("charter.kafka.topic-prefix", () -> topicPrefix);
    }

    private static String choice() {
        String forced = System.getenv("CHARTER_TEST_INFRA");
        if (forced != null && !forced.isBlank()) {
            return forced.trim().toLowerCase(Locale.ROOT);
        }
        return dockerAvailable() ? "testcontainers" : "embedded";
    }

    private static boolean dockerAvailable() {
        boolean configured = System.getenv("DOCKER_HOST") != null
                || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))
                || java.nio.file.Files.exists(java.nio.file.Path.of(System.getProperty("user.home"), ".docker", "run",
                "docker.sock"))
                || java.nio.file.Files.exists(java.nio.file.Path.of(System.getProperty("user.home"),
                ".testcontainers.properties"));
        if (!configured) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    /**
     * System property: {@code true} starts the embedded PostgreSQL durable (fsync, synchronous_commit and
     * full_page_writes on), as the benchmarks need; the tests keep zonky's fast, non-durable defaults.
     */
    public static final String DURABLE_POSTGRES = "charter.test.postgres.durable";

    private static Postgres startPostgres() {
        String url = System.getenv("CHARTER_TEST_POSTGRES_URL");
        if (url != null && !url.isBlank()) {
            log.info("Tests use the PostgreSQL server at {}", url);
            return new Postgres(url, env("CHARTER_TEST_POSTGRES_USER", "postgres"),
                    env("CHARTER_TEST_POSTGRES_PASSWORD", ""));
        }
        if (choice().equals("testcontainers")) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            log.info("Tests use a PostgreSQL container at {}", container.getJdbcUrl());
            return new Postgres(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (Boolean.getBoolean(DURABLE_POSTGRES)) {
                // as in production: every commit flushed to disk (zonky's defaults trade that for speed)
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            EmbeddedPostgres embedded = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (Exception ignored) {
                    // the JVM is going away
                }
            }));
            String jdbcUrl = embedded.getJdbcUrl("postgres", "postgres");
            log.info("Tests use an embedded PostgreSQL at {}", jdbcUrl);
            return new Postgres(jdbcUrl, "postgres", "postgres");
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL", e);
        }
    }

    private static Kafka startKafka() {
        String servers = System.getenv("CHARTER_TEST_KAFKA_BOOTSTRAP_SERVERS");
        if (servers != null && !servers.isBlank()) {
            return externalKafka(servers.trim());
        }
        if (choice().equals("testcontainers")) {
            KafkaContainer container = new KafkaContainer("apache/kafka-native:4.1.0");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            log.info("Tests use a Kafka container at {} (no authentication)", container.getBootstrapServers());
            return open(container.getBootstrapServers());
        }
        SecuredEmbeddedKafka broker = SecuredEmbeddedKafka.start("charter.test.kafka.brokers",
                Map.of("auto.create.topics.enable", "true", "num.partitions", "3"));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
        log.info("Tests use an in-JVM Kafka broker at {} (SASL SCRAM-SHA-512, ACLs)", broker.bootstrapServers());
        return new Kafka(broker.bootstrapServers(), broker.adminProperties(), broker::user);
    }

    /** A broker of the environment; with a super user's credentials, services get users and ACLs of their own. */
    private static Kafka externalKafka(String servers) {
        String username = System.getenv("CHARTER_TEST_KAFKA_USERNAME");
        if (username == null || username.isBlank()) {
            log.info("Tests use the Kafka broker at {} (no authentication)", servers);
            return open(servers);
        }
        String mechanism = env("CHARTER_TEST_KAFKA_SASL_MECHANISM", SecuredEmbeddedKafka.SCRAM_MECHANISM);
        String loginModule = mechanism.startsWith("SCRAM") ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                : "org.apache.kafka.common.security.plain.PlainLoginModule";
        Map<String, Object> admin = new HashMap<>();
        admin.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, servers);
        admin.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, env("CHARTER_TEST_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT"));
        admin.put(SaslConfigs.SASL_MECHANISM, mechanism);
        admin.put(SaslConfigs.SASL_JAAS_CONFIG, loginModule + " required username=\"" + username + "\" password=\""
                + env("CHARTER_TEST_KAFKA_PASSWORD", "") + "\";");
        log.info("Tests use the Kafka broker at {} as {} ({})", servers, username, mechanism);
        Map<String, String> passwords = new ConcurrentHashMap<>();
        return new Kafka(servers, Map.copyOf(admin), user -> {
            String password = passwords.computeIfAbsent(user, name -> createScramUser(admin, name));
            Map<String, Object> client = new HashMap<>(admin);
            client.putAll(SecuredEmbeddedKafka.scram(user, password));
            client.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, admin.get(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG));
            return client;
        });
    }

    private static Kafka open(String servers) {
        Map<String, Object> plain = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, servers);
        return new Kafka(servers, plain, user -> plain);
    }

    private static String createScramUser(Map<String, Object> admin, String user) {
        String password = UUID.randomUUID().toString();
        try (Admin client = Admin.create(admin)) {
            client.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password))).all().get(30, TimeUnit.SECONDS);
            return password;
        } catch (Exception e) {
            throw new IllegalStateException("Could not create the Kafka user " + user, e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
