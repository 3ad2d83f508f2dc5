package dev.charter.registry;

import dev.charter.client.registry.invoker.ApiException;
import dev.charter.client.registry.model.AffiliationChange;
import dev.charter.client.registry.model.PersonRegistration;
import dev.charter.contracts.EventStream;
import dev.charter.platform.security.DevTokenIssuer;
import dev.charter.testsupport.KafkaTestConsumer;
import dev.charter.testsupport.TestInfrastructure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Stopping and starting the service loses nothing: state, projections and publication carry on. */
class RestartIT {

    @Test
    @DisplayName("a restart loses nothing: the roster, the projections and every event on Kafka survive")
    void restartLosesNothing() throws Exception {
        String database = TestInfrastructure.newDatabase("registry_restart");
        String prefix = TestInfrastructure.newTopicPrefix("restart");
        Path keyFile = Files.createTempDirectory("restart").resolve("dev-issuer.jwk");

        try (KafkaTestConsumer topic = new KafkaTestConsumer(TestInfrastructure.kafkaBootstrapServers(),
                prefix + EventStream.REGISTRY.topic())) {
            try (ConfigurableApplicationContext first = start(database, prefix, keyFile)) {
                RegistryClients ada = clients(first, "ada");
                ada.bootstrap().importRoster(RegistryIntegrationTest.resource("roster.yaml"), null);
                clients(first, "newbie").persons().registerPerson(
                        new PersonRegistration().id("newbie").displayName("New Bie"), null);
                clients(first, "newbie").persons().changeAffiliation("newbie",
                        new AffiliationChange().affiliation("Acme"), null);
                // stopped at once: publication and projection may not have caught up yet
            }
            try (ConfigurableApplicationContext second = start(database, prefix, keyFile)) {
                RegistryClients anonymous = clients(second, null);
                // the projection catches up after the start: until then the person is not there yet (404)
                await().atMost(Duration.ofSeconds(60)).ignoreException(ApiException.class).until(() ->
                        "Acme".equals(anonymous.persons().getPerson("newbie", null).getAffiliation()));
                assertThat(anonymous.roster().getRoster(null).getLead().getPersonId()).isEqualTo("ada");
                assertThat(anonymous.persons().listPersons(null, 50).getItems()).hasSize(9);

                clients(second, "newbie").persons().changeAffiliation("newbie",
                        new AffiliationChange().affiliation("Beta"), null);

                JdbcClient jdbc = JdbcClient.create(second.getBean(javax.sql.DataSource.class));
                Set<String> stored = new HashSet<>(jdbc.sql("SELECT eventidentifier FROM domainevententry")
                        .query(String.class).list());
                assertThat(stored).hasSizeGreaterThan(20);
                await().atMost(Duration.ofSeconds(60)).until(() -> published(topic).containsAll(stored));
            }
        }
    }

    private static Set<String> published(KafkaTestConsumer topic) {
        Set<String> ids = new HashSet<>();
        topic.poll().forEach(r -> ids.add(new String(r.headers().lastHeader("ce_id").value())));
        return ids;
    }

    private static ConfigurableApplicationContext start(String database, String prefix, Path keyFile) {
        TestInfrastructure.Postgres pg = TestInfrastructure.postgres();
        // command-line arguments: they win over the service's own configuration file
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
                "--spring.config.name=" + RegistryApplication.CONFIG_NAME,
                "--server.port=0",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + pg.username(),
                "--spring.datasource.password=" + pg.password(),
                "--charter.kafka.topic-prefix=" + prefix,
                "--charter.security.dev-issuer.enabled=true",
                "--charter.security.dev-issuer.key-file=" + keyFile,
                "--spring.profiles.active=dev",
                "--spring.main.banner-mode=off"));
        TestInfrastructure.kafkaSettings("registry").forEach((key, value) -> args.add("--" + key + "=" + value));
        return new SpringApplicationBuilder(RegistryApplication.class).run(args.toArray(String[]::new));
    }

    private static RegistryClients clients(ConfigurableApplicationContext context, String person) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return RegistryClients.as("http://localhost:" + port, context.getBean(DevTokenIssuer.class), person);
    }

}
