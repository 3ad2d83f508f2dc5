package dev.charter.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charter.contracts.EventStream;
import dev.charter.contracts.nominations.NominationEvent.NominationConfirmed;
import dev.charter.platform.audit.AuditVerifier;
import dev.charter.platform.consume.DeadLetters;
import dev.charter.platform.kafka.KafkaAccess;
import dev.charter.platform.publish.ParkedEvents;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Assumptions;
import java.util.List;
import java.util.Map;
import dev.charter.contracts.nominations.NominationKind;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.registry.RegistryEvent.AffiliationChanged;
import dev.charter.platform.axon.AxonPersistenceAutoConfiguration;
import dev.charter.platform.consume.InboundEventListener;
import dev.charter.platform.security.DevTokenIssuer;
import dev.charter.platform.testapp.ConfirmedNominations;
import dev.charter.platform.testapp.MemberNames;
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
    @Autowired
    MeterRegistry meters;
    @Autowired
    dev.charter.platform.consume.DeadLetters deadLetters;
    @Autowired
    org.springframework.boot.web.servlet.FilterRegistrationBean<dev.charter.platform.web.IdempotencyFilter> idempotency;
    @Autowired
    dev.charter.platform.publish.ParkedEvents parkedEvents;
    @Autowired
    dev.charter.platform.audit.AuditVerifier verifier;
    @Autowired
    org.springframework.boot.health.actuate.endpoint.HealthEndpoint health;

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
    @DisplayName("the meters the alerts watch exist: publisher lag back to 0 once an event is published, parked events, "
            + "dead letters, the Kafka consumer's lag, the audit verification's verdict and failures")
    void alertMetersAreExposed() throws Exception {
        String id = "lag" + shortId();
        assertThat(send(post("/api/v1/members", "{\"id\":\"" + id + "\",\"name\":\"Lag\"}", "bob")).statusCode())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> meters.get("charter.publisher.lag").gauge().value() == 0);
        assertThat(meters.get("charter.publisher.parked").gauge()).isNotNull();
        assertThat(meters.get("charter.inbound.dead.letters").counter()).isNotNull();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !meters.find("kafka.consumer.fetch.manager.records.lag.max").gauges().isEmpty());
        verifier.verifyIncrementally();
        assertThat(meters.get("charter.audit.verification.valid").gauge().value()).isEqualTo(1.0);
        assertThat(meters.get("charter.audit.verification.failures").counter().count()).isZero();
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
    @DisplayName("dead letters can be inspected and, after a fix, re-driven once by an operator (actuator on the management port)")
    void deadLettersAreRedriven() throws Exception {
        String person = "flaky" + shortId();
        String nominationId = "dl-" + shortId();
        ConfirmedNominations.FAILING.add(person);
        CloudEvent event = nominationConfirmed(nominationId, person);
        publish(event);
        DeadLetters.DeadLetter letter = await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters.list(500).stream()
                .filter(l -> event.getId().equals(l.eventId())).findFirst().orElse(null), l -> l != null);
        assertThat(letter.originalTopic()).isEqualTo(topicPrefix + "charter.nominations.v1");
        assertThat(letter.redriven()).isFalse();
        assertThat(effects.effects(nominationId)).isZero();

        String path = "/actuator/deadletters/" + letter.topic() + "/" + letter.partition() + "/" + letter.offset();
        HttpRequest.Builder redrive = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody());
        assertThat(send(redrive.copy().header("Authorization", "Bearer " + tokens.issue("alice")).build()).statusCode())
                .as("only operators re-drive").isEqualTo(403);
        assertThat(send(redrive.copy().build()).statusCode()).isEqualTo(401);
        ConfirmedNominations.FAILING.remove(person);
        HttpResponse<String> done = send(redrive.copy().header("Authorization", "Bearer " + tokens.issue("ops")).build());
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(json.readTree(done.body()).get("handled").asBoolean()).as(done.body()).isTrue();
        assertThat(effects.effects(nominationId)).isEqualTo(1);
        // a second re-drive changes nothing: the event id was recorded with its effect
        assertThat(deadLetters.redrive(letter.topic(), letter.partition(), letter.offset()).handled()).isTrue();
        assertThat(effects.effects(nominationId)).isEqualTo(1);
        assertThat(deadLetters.list(500).stream().filter(l -> event.getId().equals(l.eventId())).findFirst()
                .orElseThrow().redriven()).isTrue();
    }

    @Test
    @DisplayName("writes of a person with no standing are rate-limited per person (429 with Retry-After); people with standing are not")
    void writesWithoutStandingAreRateLimited() {
        String nobody = "nobody" + shortId();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 21; i++) {
            statuses.add(send(post("/api/v1/members", "{\"id\":\"" + nobody + i + "\",\"name\":\"N\"}", nobody))
                    .statusCode());
        }
        assertThat(statuses.subList(0, 20)).containsOnly(201);
        HttpResponse<String> limited = send(post("/api/v1/members", "{\"id\":\"" + nobody + "x\",\"name\":\"N\"}",
                nobody));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(limited.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        String seated = "seated" + shortId();
        for (int i = 0; i < 25; i++) {
            assertThat(send(post("/api/v1/members", "{\"id\":\"" + seated + i + "\",\"name\":\"S\"}", seated))
                    .statusCode()).isEqualTo(201);
        }
    }

    @Test
    @DisplayName("an event not from its stream's one publisher (another source, or another stream's type) is refused: dead-lettered at once, logged, counted")
    void forgedEventsAreRefused() throws Exception {
        String topic = topicPrefix + "charter.nominations.v1";
        try (KafkaTestConsumer deadLetters = new KafkaTestConsumer(TestInfrastructure.kafkaBootstrapServers(),
                InboundEventListener.deadLetterTopic(topic, "testapp"))) {
            String forgedId = "forged-" + shortId();
            // a NominationConfirmed that would appoint a maintainer, written by someone who is not nomination-service
            CloudEvent forged = CloudEventBuilder.v1(nominationConfirmed(forgedId, "mallory"))
                    .withSource(URI.create("/charter/registry")).build();
            // nomination-service's source, but a registry event on the nominations topic
            CloudEvent wrongStream = CloudEventMapper.publicEvent(json, "nomination", UUID.randomUUID().toString(),
                    "mallory", new AffiliationChanged("mallory", "Forgers Inc", null));
            publish(forged);
            publish(wrongStream);
            String marker = "after-forgery-" + shortId();
            publish(nominationConfirmed(marker, "grace"));

            await().atMost(Duration.ofSeconds(60)).until(() -> effects.effects(marker) == 1);
            assertThat(effects.effects(forgedId)).isZero();
            await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.poll().stream()
                    .map(r -> header(r, "ce_id")).toList().containsAll(List.of(forged.getId(), wrongStream.getId())));
            assertThat(meters.find("charter.inbound.refused").tag("reason", "source").counter().count()).isPositive();
            assertThat(meters.find("charter.inbound.refused").tag("reason", "stream").counter().count()).isPositive();
        }
    }

    @Test
    @DisplayName("the broker authorises per topic: a service writes its own stream only, and another service's identity cannot write this one's")
    void brokerAuthorisesPerStream() throws Exception {
        TestInfrastructure.Kafka kafka = TestInfrastructure.kafka();
        Assumptions.assumeTrue(kafka.secured(), "the broker of this run does not authenticate clients");
        String own = topicPrefix + EventStream.REGISTRY.topic();
        String other = topicPrefix + EventStream.NOMINATIONS.topic();
        // this service's own identity (its ACLs were created at start-up from its stream and its handlers)
        assertThat(send(kafka.user("platform"), own)).isNull();
        assertThat(send(kafka.user("platform"), other)).isInstanceOf(TopicAuthorizationException.class);
        // nomination-service's identity, with exactly the ACLs of nomination-service
        Map<String, Object> nomination = kafka.user("nomination");
        try (Admin admin = Admin.create(kafka.adminProperties())) {
            admin.createAcls(KafkaAccess.bindings("User:nomination", topicPrefix, "nomination", EventStream.NOMINATIONS,
                    List.of(EventStream.REGISTRY, EventStream.VOTING))).all().get();
        }
        assertThat(send(nomination, other)).isNull();
        assertThat(send(nomination, own)).as("nomination-service writing the registry's stream")
                .isInstanceOf(TopicAuthorizationException.class);
    }

    /** Sends one record with these client settings; null when the broker took it, else the root failure. */
    private static Throwable send(Map<String, Object> client, String topic) {
        Map<String, Object> config = new java.util.HashMap<>(client);
        config.put("max.block.ms", "10000");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "{}")).get(15, java.util.concurrent.TimeUnit.SECONDS);
            return null;
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return root;
        }
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
    @DisplayName("the same Idempotency-Key sent concurrently runs the command once; every answer is the first one, Location included")
    void sameKeyConcurrently() throws Exception {
        String id = "conc" + shortId();
        String body = "{\"id\":\"" + id + "\",\"name\":\"Concurrent\"}";
        HttpRequest request = withKey(post("/api/v1/members", body, "alice"), "k-" + id);
        List<CompletableFuture<HttpResponse<String>>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> send(request)));
        }
        List<HttpResponse<String>> responses = calls.stream().map(CompletableFuture::join).toList();
        assertThat(responses).allSatisfy(r -> {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            assertThat(r.headers().firstValue("Location")).hasValue("/api/v1/members/" + id);
            assertThat(r.body()).isEqualTo(responses.get(0).body());
        });
        assertThat(responses.stream().filter(r -> r.headers().firstValue("Idempotent-Replayed").isPresent())).hasSize(7);
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?").param(id)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    @DisplayName("a transient 409 concurrent-change is not stored: the retry with the same key runs the command; old keys are pruned")
    void transientConflictIsNotStored() throws Exception {
        String id = "trans" + shortId();
        assertThat(send(post("/api/v1/members", "{\"id\":\"" + id + "\",\"name\":\"T\"}", "alice")).statusCode())
                .isEqualTo(201);
        HttpRequest change = withKey(put("/api/v1/members/" + id + "/affiliation", "{\"affiliation\":\"One\"}",
                "alice"), "k-" + id);
        TestHooks.holdNextCommand();
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> send(change));
        TestHooks.awaitEntered();
        transactions.executeWithoutResult(s -> eventStore.publish(new GenericDomainEventMessage<>(
                "Member", id, 1, new AffiliationChanged(id, "Two", null))));
        TestHooks.release();
        assertProblem(first.get(), 409, "concurrent-change");

        HttpResponse<String> retry = send(change);
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(send(change).headers().firstValue("Idempotent-Replayed")).hasValue("true");

        jdbc.sql("UPDATE idempotent_request SET created_at = now() - interval '2 days' WHERE idem_key = ?")
                .param("k-" + id).update();
        assertThat(idempotency.getFilter().prune(Duration.ofDays(1))).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM idempotent_request WHERE idem_key = ?").param("k-" + id)
                .query(Integer.class).single()).isZero();
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
    @DisplayName("an event that can never be published (unreadable, too large) is parked: the stream and the chain go on, the gap is chained and published, health says so; re-published after a fix at a later chain position with its id")
    void poisonEventsAreParkedAndRepublished() throws Exception {
        String unreadable = "unreadable" + shortId();
        String tooLarge = "large" + shortId();
        String after = "after" + shortId();
        String unreadableId = UUID.randomUUID().toString();
        try (KafkaTestConsumer consumer = new KafkaTestConsumer(TestInfrastructure.kafkaBootstrapServers(),
                topicPrefix + "charter.registry.v1")) {
            storeRaw(unreadable, unreadableId, "{\"personId\": 42, \"displayName\": [}");
            storeRaw(tooLarge, UUID.randomUUID().toString(), "{\"personId\":\"" + tooLarge + "\",\"displayName\":\""
                    + "x".repeat(1_100_000) + "\",\"affiliation\":null}");
            assertThat(send(post("/api/v1/members", "{\"id\":\"" + after + "\",\"name\":\"After\"}", "alice"))
                    .statusCode()).isEqualTo(201);

            // the stream went on
            await().atMost(Duration.ofSeconds(60)).until(() -> consumer.poll().stream().anyMatch(r -> after.equals(r.key())));
            List<ConsumerRecord<String, byte[]>> records = consumer.poll();
            for (String aggregate : List.of(unreadable, tooLarge)) {
                ConsumerRecord<String, byte[]> gap = records.stream().filter(r -> aggregate.equals(r.key())).findFirst()
                        .orElseThrow(() -> new AssertionError("no EventParked record for " + aggregate));
                assertThat(header(gap, "ce_type")).isEqualTo("dev.charter.audit.EventParked.v1");
                assertThat(header(gap, "ce_chainsequence")).isNotBlank();
                assertThat(header(gap, "ce_chainhash")).hasSize(64);
                assertThat(json.readTree(gap.value()).get("aggregateId").asText()).isEqualTo(aggregate);
                assertThat(json.readTree(gap.value()).get("error").asText()).isNotBlank();
            }
            assertThat(parkedEvents.open()).isGreaterThanOrEqualTo(2);
            assertThat(parkedEvents.find(unreadableId)).hasValueSatisfying(p ->
                    assertThat(p.error()).contains("cannot be read"));
            assertThat(health.health().getStatus().getCode()).isEqualTo("DOWN");
            AuditVerifier.Verdict verdict = verifier.verify();
            assertThat(verdict.valid()).as(verdict.problem()).isTrue();

            // the fix (as an upcaster would): the stored event becomes readable; the operator re-publishes it
            jdbc.sql("UPDATE domainevententry SET payload = ? WHERE eventidentifier = ?")
                    .params(("{\"personId\":\"" + unreadable + "\",\"displayName\":\"Fixed\",\"affiliation\":null}")
                            .getBytes(StandardCharsets.UTF_8), unreadableId).update();
            ParkedEvents.Republication republication = parkedEvents.republish(unreadableId);
            assertThat(republication.republished()).as(republication.error()).isTrue();
            long gapSequence = parkedEvents.find(unreadableId).orElseThrow().gapChainSequence();
            assertThat(republication.chainSequence()).isGreaterThan(gapSequence);
            ConsumerRecord<String, byte[]> republished = await().atMost(Duration.ofSeconds(30)).until(() ->
                    consumer.poll().stream().filter(r -> unreadableId.equals(header(r, "ce_id"))).findFirst()
                            .orElse(null), r -> r != null);
            assertThat(header(republished, "ce_chainsequence")).isEqualTo(republication.chainSequence().toString());
            assertThat(verifier.verify().valid()).isTrue();
        }
    }

    private void storeRaw(String aggregateId, String eventId, String payload) {
        jdbc.sql("""
                        INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,
                            metadata, payload, payloadrevision, payloadtype, timestamp)
                        VALUES (?, 0, 'Member', ?, ?, ?, '1', ?, ?)""")
                .params(aggregateId, eventId, "{}".getBytes(StandardCharsets.UTF_8),
                        payload.getBytes(StandardCharsets.UTF_8),
                        dev.charter.contracts.registry.RegistryEvent.PersonRegistered.class.getName(),
                        java.time.Instant.now().toString())
                .update();
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

    @Test
    @DisplayName("an operator rebuilds a read model from the event store: reads say it is rebuilding, then answer "
            + "from the rebuilt model; progress and time are reported")
    void rebuildsAProjection(@Autowired MemberNames names) throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(send(post("/api/v1/members", "{\"id\":\"rb" + i + shortId() + "\",\"name\":\"Rebuilt " + i
                    + "\"}", "alice")).statusCode()).isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> names.count() >= 3);
        int before = names.count();

        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri("/api/v1/admin/projections")).GET().build());
        assertProblem(anonymous, 401, "unauthenticated");
        // one list of operators (charter.operators) for the admin API and the actuator's operations
        assertProblem(send(post("/api/v1/admin/projections/member-names/rebuild", "", "alice")), 403,
                "not-an-operator");
        HttpResponse<String> publisher = send(post("/api/v1/admin/projections/charter-publisher/rebuild", "", "ops"));
        assertProblem(publisher, 404, "no-such-projection");

        MemberNames.holdReplay();
        try {
            HttpResponse<String> started = send(post("/api/v1/admin/projections/member-names/rebuild", "", "ops"));
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            assertThat(json.readTree(started.body()).get("state").asText()).isEqualTo("REBUILDING");
            HttpResponse<String> read = send(HttpRequest.newBuilder(uri("/api/v1/member-names")).GET().build());
            assertProblem(read, 503, "projection-rebuilding");
            assertThat(read.headers().firstValue("Retry-After")).isPresent();
            assertProblem(send(post("/api/v1/admin/projections/member-names/rebuild", "", "ops")), 409,
                    "projection-rebuilding");
        } finally {
            MemberNames.releaseReplay();
        }
        JsonNode done = await().atMost(Duration.ofSeconds(30)).until(() -> json.readTree(send(
                        HttpRequest.newBuilder(uri("/api/v1/admin/projections/member-names"))
                                .header("Authorization", "Bearer " + tokens.issue("ops")).GET().build()).body()),
                status -> "REBUILT".equals(status.get("state").asText()));
        assertThat(done.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(done.get("elapsedMillis").asLong()).isNotNegative();
        assertThat(done.get("events").asLong()).isPositive();
        assertThat(names.count()).isEqualTo(before);
        HttpResponse<String> read = send(HttpRequest.newBuilder(uri("/api/v1/member-names")).GET().build());
        assertThat(read.statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("the audit verification: anonymous callers get the incremental run, the run from genesis needs a token; "
            + "an event stored at an older revision still verifies")
    void auditVerification() throws Exception {
        String id = "ver" + shortId();
        assertThat(send(post("/api/v1/members", "{\"id\":\"" + id + "\",\"name\":\"Ver\"}", "alice")).statusCode())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM audit_chain WHERE "
                + "aggregate_id = ?").param(id).query(Integer.class).single() == 1);
        HttpResponse<String> forbidden = send(HttpRequest.newBuilder(uri("/api/v1/audit/verification"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertProblem(forbidden, 401, "unauthenticated");
        HttpResponse<String> full = send(post("/api/v1/audit/verification", "", "alice"));
        JsonNode verdict = json.readTree(full.body());
        assertThat(verdict.get("valid").asBoolean()).as(full.body()).isTrue();
        assertThat(verdict.get("mode").asText()).isEqualTo("FULL");
        assertThat(verdict.get("fullyVerifiedAt").asText()).isNotBlank();
        JsonNode anonymous = json.readTree(send(HttpRequest.newBuilder(uri("/api/v1/audit/verification")).GET().build())
                .body());
        assertThat(anonymous.get("valid").asBoolean()).isTrue();
        assertThat(anonymous.get("mode").asText()).isIn("INCREMENTAL", "CACHED");
        assertThat(anonymous.get("verifiedAt").asText()).isNotBlank();
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
