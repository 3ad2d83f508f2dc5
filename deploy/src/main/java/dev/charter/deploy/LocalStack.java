package dev.charter.deploy;

import dev.charter.embedded.SecuredEmbeddedKafka;
import dev.charter.platform.kafka.KafkaAccess;
import dev.charter.platform.messaging.MessageContext;
import dev.charter.registry.bootstrap.RosterDocument;
import dev.charter.registry.bootstrap.RosterImporter;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The whole system on one machine, no Docker: an embedded PostgreSQL (data kept in {@code .charter/local}),
 * an in-JVM Kafka broker and every service, each with its own schema and port, trusting one development
 * token issuer. The first start imports the demo roster. The event stores are the truth: the broker keeps
 * nothing across restarts, so each service republishes its event store at start-up and consumers skip
 * what they already handled.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    /** The actor of what the local stack does by itself, such as importing the demo roster. */
    private static final String LOCAL_STACK = "system:local-stack";

    /**
     * Settings of the local stack only, per service: a demo calendar where the core maintainers "meet" every ten
     * minutes (NOMINATION_REVIEW_CYCLE), so a request to them is reviewed soon.
     */
    static final Map<String, Map<String, Object>> LOCAL_SETTINGS = Map.of(
            Services.NOMINATION.name(), Map.of(
                    "charter.nomination.review-cycles.next-meeting", "2026-01-01T00:00:00Z",
                    "charter.nomination.review-cycles.length",
                    System.getenv().getOrDefault("NOMINATION_REVIEW_CYCLE", "PT10M"),
                    "charter.nomination.review-cycles.cut-off", "PT1M",
                    "charter.nomination.candidacy-window", "PT30M"));

    /** The console's port unless CONSOLE_PORT says otherwise. */
    static final int CONSOLE_PORT = 8080;

    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private ConfigurableApplicationContext console;
    private final EmbeddedPostgres postgres;
    private final SecuredEmbeddedKafka kafka;
    private Path auditorSettings;

    /** The whole stack, with the console on any free port. */
    public LocalStack(Path home, int postgresPort, Function<ServiceSpec, Integer> ports) throws IOException {
        this(home, postgresPort, ports, 0);
    }

    /**
     * Starts everything: PostgreSQL with its data in {@code home}, Kafka, then every service on the port
     * {@code ports} gives it (0 for any free port), imports the demo roster into an empty registry, and starts
     * the console on {@code consolePort} (0 for any free port), signing in with the development issuer.
     */
    public LocalStack(Path home, int postgresPort, Function<ServiceSpec, Integer> ports, int consolePort)
            throws IOException {
        Files.createDirectories(home);
        log.info("Starting PostgreSQL (data in {}) on port {}", home.resolve("postgres"), postgresPort);
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(home.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setPort(postgresPort)
                .setRegisterShutdownHook(false)
                .start();
        log.info("Starting Kafka (SASL SCRAM-SHA-512, ACLs)");
        kafka = SecuredEmbeddedKafka.start("charter.local.kafka.brokers",
                Map.of("auto.create.topics.enable", "true", "num.partitions", "3"));
        try {
            Map<String, Object> shared = new LinkedHashMap<>();
            int disputePort = ports.apply(Services.DISPUTE);
            if (disputePort > 0) {
                // where the registry's module pages and voting's vetoed ballots link disputes and vetoes to
                shared.put("charter.links.disputes", "http://localhost:" + disputePort);
            }
            ServiceLauncher launcher = new ServiceLauncher("jdbc:postgresql://localhost:" + postgresPort + "/postgres",
                    "postgres", "postgres", this::kafkaSettings, "", home.resolve("dev-issuer.jwk"), true,
                    service -> ports.apply(service) == 0 ? 0 : port(service.name().toUpperCase() + "_MANAGEMENT_PORT",
                            service.defaultManagementPort()));
            for (ServiceSpec service : Services.ALL) {
                int port = ports.apply(service);
                log.info("Starting {} on port {}", service.name(), port == 0 ? "(any)" : port);
                Map<String, Object> settings = new LinkedHashMap<>(shared);
                settings.putAll(LOCAL_SETTINGS.getOrDefault(service.name(), Map.of()));
                ConfigurableApplicationContext context = launcher.start(service, port, settings);
                contexts.add(context);
                this.ports.put(service.name(), ServiceLauncher.port(context));
            }
            seed(contexts.get(0));
            auditorSettings = writeAuditorSettings(home);
            for (ServiceSpec service : Services.ALL) {
                writeKafkaEnvironment(home, service);
            }
            log.info("Starting the console on port {}", consolePort == 0 ? "(any)" : consolePort);
            console = ServiceLauncher.startConsole(consolePort, baseUri(Services.REGISTRY), baseUri(Services.VOTING),
                    baseUri(Services.NOMINATION), baseUri(Services.DISPUTE), true);
        } catch (RuntimeException | IOException e) {
            close();
            throw e;
        }
    }

    /**
     * A service connects as its own SCRAM user (named after it) and creates its ACLs at start-up with the broker's
     * admin, as its KafkaUser would hold them in Kubernetes: it may write only its own stream.
     */
    private Map<String, String> kafkaSettings(ServiceSpec service) {
        return kafka.serviceSettings(service.name());
    }

    /**
     * The auditors' read-only Kafka user ({@code charter-auditor}, ACLs as its KafkaUser has in Kubernetes: read every
     * stream, nothing else) and its client settings in {@code <home>/kafka-auditor.properties}, for
     * {@code charter-audit --kafka-config} (the broker's passwords change at every start).
     */
    private Path writeAuditorSettings(Path home) throws IOException {
        Map<String, Object> client = kafka.user(KafkaAccess.AUDITOR,
                KafkaAccess.auditorBindings("User:" + KafkaAccess.AUDITOR, ""));
        java.util.Properties properties = new java.util.Properties();
        client.forEach((key, value) -> properties.setProperty(key, String.valueOf(value)));
        Path file = home.resolve("kafka-auditor.properties");
        try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "charter-audit --kafka-config " + file + " (read-only user charter-auditor)");
        }
        return file;
    }

    /**
     * The service's Kafka settings as environment variables ({@code <home>/<service>-kafka.env}: address, protocol and
     * its SCRAM credentials, which change at every start), for another replica of the service started from its jar
     * (README, "Running a service outside Kubernetes").
     */
    private Path writeKafkaEnvironment(Path home, ServiceSpec service) throws IOException {
        StringBuilder text = new StringBuilder("# " + service.name() + "-service's Kafka settings in this local stack: "
                + "set -a; . <this file>; set +a\n");
        SecuredEmbeddedKafka.springProperties(kafka.user(service.name())).forEach((key, value) -> text
                .append(key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'))
                .append("='").append(value.replace("'", "'\\''")).append("'\n"));
        Path file = home.resolve(service.name() + "-kafka.env");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** The auditor's Kafka client settings file (see {@link #writeAuditorSettings}). */
    public Path auditorSettings() {
        return auditorSettings;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        Path home = Path.of(System.getenv().getOrDefault("CHARTER_HOME", ".charter/local")).toAbsolutePath();
        int postgresPort = port("CHARTER_LOCAL_POSTGRES_PORT", 54329);
        LocalStack stack = new LocalStack(home, postgresPort,
                service -> port(service.name().toUpperCase() + "_PORT", service.defaultPort()),
                port("CONSOLE_PORT", CONSOLE_PORT));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "charter-local-shutdown"));
        stack.printWelcome(home, postgresPort);
    }

    /** The service's running context. */
    public ConfigurableApplicationContext service(ServiceSpec service) {
        return contexts.get(Services.ALL.indexOf(service));
    }

    /** The service's management (actuator) port. */
    public int managementPort(ServiceSpec service) {
        return Integer.parseInt(service(service).getEnvironment().getProperty("local.management.port",
                String.valueOf(port(service))));
    }

    /** The port the service listens on. */
    public int port(ServiceSpec service) {
        return ports.get(service.name());
    }

    /** The service's base URL, e.g. {@code http://localhost:8081}. */
    public String baseUri(ServiceSpec service) {
        return "http://localhost:" + port(service);
    }

    /** The console's address, e.g. {@code http://localhost:8080}. */
    public String consoleUri() {
        return "http://localhost:" + ServiceLauncher.port(console);
    }

    /** Stops the services, then Kafka, then PostgreSQL (its data stays). */
    @Override
    public synchronized void close() {
        log.info("Stopping the local stack");
        List<ConfigurableApplicationContext> running = new ArrayList<>(contexts);
        Collections.reverse(running);
        if (console != null) {
            console.close();
            console = null;
        }
        running.forEach(ConfigurableApplicationContext::close);
        contexts.clear();
        kafka.close();
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("PostgreSQL did not stop cleanly", e);
        }
    }

    private static void seed(ConfigurableApplicationContext registry) throws IOException {
        RosterImporter importer = registry.getBean(RosterImporter.class);
        if (importer.hasHistory()) {
            log.info("The registry has history; the demo roster is not imported again");
            return;
        }
        String yaml = new ClassPathResource("local/demo-roster.yaml").getContentAsString(StandardCharsets.UTF_8);
        RosterImporter.Report report = MessageContext.newRequest(LOCAL_STACK)
                .call(() -> importer.importRoster(RosterDocument.parse(yaml), LOCAL_STACK));
        log.info("Imported the demo roster: {} persons, {} modules", report.persons(), report.modules());
    }

    private void printWelcome(Path home, int postgresPort) {
        StringBuilder text = new StringBuilder("\n\n  Charter is running (local stack). Ctrl-C stops it; data stays in "
                + home + ".\n\n");
        text.append(String.format("  Console      %s   (the governance pages; \"Sign in\" lists the demo people)%n%n",
                consoleUri()));
        for (ServiceSpec service : Services.ALL) {
            String base = "http://localhost:" + port(service);
            text.append(String.format("  %-12s %s/api/v1/...   OpenAPI: %s/openapi/%s   actuator: http://localhost:%d/actuator%n",
                    service.name(), base, base, service.document(), managementPort(service)));
        }
        text.append(String.format("%n  Kafka bootstrap: %s   PostgreSQL: jdbc:postgresql://localhost:%d/postgres "
                + "(user postgres, one schema per service)%n", kafka.bootstrapServers(), postgresPort));
        text.append(String.format("  Auditors: java -jar auditor/target/charter-audit-exec.jar verify --kafka-config %s%n",
                auditorSettings));
        text.append(examples(port(Services.REGISTRY), port(Services.VOTING), port(Services.NOMINATION),
                port(Services.DISPUTE)));
        log.info(text.toString());
    }

    /** The welcome's examples, on the ports the services listen on. */
    static String examples(int registry, int voting, int nomination, int dispute) {
        return """

                  A token for any person (the demo lead is 'ada'):
                    TOKEN=$(curl -s 'http://localhost:%1$d/dev/token?sub=ada')
                  then, for example:
                    curl -s http://localhost:%1$d/api/v1/roster
                    curl -s http://localhost:%1$d/api/v1/files/codeowners
                    curl -s -X PUT http://localhost:%1$d/api/v1/persons/ada/affiliation \\
                         -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
                         -d '{"affiliation":"Independent Co"}'
                  a motion to the core maintainers, and a vote on it (voting-service):
                    curl -s -X POST http://localhost:%2$d/api/v1/ballots -H "Authorization: Bearer $TOKEN" \\
                         -H 'Content-Type: application/json' \\
                         -d '{"question":"Adopt the RFC process?","body":"CORE_MAINTAINERS","deadline":"%5$s"}'
                    curl -s -X PUT http://localhost:%2$d/api/v1/ballots/<id>/votes/ada -H "Authorization: Bearer $TOKEN" \\
                         -H 'Content-Type: application/json' -d '{"choice":"YES","comment":"Long overdue."}'
                    curl -s 'http://localhost:%2$d/api/v1/ballots?status=OPEN'
                  nominations (nomination-service; the README walks through one):
                    curl -s 'http://localhost:%3$d/api/v1/nominations?open=true'
                    curl -s http://localhost:%3$d/api/v1/review-cycles
                  disputes, vetoes and controversial changes (dispute-service; the README walks through them):
                    curl -s 'http://localhost:%4$d/api/v1/decisions?moduleId=nn-functional'
                    curl -s 'http://localhost:%4$d/api/v1/disputes?open=true'
                    curl -s http://localhost:%4$d/api/v1/vetoes
                    curl -s http://localhost:%4$d/api/v1/change-proposals

                """.formatted(registry, voting, nomination, dispute,
                // a ballot's deadline is within 366 days
                java.time.Instant.now().plus(java.time.Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
