package dev.charter.deploy;

import dev.charter.nomination.NominationApplication;
import dev.charter.platform.messaging.MessageContext;
import dev.charter.registry.RegistryApplication;
import dev.charter.registry.bootstrap.RosterImporter;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system on one machine, no Docker: an embedded PostgreSQL (data kept in {@code .charter/local}),
 * an in-JVM Kafka broker and every service, each with its own schema and port, trusting one development
 * token issuer. The first start imports the demo roster. The event stores are the truth: the broker keeps
 * nothing across restarts, so each service republishes its event store at start-up and consumers skip
 * what they already handled.
 */
public final class LocalStack {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    /**
     * A service of the stack: its application class, the name of its configuration file (the services share one
     * classpath, so each reads its own), port, database schema and settings of its own.
     */
    record Service(String name, Class<?> application, String configName, int port, String schema, String document,
                   Map<String, Object> settings) {
    }

    static final List<Service> SERVICES = List.of(
            new Service("registry", RegistryApplication.class, "application", port("REGISTRY_PORT", 8081), "registry",
                    "registry.yaml", Map.of()),
            // a demo calendar: the core maintainers "meet" every ten minutes, so a request to them is reviewed soon
            new Service("nomination", NominationApplication.class, NominationApplication.CONFIG_NAME,
                    port("NOMINATION_PORT", 8083), "nomination", "nominations.yaml", Map.of(
                    "charter.nomination.review-cycles.next-meeting", "2026-01-01T00:00:00Z",
                    "charter.nomination.review-cycles.length",
                    System.getenv().getOrDefault("NOMINATION_REVIEW_CYCLE", "PT10M"),
                    "charter.nomination.review-cycles.cut-off", "PT1M",
                    "charter.nomination.candidacy-window", "PT30M")));

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        Path home = Path.of(System.getenv().getOrDefault("CHARTER_HOME", ".charter/local")).toAbsolutePath();
        Files.createDirectories(home);
        int postgresPort = port("CHARTER_LOCAL_POSTGRES_PORT", 54329);
        int kafkaPort = port("CHARTER_LOCAL_KAFKA_PORT", 19092);

        log.info("Starting PostgreSQL (data in {}) on port {}", home.resolve("postgres"), postgresPort);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(home.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setPort(postgresPort)
                .setRegisterShutdownHook(false)
                .start();

        log.info("Starting Kafka on port {}", kafkaPort);
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.kafkaPorts(kafkaPort);
        kafka.brokerProperties(Map.of("auto.create.topics.enable", "true", "num.partitions", "3",
                "offsets.topic.replication.factor", "1"));
        kafka.afterPropertiesSet();

        List<ConfigurableApplicationContext> contexts = Collections.synchronizedList(new ArrayList<>());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping the local stack");
            List<ConfigurableApplicationContext> running = new ArrayList<>(contexts);
            Collections.reverse(running);
            running.forEach(ConfigurableApplicationContext::close);
            kafka.destroy();
            try {
                postgres.close();
            } catch (IOException e) {
                log.warn("PostgreSQL did not stop cleanly", e);
            }
        }, "charter-local-shutdown"));

        for (Service service : SERVICES) {
            log.info("Starting {} on port {}", service.name(), service.port());
            contexts.add(new SpringApplicationBuilder(service.application())
                    .registerShutdownHook(false)
                    .properties(properties(service, postgresPort, kafka.getBrokersAsString(), home))
                    .run(arguments(service)));
        }
        seed(contexts.get(0));
        printWelcome();
    }

    static Map<String, Object> properties(Service service, int postgresPort, String kafka, Path home) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", service.port());
        properties.put("spring.datasource.url",
                "jdbc:postgresql://localhost:" + postgresPort + "/postgres?currentSchema=" + service.schema());
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "postgres");
        properties.put("spring.flyway.schemas", service.schema());
        properties.put("spring.kafka.bootstrap-servers", kafka);
        properties.put("charter.security.dev-issuer.enabled", "true");
        properties.put("charter.security.dev-issuer.key-file", home.resolve("dev-issuer.jwk").toString());
        properties.put("charter.publisher.republish-on-start", "true");
        properties.put("spring.main.banner-mode", "off");
        return properties;
    }

    /** Its configuration's name, and its own settings, which win over its configuration file. */
    static String[] arguments(Service service) {
        List<String> arguments = new ArrayList<>(List.of("--spring.config.name=" + service.configName()));
        service.settings().forEach((key, value) -> arguments.add("--" + key + "=" + value));
        return arguments.toArray(String[]::new);
    }

    private static void seed(ConfigurableApplicationContext registry) throws IOException {
        RosterImporter importer = registry.getBean(RosterImporter.class);
        if (importer.hasHistory()) {
            log.info("The registry has history; the demo roster is not imported again");
            return;
        }
        String yaml = new ClassPathResource("local/demo-roster.yaml").getContentAsString(StandardCharsets.UTF_8);
        RosterImporter.Report report = MessageContext.newRequest("system:local-stack")
                .call(() -> importer.importRoster(RosterImporter.parse(yaml)));
        log.info("Imported the demo roster: {} persons, {} modules", report.persons(), report.modules());
    }

    private static void printWelcome() {
        StringBuilder text = new StringBuilder("\n\n  Charter is running (local stack). Ctrl-C stops it; data stays in .charter/local.\n\n");
        for (Service service : SERVICES) {
            String base = "http://localhost:" + service.port();
            text.append(String.format("  %-12s %s/api/v1/...   OpenAPI: %s/openapi/%s   health: %s/actuator/health%n",
                    service.name(), base, base, service.document(), base));
        }
        text.append("""

                  A token for any person (the demo lead is 'ada'):
                    TOKEN=$(curl -s 'http://localhost:8081/dev/token?sub=ada')
                  then, for example:
                    curl -s http://localhost:8081/api/v1/roster
                    curl -s http://localhost:8081/api/v1/files/codeowners
                    curl -s -X PUT http://localhost:8081/api/v1/persons/ada/affiliation \\
                         -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
                         -d '{"affiliation":"Independent Co"}'
                    curl -s 'http://localhost:8083/api/v1/nominations?open=true'
                    curl -s http://localhost:8083/api/v1/review-cycles
                  (the README walks through a nomination)

                """);
        log.info(text.toString());
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
