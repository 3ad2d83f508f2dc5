package dev.charter.testsupport;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every service's integration tests share: the service on a random port, and the topic prefix of its
 * context. A subclass declares the {@code @SpringBootTest} and a {@code @DynamicPropertySource} calling
 * {@link TestInfrastructure#register}.
 */
public abstract class ServiceIntegrationTest {

    @LocalServerPort
    protected int port;
    @Value("${charter.kafka.topic-prefix}")
    protected String topicPrefix;

    protected String baseUri() {
        return "http://localhost:" + port;
    }
}
