package dev.charter.testsupport;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.LinkedHashMap;
import java.util.Map;

/** Starts a service instance outside the test context cache (a replica, a restart, a benchmark). */
public final class ServiceInstances {

    private ServiceInstances() {
    }

    /**
     * An instance of the application on the given database and topic prefix of the test servers, on a free port,
     * with the development issuer, reading its own configuration file {@code configName}, connected to Kafka as the
     * service's own user {@code service} (which may do only what its ACLs allow); {@code extra} adds or overrides
     * settings.
     */
    public static ConfigurableApplicationContext start(Class<?> application, String configName, String service,
                                                       String database, String topicPrefix,
                                                       Map<String, String> extra) {
        return start(application, configName, service, database, topicPrefix, extra, new Class<?>[0]);
    }

    /**
     * As {@link #start(Class, String, String, String, String, Map)}, with further configuration classes (e.g. a
     * test's own {@code Clock} bean, which replaces the platform's).
     */
    public static ConfigurableApplicationContext start(Class<?> application, String configName, String service,
                                                       String database, String topicPrefix,
                                                       Map<String, String> extra, Class<?>... configurations) {
        Map<String, String> settings = settings(configName, service, database, topicPrefix, extra);
        // as command-line arguments: they take precedence over the service's own configuration file (e.g. its port)
        return new SpringApplicationBuilder(application)
                .sources(configurations)
                .registerShutdownHook(false)
                .run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
    }

    /** The settings {@link #start} gives an instance (as {@code --key=value} arguments, e.g. for another JVM). */
    public static Map<String, String> settings(String configName, String service, String database, String topicPrefix,
                                               Map<String, String> extra) {
        TestInfrastructure.Postgres postgres = TestInfrastructure.postgres();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.config.name", configName);
        settings.put("spring.datasource.url", database);
        settings.put("spring.datasource.username", postgres.username());
        settings.put("spring.datasource.password", postgres.password());
        settings.putAll(TestInfrastructure.kafkaSettings(service));
        settings.put("charter.kafka.topic-prefix", topicPrefix);
        settings.put("charter.security.dev-issuer.enabled", "true");
        settings.put("server.port", "0");
        settings.put("db-scheduler.polling-interval", "1s");
        settings.put("spring.main.banner-mode", "off");
        settings.putAll(extra);
        return settings;
    }
}
