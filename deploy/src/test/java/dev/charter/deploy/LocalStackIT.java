package dev.charter.deploy;

import dev.charter.client.registry.PersonsApi;
import dev.charter.client.registry.RosterApi;
import dev.charter.client.registry.invoker.ApiClient;
import dev.charter.client.registry.model.AffiliationChange;
import dev.charter.platform.consume.InboundEventDispatcher;
import dev.charter.platform.security.DevTokenIssuer;
import dev.charter.testsupport.TcpForwarder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The README's run command: every service with embedded PostgreSQL and Kafka, seeded once, data kept. */
class LocalStackIT {

    @Test
    @DisplayName("the local stack imports the demo roster once and keeps its data across a restart")
    void survivesRestart(@TempDir Path home) throws Exception {
        int postgresPort = TcpForwarder.freePort();
        try (LocalStack first = new LocalStack(home, postgresPort, service -> 0)) {
            RosterApi roster = new RosterApi(client(first, null));
            await().atMost(Duration.ofSeconds(60)).until(() -> roster.getRoster(null).getLead() != null);
            assertThat(roster.getRoster(null).getLead().getPersonId()).isEqualTo("ada");
            new PersonsApi(client(first, "ada")).changeAffiliation("ada",
                    new AffiliationChange().affiliation("Restart Co"), null);
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    "Restart Co".equals(new PersonsApi(client(first, null)).getPerson("ada").getAffiliation()));
            await().atMost(Duration.ofSeconds(60)).until(() -> rosterCopyPersons(first, Services.VOTING) == 12);
            // what each service declares it consumes (its Kafka ACLs, its KafkaUser) is what its handlers consume
            for (ServiceSpec service : Services.ALL) {
                assertThat(first.service(service).getBean(InboundEventDispatcher.class).consumedStreams())
                        .as("streams %s consumes", service.name()).isEqualTo(service.consumes());
            }
        }
        try (LocalStack second = new LocalStack(home, postgresPort, service -> 0)) {
            PersonsApi persons = new PersonsApi(client(second, null));
            assertThat(persons.listPersons(null, 200).getItems()).hasSize(12);
            assertThat(persons.getPerson("ada").getAffiliation()).isEqualTo("Restart Co");
            assertThat(persons.getPerson("ada").getAffiliationHistory()).hasSize(2);
            // the broker kept nothing; the services republished their event stores and consumers skipped
            // what they had handled, so the copies are whole and nothing was applied twice
            await().atMost(Duration.ofSeconds(60)).until(() -> rosterCopyPersons(second, Services.NOMINATION) == 12);
            assertThat(rosterCopyPersons(second, Services.VOTING)).isEqualTo(12);
        }
    }

    private static int rosterCopyPersons(LocalStack stack, ServiceSpec service) {
        return JdbcClient.create(stack.service(service).getBean(DataSource.class))
                .sql("SELECT count(*) FROM roster_person").query(Integer.class).single();
    }

    private static ApiClient client(LocalStack stack, String person) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + stack.port(Services.REGISTRY));
        if (person != null) {
            String token = stack.service(Services.REGISTRY).getBean(DevTokenIssuer.class).issue(person);
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }
}
