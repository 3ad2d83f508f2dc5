package dev.charter.systemtests;

import dev.charter.client.audit.AuditApi;
import dev.charter.deploy.ServiceLauncher;
import dev.charter.deploy.ServiceSpec;
import dev.charter.deploy.Services;
import dev.charter.platform.security.DevTokenIssuer;
import dev.charter.testsupport.KafkaLag;
import dev.charter.testsupport.TestInfrastructure;
import dev.charter.contracts.EventStream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * Every service, started once per test JVM as the local stack starts them: one PostgreSQL database with a
 * schema per service, one Kafka broker, one development token issuer, and the test roster imported. Tests reach
 * them only over HTTP through the generated clients; scenario classes share the system, so each reads what it
 * depends on (a body's members, the lead) from the services rather than assuming another class has not run.
 */
final class SystemUnderTest implements AutoCloseable {

    private static SystemUnderTest instance;

    /**
     * A fast calendar: the core maintainers "meet" every 15 seconds; candidacy windows last 10 seconds; the
     * inactivity sweep (R14) runs every second and a notice's grace period lasts 10 seconds.
     */
    static final Map<String, Map<String, Object>> SETTINGS = Map.of(
            Services.NOMINATION.name(), Map.of(
                    "charter.nomination.review-cycles.next-meeting", "2026-01-01T00:00:00Z",
                    "charter.nomination.review-cycles.length", "PT15S",
                    "charter.nomination.review-cycles.cut-off", "PT2S",
                    "charter.nomination.candidacy-window", "PT10S"),
            Services.REGISTRY.name(), Map.of(
                    "charter.registry.inactivity.sweep-interval", "PT1S",
                    "charter.registry.inactivity.grace-period", "PT10S"));

    /** The one operator of every service (charter.operators): rebuilds read models, re-publishes parked events. */
    static final String OPERATOR = "ada";

    private final Map<String, ConfigurableApplicationContext> services = new LinkedHashMap<>();
    private Map<String, Object> auditorKafka;
    private final DevTokenIssuer tokens;
    private final String topicPrefix;

    private SystemUnderTest() {
        TestInfrastructure.Postgres pg = TestInfrastructure.postgres();
        Path keyFile;
        try {
            keyFile = Files.createTempDirectory("charter-system").resolve("dev-issuer.jwk");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        topicPrefix = TestInfrastructure.newTopicPrefix("system");
        ServiceLauncher launcher = new ServiceLauncher(TestInfrastructure.newDatabase("system"), pg.username(),
                pg.password(), service -> TestInfrastructure.kafkaSettings(service.name()), topicPrefix, keyFile, false,
                service -> 0);
        for (ServiceSpec service : Services.ALL) {
            Map<String, Object> settings = new LinkedHashMap<>(SETTINGS.getOrDefault(service.name(), Map.of()));
            settings.put("charter.operators", OPERATOR);
            services.put(service.name(), launcher.start(service, 0, settings));
        }
        tokens = services.get(Services.REGISTRY.name()).getBean(DevTokenIssuer.class);
    }

    /**
     * The running system. JUnit closes it when all tests have run, while PostgreSQL and Kafka are still up
     * (JVM shutdown hooks would stop everything at once, and the services would wait for servers already gone).
     */
    static synchronized SystemUnderTest get(ExtensionContext context) {
        if (instance == null) {
            instance = new SystemUnderTest();
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(SystemUnderTest.class, instance);
            instance.importRoster();
        }
        return instance;
    }

    /**
     * Imports the test roster (roster.yaml) into the empty registry, once for every scenario class, and waits until
     * the lead is seated and every service's roster copy has it.
     */
    private void importRoster() {
        try {
            String roster = new ClassPathResource("roster.yaml").getContentAsString(StandardCharsets.UTF_8);
            new Clients(this, "ada").bootstrap().importRoster(roster, null);
            Clients anonymous = new Clients(this, null);
            await().atMost(Duration.ofSeconds(90)).until(() -> anonymous.roster().getRoster(null).getLead() != null);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("The test roster could not be imported", e);
        }
        awaitRosterCopies();
    }

    /**
     * Waits until the registry has published every event of its store (its audit chain has them all) and every
     * other service has consumed the registry's stream so far (their roster copies).
     */
    void awaitRosterCopies() {
        dev.charter.client.audit.invoker.ApiClient client = new dev.charter.client.audit.invoker.ApiClient();
        client.updateBaseUri(baseUri(Services.REGISTRY));
        AuditApi audit = new AuditApi(client);
        await().atMost(Duration.ofSeconds(60)).until(() -> audit.verifyChain().getUnchained() == 0);
        for (ServiceSpec service : Services.ALL) {
            if (service != Services.REGISTRY) {
                KafkaLag.awaitCaughtUp(TestInfrastructure.kafkaBootstrapServers(),
                        topicPrefix + "charter-" + service.name(), topicPrefix + EventStream.REGISTRY.topic(),
                        Duration.ofSeconds(60));
            }
        }
    }

    @Override
    public void close() {
        List<ConfigurableApplicationContext> running = new ArrayList<>(services.values());
        Collections.reverse(running);
        running.forEach(ConfigurableApplicationContext::close);
    }

    String baseUri(ServiceSpec service) {
        return "http://localhost:" + ServiceLauncher.port(services.get(service.name()));
    }

    /** The service's own database (its schema). */
    org.springframework.jdbc.core.simple.JdbcClient jdbc(ServiceSpec service) {
        return org.springframework.jdbc.core.simple.JdbcClient.create(
                services.get(service.name()).getBean(javax.sql.DataSource.class));
    }

    /** The service's management port (actuator), never its API port. */
    String managementUri(ServiceSpec service) {
        return "http://localhost:" + services.get(service.name()).getEnvironment().getProperty("local.management.port");
    }

    /**
     * Kafka client settings of an auditor: the broker's read-only {@code charter-auditor} user (its ACLs as in
     * Kubernetes: read every stream of this system, nothing else), without the bootstrap address.
     */
    synchronized Map<String, Object> auditorKafka() {
        if (auditorKafka == null) {
            Map<String, Object> client = new LinkedHashMap<>(TestInfrastructure.kafkaUser(
                    dev.charter.platform.kafka.KafkaAccess.AUDITOR, dev.charter.platform.kafka.KafkaAccess
                            .auditorBindings("User:" + dev.charter.platform.kafka.KafkaAccess.AUDITOR, topicPrefix)));
            client.remove(org.apache.kafka.clients.CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
            auditorKafka = client;
        }
        return auditorKafka;
    }

    /** The prefix of every topic of this system. */
    String topicPrefix() {
        return topicPrefix;
    }

    /** A bearer token for the person, from the development issuer every service trusts. */
    String token(String personId) {
        return tokens.issue(personId);
    }
}
