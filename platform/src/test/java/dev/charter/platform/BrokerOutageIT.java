package dev.charter.platform;

import dev.charter.platform.security.DevTokenIssuer;
import dev.charter.platform.testapp.PlatformTestApplication;
import dev.charter.testsupport.KafkaTestConsumer;
import dev.charter.testsupport.TcpForwarder;
import dev.charter.testsupport.TestInfrastructure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The event store is the outbox: while the broker is away, commands succeed; when it returns, nothing is lost. */
class BrokerOutageIT {

    @Test
    @DisplayName("a broker outage delays publication but never fails a command, and nothing is lost when it returns")
    void outage() throws Exception {
        // the service is given a bootstrap address where no broker answers yet
        int kafkaPort = TcpForwarder.freePort();
        String prefix = TestInfrastructure.newTopicPrefix("outage");
        TestInfrastructure.Postgres pg = TestInfrastructure.postgres();
        List<String> members = List.of("m1", "m2", "m3");

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PlatformTestApplication.class)
                // command-line arguments: they win over the application's own configuration
                .run("--server.port=0",
                        "--spring.datasource.url=" + TestInfrastructure.newDatabase("outage"),
                        "--spring.datasource.username=" + pg.username(),
                        "--spring.datasource.password=" + pg.password(),
                        "--spring.kafka.bootstrap-servers=localhost:" + kafkaPort,
                        "--charter.kafka.topic-prefix=" + prefix,
                        "--charter.publisher.send-timeout=3s",
                        "--spring.kafka.producer.properties.max.block.ms=2000",
                        "--spring.main.banner-mode=off")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            String token = app.getBean(DevTokenIssuer.class).issue("alice");
            HttpClient http = HttpClient.newHttpClient();
            for (String member : members) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/api/v1/members"))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + member + "\",\"name\":\"M\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as("the command succeeds without a broker").isEqualTo(201);
            }

            // the broker comes up; the service reaches it through that address from now on
            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
            broker.brokerListProperty("charter.test.outage.brokers");
            broker.afterPropertiesSet();
            try (TcpForwarder bootstrap = TcpForwarder.start(kafkaPort, broker.getBrokersAsString());
                 KafkaTestConsumer topic = new KafkaTestConsumer(broker.getBrokersAsString(),
                    prefix + "charter.registry.v1")) {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                    Set<String> keys = new HashSet<>();
                    topic.poll().forEach(r -> keys.add(r.key()));
                    return keys.containsAll(members);
                });
            } finally {
                app.close();
                broker.destroy();
            }
        }
    }
}
