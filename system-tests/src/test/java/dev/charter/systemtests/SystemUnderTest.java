package dev.charter.systemtests;

import dev.charter.deploy.ServiceLauncher;
import dev.charter.deploy.ServiceSpec;
import dev.charter.deploy.Services;
import dev.charter.platform.security.DevTokenIssuer;
import dev.charter.testsupport.TestInfrastructure;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every service, started once per test JVM as the local stack starts them: one PostgreSQL database with a
 * schema per service, one Kafka broker, one development token issuer. Tests reach them only over HTTP
 * through the generated clients.
 */
final class SystemUnderTest {

    private static SystemUnderTest instance;

    private final Map<String, ConfigurableApplicationContext> services = new LinkedHashMap<>();
    private final DevTokenIssuer tokens;

    private SystemUnderTest() {
        TestInfrastructure.Postgres pg = TestInfrastructure.postgres();
        Path keyFile;
        try {
            keyFile = Files.createTempDirectory("charter-system").resolve("dev-issuer.jwk");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServiceLauncher launcher = new ServiceLauncher(TestInfrastructure.newDatabase("system"), pg.username(),
                pg.password(), TestInfrastructure.kafkaBootstrapServers(), TestInfrastructure.newTopicPrefix("system"),
                keyFile, false);
        for (ServiceSpec service : Services.ALL) {
            services.put(service.name(), launcher.start(service, 0));
        }
        tokens = services.get(Services.REGISTRY.name()).getBean(DevTokenIssuer.class);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> services.values().forEach(ConfigurableApplicationContext::close)));
    }

    static synchronized SystemUnderTest get() {
        if (instance == null) {
            instance = new SystemUnderTest();
        }
        return instance;
    }

    String baseUri(ServiceSpec service) {
        return "http://localhost:" + ServiceLauncher.port(services.get(service.name()));
    }

    /** A bearer token for the person, from the development issuer every service trusts. */
    String token(String personId) {
        return tokens.issue(personId);
    }
}
