package dev.charter.deploy;

import dev.charter.client.registry.PersonsApi;
import dev.charter.client.registry.RosterApi;
import dev.charter.client.registry.invoker.ApiClient;
import dev.charter.client.registry.model.AffiliationChange;
import dev.charter.platform.consume.InboundEventDispatcher;
import dev.charter.platform.roster.RosterReader;
import dev.charter.platform.security.DevTokenIssuer;
import dev.charter.testsupport.TcpForwarder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
            // the auditors' settings file (README: charter-audit --kafka-config): the read-only charter-auditor sees
            // every stream
            java.util.Properties auditor = new java.util.Properties();
            try (var reader = java.nio.file.Files.newBufferedReader(first.auditorSettings())) {
                auditor.load(reader);
            }
            assertThat(auditor.getProperty("sasl.jaas.config")).contains("username=\"charter-auditor\"");
            try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(auditor,
                    new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                    new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
                assertThat(consumer.listTopics(Duration.ofSeconds(30)).keySet()).containsAll(
                        java.util.Arrays.stream(dev.charter.contracts.EventStream.values())
                                .map(dev.charter.contracts.EventStream::topic).toList());
            }
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
            await().atMost(Duration.ofSeconds(60)).until(() -> rosterCopyPersons(second, Services.DISPUTE) == 12);
        }
    }

    /** How many of the persons the registry lists the service's roster copy knows. */
    private static int rosterCopyPersons(LocalStack stack, ServiceSpec service) throws Exception {
        RosterReader roster = stack.service(service).getBean(RosterReader.class);
        return (int) new PersonsApi(client(stack, null)).listPersons(null, 200).getItems().stream()
                .filter(person -> roster.standing(person.getId()).registered()).count();
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
