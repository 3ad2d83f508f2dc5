package dev.charter.deploy;

import dev.charter.console.ConsoleApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Starts services in this JVM, each in its own Spring context with its own schema of one PostgreSQL
 * database, all on one Kafka broker and trusting one development token issuer: the local stack and the
 * system tests.
 *
 * @param jdbcUrl           the database, e.g. {@code jdbc:postgresql://localhost:54329/postgres}
 * @param kafkaSettings     each service's Kafka settings ({@code spring.kafka.*}: address, its own credentials;
 *                          {@code charter.kafka.acl-provisioning.*} where it creates its own ACLs)
 * @param topicPrefix       prefix of every topic and consumer group ("" for none)
 * @param keyFile           the development issuer's key, shared by the services
 * @param republishOnStart  whether each service republishes its event store at start-up
 * @param managementPort    each service's actuator port (0 for any free one): never the API port
 */
public record ServiceLauncher(String jdbcUrl, String username, String password,
                              Function<ServiceSpec, Map<String, String>> kafkaSettings,
                              String topicPrefix, Path keyFile, boolean republishOnStart,
                              Function<ServiceSpec, Integer> managementPort) {

    public ConfigurableApplicationContext start(ServiceSpec service, int port) {
        return start(service, port, Map.of());
    }

    /** Starts the service with settings of its own, which win over its configuration file. */
    public ConfigurableApplicationContext start(ServiceSpec service, int port, Map<String, ?> settings) {
        return new SpringApplicationBuilder(service.application())
                .registerShutdownHook(false)
                .run(arguments(service, port, settings));
    }

    /** Command-line arguments, so they win over anything else in the JVM (system properties included). */
    String[] arguments(ServiceSpec service, int port, Map<String, ?> settings) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.config.name", service.configName());
        properties.put("server.port", port);
        properties.put("spring.datasource.url", withSchema(jdbcUrl, service.schema()));
        properties.put("spring.datasource.username", username);
        properties.put("spring.datasource.password", password);
        properties.put("spring.flyway.schemas", service.schema());
        properties.putAll(kafkaSettings.apply(service));
        properties.put("charter.kafka.topic-prefix", topicPrefix);
        properties.put("charter.security.dev-issuer.enabled", "true");
        properties.put("spring.profiles.active", "dev");
        properties.put("management.server.port", managementPort.apply(service));
        // the management port is not the API's: health shows its details there (e.g. parked events)
        properties.put("management.endpoint.health.show-details", "always");
        properties.put("charter.security.dev-issuer.key-file", keyFile.toString());
        properties.put("charter.publisher.republish-on-start", Boolean.toString(republishOnStart));
        properties.put("spring.main.banner-mode", "off");
        properties.putAll(settings);
        return arguments(properties);
    }

    /**
     * Starts the console in this JVM, reading the services at the given base URLs and signing people in with the
     * development issuer those services share ({@code signInAs}: a "sign in as" button per registered person).
     */
    public static ConfigurableApplicationContext startConsole(int port, String registry, String voting,
                                                              String nominations, String disputes, boolean signInAs) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.config.name", ConsoleApplication.CONFIG_NAME);
        properties.put("server.port", port);
        properties.put("charter.console.registry", registry);
        properties.put("charter.console.voting", voting);
        properties.put("charter.console.nominations", nominations);
        properties.put("charter.console.disputes", disputes);
        properties.put("charter.console.sign-in-as", Boolean.toString(signInAs));
        properties.put("spring.main.banner-mode", "off");
        return new SpringApplicationBuilder(ConsoleApplication.class)
                .registerShutdownHook(false)
                .run(arguments(properties));
    }

    private static String[] arguments(Map<String, Object> properties) {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    public static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    static String withSchema(String jdbcUrl, String schema) {
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
