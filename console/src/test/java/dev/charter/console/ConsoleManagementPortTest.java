package dev.charter.console;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** As in Kubernetes (MANAGEMENT_SERVER_PORT): the probes answer on the management port, not on the pages' port. */
@SpringBootTest(classes = ConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=charter-console", "management.server.port=0",
                "charter.console.registry=http://localhost:9", "charter.console.voting=http://localhost:9",
                "charter.console.nominations=http://localhost:9", "charter.console.disputes=http://localhost:9",
                "charter.console.timeout=2s"})
class ConsoleManagementPortTest {

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @DisplayName("liveness and readiness on the management port; the pages' port has no actuator")
    void probesOnTheManagementPort() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        assertThat(status(managementPort, "/actuator/health/liveness")).isEqualTo(200);
        assertThat(status(managementPort, "/actuator/health/readiness")).isEqualTo(200);
        assertThat(status(port, "/actuator/health/liveness")).isEqualTo(404);
    }

    private int status(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
