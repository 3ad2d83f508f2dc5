package dev.charter.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real PostgreSQL and Kafka servers tests run against (DESIGN §6), started once per JVM:
 * <ol>
 *   <li>servers named by environment variables, if given: {@code CHARTER_TEST_POSTGRES_URL}
 *       (a JDBC URL of a database the user may {@code CREATE DATABASE} from), {@code CHARTER_TEST_POSTGRES_USER},
 *       {@code CHARTER_TEST_POSTGRES_PASSWORD}, {@code CHARTER_TEST_KAFKA_BOOTSTRAP_SERVERS};</li>
 *   <li>else Testcontainers (PostgreSQL and Kafka images) when a Docker engine answers;</li>
 *   <li>else embedded ones: zonky's PostgreSQL and the in-JVM KRaft broker.</li>
 * </ol>
 * {@code CHARTER_TEST_INFRA=embedded|testcontainers} forces a choice. Every Spring context gets a fresh
 * database and its own Kafka topic prefix, so cached contexts never see each other's events.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private static Postgres postgres;
    private static String kafkaBootstrapServers;

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

    public static synchronized String kafkaBootstrapServers() {
        if (kafkaBootstrapServers == null) {
            kafkaBootstrapServers = startKafka();
        }
        return kafkaBootstrapServers;
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
        register(registry, newDatabase(service), newTopicPrefix(service));
    }

    /** Points a Spring context at the given database and topic prefix (several services may share them). */
    public static void register(DynamicPropertyRegistry registry, String jdbcUrl, String topicPrefix) {
        Postgres pg = postgres();
        String kafka = kafkaBootstrapServers();
        registry.add("spring.datasource.url", () -> jdbcUrl);
        registry.add("spring.datasource.username", pg::username);
        registry.add("spring.datasource.password", pg::password);
        registry.add("spring.kafka.bootstrap-servers", () -> kafka);
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
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
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

    private static String startKafka() {
        String servers = System.getenv("CHARTER_TEST_KAFKA_BOOTSTRAP_SERVERS");
        if (servers != null && !servers.isBlank()) {
            log.info("Tests use the Kafka broker at {}", servers);
            return servers;
        }
        if (choice().equals("testcontainers")) {
            KafkaContainer container = new KafkaContainer("apache/kafka-native:4.1.0");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            log.info("Tests use a Kafka container at {}", container.getBootstrapServers());
            return container.getBootstrapServers();
        }
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        // by default it would set the system property spring.kafka.bootstrap-servers, overriding every
        // application's own setting in this JVM
        broker.brokerListProperty("charter.test.kafka.brokers");
        broker.brokerProperties(java.util.Map.of(
                "auto.create.topics.enable", "true",
                "offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
        log.info("Tests use an in-JVM Kafka broker at {}", broker.getBrokersAsString());
        return broker.getBrokersAsString();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
