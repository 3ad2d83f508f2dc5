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
    @DisplayName("the local stack imports the demo roster once and keeps its data across a restart; a second voting-service replica runs from its jar with environment variables only")
    void survivesRestart(@TempDir Path home) throws Exception {
        int postgresPort = TcpForwarder.freePort();
        try (LocalStack first = new LocalStack(home, postgresPort, service -> 0)) {
            RosterApi roster = new RosterApi(client(first, null));
            await().atMost(Duration.ofSeconds(60)).until(() -> roster.getRoster(null).getLead() != null);
            assertThat(roster.getRoster(null).getLead().getPersonId()).isEqualTo("ada");
            new PersonsApi(client(first, "ada")).changeAffiliation("ada",
                    new AffiliationChange().affiliation("Restart Co"), null);
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    "Restart Co".equals(new PersonsApi(client(first, null)).getPerson("ada", null).getAffiliation()));
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
            // every metric the alerts use (monitoring.yaml) is in every service's scrape on its management port
            java.util.Set<String> alertMetrics = KubernetesManifestsTest.alertMetrics();
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            for (ServiceSpec service : Services.ALL) {
                java.net.URI scrape = java.net.URI.create("http://localhost:" + first.managementPort(service)
                        + "/actuator/prometheus");
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    String metrics = http.send(java.net.http.HttpRequest.newBuilder(scrape).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                    assertThat(alertMetrics).allSatisfy(metric -> assertThat(metrics)
                            .as("%s's scrape", service.name()).containsPattern("(?m)^" + metric + "[{ ]"));
                });
            }
            // README "Running a service outside Kubernetes": a second voting-service replica from its jar, with
            // environment variables only (the stack's Kafka settings file, the shared development key), serves what
            // the stack's replica wrote and accepts a token the registry issued
            secondReplicaFromItsJar(first, home, postgresPort);
            // what each service declares it consumes (its Kafka ACLs, its KafkaUser) is what its handlers consume
            for (ServiceSpec service : Services.ALL) {
                assertThat(first.service(service).getBean(InboundEventDispatcher.class).consumedStreams())
                        .as("streams %s consumes", service.name()).isEqualTo(service.consumes());
            }
        }
        try (LocalStack second = new LocalStack(home, postgresPort, service -> 0)) {
            PersonsApi persons = new PersonsApi(client(second, null));
            assertThat(persons.listPersons(null, 200).getItems()).hasSize(12);
            assertThat(persons.getPerson("ada", null).getAffiliation()).isEqualTo("Restart Co");
            assertThat(persons.getPerson("ada", null).getAffiliationHistory()).hasSize(2);
            // the broker kept nothing; the services republished their event stores and consumers skipped
            // what they had handled, so the copies are whole and nothing was applied twice
            await().atMost(Duration.ofSeconds(60)).until(() -> rosterCopyPersons(second, Services.NOMINATION) == 12);
            assertThat(rosterCopyPersons(second, Services.VOTING)).isEqualTo(12);
            await().atMost(Duration.ofSeconds(60)).until(() -> rosterCopyPersons(second, Services.DISPUTE) == 12);
        }
    }

    private static void secondReplicaFromItsJar(LocalStack stack, Path home, int postgresPort) throws Exception {
        Path jar;
        try (var files = java.nio.file.Files.list(Path.of("../voting-service/target"))) {
            jar = files.filter(f -> f.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("voting-service's jar: build the reactor (./mvnw verify)"));
        }
        java.util.Map<String, String> environment = new java.util.HashMap<>();
        for (String line : java.nio.file.Files.readAllLines(home.resolve("voting-kafka.env"))) {
            if (!line.startsWith("#") && line.contains("='") && line.endsWith("'")) {
                environment.put(line.substring(0, line.indexOf('=')),
                        line.substring(line.indexOf('=') + 2, line.length() - 1).replace("'\\''", "'"));
            }
        }
        assertThat(environment.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")).contains("username=\"voting\"");
        int port = TcpForwarder.freePort();
        environment.put("SPRING_PROFILES_ACTIVE", "dev");
        environment.put("CHARTER_SECURITY_DEV_ISSUER_ENABLED", "true");
        environment.put("CHARTER_SECURITY_DEV_ISSUER_KEY_FILE", home.resolve("dev-issuer.jwk").toString());
        environment.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:" + postgresPort + "/postgres?currentSchema=voting");
        environment.put("SPRING_DATASOURCE_USERNAME", "postgres");
        environment.put("SPRING_DATASOURCE_PASSWORD", "postgres");
        environment.put("SPRING_FLYWAY_SCHEMAS", "voting");
        environment.put("SERVER_PORT", Integer.toString(port));
        environment.put("MANAGEMENT_SERVER_PORT", Integer.toString(TcpForwarder.freePort()));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(Path.of("target", "voting-replica.log").toFile());
        builder.environment().putAll(environment);
        Process replica = builder.start();
        try {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            String base = "http://localhost:" + port + "/api/v1/ballots";
            await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> replica.isAlive() && http.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(base)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
            String token = stack.service(Services.REGISTRY).getBean(DevTokenIssuer.class).issue("ada");
            var opened = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"question\":\"Two replicas?\","
                            + "\"body\":\"CORE_MAINTAINERS\",\"deadline\":\""
                            + java.time.Instant.now().plus(Duration.ofDays(30)) + "\"}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
            String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(opened.body()).path("id").asText();
            // the stack's replica reads it from the shared schema once its projection has it (asynchronous)
            java.net.URI onTheStack = java.net.URI.create("http://localhost:" + stack.port(Services.VOTING)
                    + "/api/v1/ballots/" + id);
            await().atMost(Duration.ofSeconds(30)).until(() -> http.send(java.net.http.HttpRequest.newBuilder(onTheStack)
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
        } finally {
            replica.destroy();
            replica.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
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
