package dev.charter.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charter.contracts.nominations.NominationEvent.NominationConfirmed;
import dev.charter.contracts.nominations.NominationKind;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.registry.RegistryEvent.AffiliationChanged;
import dev.charter.platform.axon.AxonPersistenceAutoConfiguration;
import dev.charter.platform.consume.InboundEventListener;
import dev.charter.platform.security.DevTokenIssuer;
import dev.charter.platform.testapp.ConfirmedNominations;
import dev.charter.platform.testapp.PlatformTestApplication;
import dev.charter.platform.testapp.TestHooks;
import dev.charter.platform.publish.CloudEventMapper;
import dev.charter.testsupport.KafkaTestConsumer;
import dev.charter.testsupport.KafkaTestPublisher;
import dev.charter.testsupport.TestInfrastructure;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlatformIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "platform");
    }

    @LocalServerPort
    int port;
    @Value("${charter.kafka.topic-prefix}")
    String topicPrefix;
    @Autowired
    TransactionManager axonTransactionManager;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    DevTokenIssuer tokens;
    @Autowired
    ConfirmedNominations effects;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = AxonPersistenceAutoConfiguration.eventObjectMapper();

    @Test
    @DisplayName("Axon's transaction manager is Spring's, not the silent no-op fallback")
    void axonUsesSpringTransactions() {
        assertThat(axonTransactionManager).isInstanceOf(SpringTransactionManager.class);
    }

    @Test
    @DisplayName("two commands racing on one aggregate give 409 concurrent-change, not a generic error")
    void racingCommandsConflict() throws Exception {
        String id = "race" + shortId();
        assertThat(send(post("/api/v1/members", "{\"id\":\"" + id + "\",\"name\":\"Racer\"}", "alice")).statusCode())
                .isEqualTo(201);

        TestHooks.holdNextCommand();
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() ->
                send(put("/api/v1/members/" + id + "/affiliation", "{\"affiliation\":\"One\"}", "alice")));
        TestHooks.awaitEntered();
        // another replica commits a change to the same aggregate while the first command is in its handler
        transactions.executeWithoutResult(s -> eventStore.publish(new GenericDomainEventMessage<>(
                "Member", id, 1, new AffiliationChanged(id, "Two", null))));
        TestHooks.release();

        HttpResponse<String> response = first.get();
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).get("code").asText()).isEqualTo("concurrent-change");
    }

    @Test
    @DisplayName("events appear on the service's topic as binary-mode CloudEvents keyed by aggregate id")
    void publishesCloudEvents() throws Exception {
        String id = "pub" + shortId();
        try (KafkaTestConsumer consumer = new KafkaTestConsumer(TestInfrastructure.kafkaBootstrapServers(),
                topicPrefix + "charter.registry.v1")) {
            assertThat(send(post("/api/v1/members", "{\"id\":\"" + id + "\",\"name\":\"Pub\"}", "bob")).statusCode())
                    .isEqualTo(201);
            ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(30)).until(() ->
                    consumer.poll().stream().filter(r -> id.equals(r.key())).findFirst().orElse(null),
                    r -> r != null);
            assertThat(header(record, "ce_type")).isEqualTo("dev.charter.registry.PersonRegistered.v1");
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "ce_subject")).isEqualTo(id);
            assertThat(header(record, "ce_source")).isEqualTo("/charter/testapp");
            assertThat(header(record, "ce_actor")).isEqualTo("bob");
            assertThat(header(record, "ce_rulesversion")).isNotBlank();
            assertThat(header(record, "ce_correlationid")).isNotBlank();
            assertThat(header(record, "ce_causationid")).startsWith("request:");
            assertThat(header(record, "ce_aggregatesequence")).isEqualTo("0");
            assertThat(header(record, "ce_chainsequence")).isNotBlank();
            assertThat(header(record, "ce_chainhash")).hasSize(64);
            JsonNode data = json.readTree(record.value());
            assertThat(data.get("personId").asText()).isEqualTo(id);
            assertThat(data.get("displayName").asText()).isEqualTo("Pub");
        }
    }

    @Test
    @DisplayName("a consumed event delivered twice has its effect exactly once, with the service as actor")
    void consumesOnce() {
        String nominationId = "n-" + shortId();
        CloudEvent event = nominationConfirmed(nominationId, "carol");
        String marker = "marker-" + shortId();
        publish(event);
        publish(event);
        publish(nominationConfirmed(marker, "dave"));
        await().atMost(Duration.ofSeconds(30)).until(() -> effects.effects(marker) == 1);
        assertThat(effects.effects(nominationId)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT actor FROM test_effect WHERE nomination_id = ?").param(nominationId)
                .query(String.class).single()).isEqualTo("system:testapp");
    }

    @Test
    @DisplayName("a poison message goes to the dead-letter topic with its event id; later events still flow")
    void poisonToDeadLetter() {
        String topic = topicPrefix + "charter.nominations.v1";
        String dlt = InboundEventListener.deadLetterTopic(topic, "testapp");
        try (KafkaTestConsumer deadLetters = new KafkaTestConsumer(TestInfrastructure.kafkaBootstrapServers(), dlt)) {
            String poisonId = "poison-" + shortId();
            CloudEvent failing = CloudEventBuilder.v1(nominationConfirmed(poisonId, "poison")).build();
            try (KafkaTestPublisher publisher = new KafkaTestPublisher(TestInfrastructure.kafkaBootstrapServers(),
                    "test")) {
                publisher.publishRaw(topic, "k", "not a cloud event".getBytes(StandardCharsets.UTF_8));
            }
            publish(failing);
            String marker = "after-poison-" + shortId();
            publish(nominationConfirmed(marker, "erin"));

            await().atMost(Duration.ofSeconds(60)).until(() -> effects.effects(marker) == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.poll().size() >= 2);
            assertThat(deadLetters.poll()).anySatisfy(r -> assertThat(header(r, "ce_id")).isEqualTo(failing.getId()));
            assertThat(effects.effects(poisonId)).isZero();
        }
    }

    @Test
    @DisplayName("bad input is a 400 problem: malformed JSON, unknown field, missing field")
    void badInputProblems() throws Exception {
        HttpResponse<String> malformed = send(post("/api/v1/members", "{\"id\": ", "alice"));
        assertProblem(malformed, 400, "malformed-request");

        HttpResponse<String> unknown = send(post("/api/v1/members", "{\"id\":\"x1\",\"name\":\"X\",\"size\":3}", "alice"));
        assertProblem(unknown, 400, "malformed-request");
        assertThat(json.readTree(unknown.body()).get("violations").get(0).get("field").asText()).isEqualTo("size");

        HttpResponse<String> missing = send(post("/api/v1/members", "{\"name\":\"X\"}", "alice"));
        assertProblem(missing, 400, "invalid-input");
        assertThat(json.readTree(missing.body()).get("violations").get(0).get("field").asText()).isEqualTo("id");

        HttpResponse<String> rule = send(post("/api/v1/members", "{\"id\":\"x2\",\"name\":\" \"}", "alice"));
        assertProblem(rule, 422, "blank-name");
        assertThat(json.readTree(rule.body()).get("rule").asText()).isEqualTo("R2");

        HttpResponse<String> noSuchPath = send(HttpRequest.newBuilder(uri("/api/v1/nothing-here")).GET().build());
        assertProblem(noSuchPath, 404, "not-found");

        HttpResponse<String> rejected = send(HttpRequest.newBuilder(uri("/api/v1//members")).GET().build());
        assertProblem(rejected, 400, "rejected-request");
    }

    @Test
    @DisplayName("reads are public; a write needs a valid bearer token (401 problem otherwise)")
    void writesNeedToken() throws Exception {
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri("/api/v1/members"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"anon\",\"name\":\"A\"}")).build());
        assertProblem(anonymous, 401, "unauthenticated");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Bearer"));

        DevTokenIssuer stranger = new DevTokenIssuer(null, Duration.ofMinutes(5), java.time.Clock.systemUTC());
        HttpResponse<String> forged = send(HttpRequest.newBuilder(uri("/api/v1/members"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + stranger.issue("alice"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"forged\",\"name\":\"A\"}")).build());
        assertProblem(forged, 401, "unauthenticated");

        HttpResponse<String> expired = send(HttpRequest.newBuilder(uri("/api/v1/members"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tokens.issue("alice", java.time.Instant.now().minus(Duration.ofHours(1)), Duration.ofMinutes(5)))
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"late\",\"name\":\"A\"}")).build());
        assertProblem(expired, 401, "unauthenticated");

        HttpResponse<String> read = send(HttpRequest.newBuilder(uri("/openapi/common.yaml")).GET().build());
        assertThat(read.statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("the development issuer signs a web client in by the authorization-code flow with PKCE")
    void devIssuerAuthorizationCodeFlow() throws Exception {
        String verifier = "verifier-" + UUID.randomUUID();
        String challenge = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                java.security.MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String redirect = "http://localhost:9/login/oauth2/code/charter";
        String authorize = "/dev/authorize?response_type=code&client_id=console&state=s1&code_challenge_method=S256"
                + "&code_challenge=" + challenge + "&redirect_uri=" + java.net.URLEncoder.encode(redirect, StandardCharsets.UTF_8);

        HttpResponse<String> form = send(HttpRequest.newBuilder(uri(authorize)).GET().build());
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Sign in as").contains("name=\"code_challenge\"");
        HttpResponse<String> elsewhere = send(HttpRequest.newBuilder(uri(authorize.replace("localhost%3A9", "example.org")
                + "&login_hint=ada")).GET().build());
        assertThat(elsewhere.statusCode()).isEqualTo(400);

        HttpResponse<String> granted = send(HttpRequest.newBuilder(uri(authorize + "&login_hint=Ada")).GET().build());
        assertThat(granted.statusCode()).isEqualTo(302);
        URI back = URI.create(granted.headers().firstValue("Location").orElseThrow());
        assertThat(back.getPath()).isEqualTo("/login/oauth2/code/charter");
        assertThat(back.getQuery()).contains("state=s1");
        String code = back.getQuery().replaceAll(".*code=([^&]+).*", "$1");

        HttpResponse<String> wrongVerifier = send(tokenRequest(code + "x", redirect, verifier));
        assertThat(wrongVerifier.statusCode()).isEqualTo(400);
        HttpResponse<String> tokenResponse = send(tokenRequest(code, redirect, verifier));
        assertThat(tokenResponse.statusCode()).isEqualTo(200);
        JsonNode token = json.readTree(tokenResponse.body());
        assertThat(token.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(send(tokenRequest(code, redirect, verifier)).body()).contains("invalid_grant");

        HttpResponse<String> userInfo = send(HttpRequest.newBuilder(uri("/dev/userinfo"))
                .header("Authorization", "Bearer " + token.get("access_token").asText()).GET().build());
        assertThat(json.readTree(userInfo.body()).get("sub").asText()).isEqualTo("ada");
        HttpResponse<String> write = send(HttpRequest.newBuilder(uri("/api/v1/members"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token.get("access_token").asText())
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"oauth" + shortId() + "\",\"name\":\"O\"}")).build());
        assertThat(write.statusCode()).isEqualTo(201);
    }

    private HttpRequest tokenRequest(String code, String redirect, String verifier) {
        String form = "grant_type=authorization_code&client_id=console&code=" + code + "&code_verifier=" + verifier
                + "&redirect_uri=" + java.net.URLEncoder.encode(redirect, StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(uri("/dev/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    @Test
    @DisplayName("a write retried with the same Idempotency-Key returns the first result and acts once")
    void idempotentWrites() throws Exception {
        String id = "idem" + shortId();
        String body = "{\"id\":\"" + id + "\",\"name\":\"Idem\"}";
        HttpResponse<String> first = send(withKey(post("/api/v1/members", body, "alice"), "k-" + id));
        HttpResponse<String> retry = send(withKey(post("/api/v1/members", body, "alice"), "k-" + id));
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?").param(id)
                .query(Integer.class).single()).isEqualTo(1);

        HttpResponse<String> reused = send(withKey(post("/api/v1/members",
                "{\"id\":\"other" + id + "\",\"name\":\"Other\"}", "alice"), "k-" + id));
        assertProblem(reused, 422, "idempotency-key-reused");
    }

    @Test
    @DisplayName("an event stored at an old revision is upcast when its aggregate loads and when it is published")
    void upcastsStoredEvents() throws Exception {
        String id = "old" + shortId();
        try (KafkaTestConsumer consumer = new KafkaTestConsumer(TestInfrastructure.kafkaBootstrapServers(),
                topicPrefix + "charter.registry.v1")) {
            jdbc.sql("""
                            INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,
                                metadata, payload, payloadrevision, payloadtype, timestamp)
                            VALUES (?, 0, 'Member', ?, ?, ?, '0', ?, ?)""")
                    .params(id, UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                            ("{\"personId\":\"" + id + "\",\"name\":\"Old Name\",\"affiliation\":null}")
                                    .getBytes(StandardCharsets.UTF_8),
                            dev.charter.contracts.registry.RegistryEvent.PersonRegistered.class.getName(),
                            java.time.Instant.now().toString())
                    .update();
            assertThat(send(put("/api/v1/members/" + id + "/affiliation", "{\"affiliation\":\"New\"}", "alice"))
                    .statusCode()).isEqualTo(200);
            ConsumerRecord<String, byte[]> registered = await().atMost(Duration.ofSeconds(30)).until(() ->
                    consumer.poll().stream().filter(r -> id.equals(r.key()))
                            .filter(r -> header(r, "ce_type").endsWith("PersonRegistered.v1")).findFirst()
                            .orElse(null), r -> r != null);
            assertThat(json.readTree(registered.value()).get("displayName").asText()).isEqualTo("Old Name");
        }
    }

    @Test
    @DisplayName("an event consumed at an old revision is upcast before its handler sees it")
    void upcastsConsumedEvents() throws Exception {
        String nominationId = "old-" + shortId();
        CloudEvent current = nominationConfirmed(nominationId, "frank");
        com.fasterxml.jackson.databind.node.ObjectNode data =
                (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(current.getData().toBytes());
        data.set("nominee", data.remove("personId"));
        publish(CloudEventBuilder.v1(current).withType("dev.charter.nominations.NominationConfirmed.v0")
                .withData(json.writeValueAsBytes(data)).build());
        await().atMost(Duration.ofSeconds(30)).until(() -> effects.effects(nominationId) == 1);
    }

    // --- helpers

    private void assertProblem(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.has("code")).as(response.body()).isTrue();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("title").asText()).isNotBlank();
    }

    private CloudEvent nominationConfirmed(String nominationId, String personId) {
        return CloudEventMapper.publicEvent(json, "nomination", UUID.randomUUID().toString(), nominationId,
                new NominationConfirmed(nominationId, NominationKind.MODULE_MAINTAINER, personId,
                        Role.MODULE_MAINTAINER, "nn", "Strong record of reviews.", "lead", "ballot-" + nominationId,
                        null, "test-rules"));
    }

    private void publish(CloudEvent event) {
        try (KafkaTestPublisher publisher = new KafkaTestPublisher(TestInfrastructure.kafkaBootstrapServers(), "test")) {
            publisher.publish(topicPrefix + "charter.nominations.v1", "same-key", event);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpRequest post(String path, String body, String person) {
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tokens.issue(person))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest put(String path, String body, String person) {
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tokens.issue(person))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpRequest withKey(HttpRequest request, String key) {
        return HttpRequest.newBuilder(request, (name, value) -> true).header("Idempotency-Key", key).build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
