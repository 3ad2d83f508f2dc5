package dev.charter.voting;

import dev.charter.testsupport.TestInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.LinkedHashMap;
import java.util.Map;

/** Starts a voting-service instance outside the test context cache (a replica, a restart, a benchmark). */
public final class VotingInstances {

    private VotingInstances() {
    }

    /**
     * An instance on the given database and topic prefix of the test servers, on a free port, with the development
     * issuer; {@code extra} adds or overrides settings.
     */
    public static ConfigurableApplicationContext start(String database, String topicPrefix, Map<String, String> extra) {
        TestInfrastructure.Postgres postgres = TestInfrastructure.postgres();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.config.name", VotingApplication.CONFIG_NAME);
        settings.put("spring.datasource.url", database);
        settings.put("spring.datasource.username", postgres.username());
        settings.put("spring.datasource.password", postgres.password());
        settings.putAll(TestInfrastructure.kafkaSettings("voting"));
        settings.put("charter.kafka.topic-prefix", topicPrefix);
        settings.put("charter.security.dev-issuer.enabled", "true");
        settings.put("server.port", "0");
        settings.put("db-scheduler.polling-interval", "1s");
        settings.put("spring.main.banner-mode", "off");
        settings.putAll(extra);
        // as command-line arguments: they take precedence over the service's application.yaml (e.g. its port)
        return new SpringApplicationBuilder(VotingApplication.class)
                .registerShutdownHook(false)
                .run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }
}
