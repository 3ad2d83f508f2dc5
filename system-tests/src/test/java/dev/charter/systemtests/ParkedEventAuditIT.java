package dev.charter.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charter.auditor.CharterAudit;
import dev.charter.deploy.Services;
import dev.charter.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A parked event, end to end: the registry's publisher parks an event it can never publish and chains an
 * {@code EventParked} record in its place (issue 12); charter-audit, reading the streams from the SASL broker as the
 * read-only auditor, reports the gap as PARKED — not as tampering — and, once an operator re-published the event
 * after a fix, as REPUBLISHED with the chain clean. Runs after the other suites: it leaves a late event behind.
 */
@ExtendWith(SystemExtension.class)
@Order(3)
class ParkedEventAuditIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SystemUnderTest system;

    @BeforeAll
    static void start(SystemUnderTest running) {
        system = running;
    }

    @Test
    @DisplayName("an event the registry parked is reported by charter-audit verify as PARKED at its EventParked record, "
            + "then as REPUBLISHED (clean) after an operator re-published it")
    void parkedEventIsAuditedAsAGap() throws Exception {
        JdbcClient registry = system.jdbc(Services.REGISTRY);
        String personId = "parked" + UUID.randomUUID().toString().substring(0, 8);
        String eventId = UUID.randomUUID().toString();
        // an event this version of the registry cannot read: its type is unknown to it (as if written by a newer one)
        registry.sql("""
                        INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,
                            metadata, payload, payloadrevision, payloadtype, timestamp)
                        VALUES (?, 0, 'Person', ?, ?, ?, '1', ?, ?)""")
                .params(personId, eventId, "{\"actor\":\"system:registry\"}".getBytes(StandardCharsets.UTF_8),
                        ("{\"personId\":\"" + personId + "\",\"displayName\":\"Parked\",\"affiliation\":null}")
                                .getBytes(StandardCharsets.UTF_8),
                        "dev.charter.contracts.registry.RegistryEvent$PersonFromTheFuture", Instant.now().toString())
                .update();
        long gap = await().atMost(PATIENCE).until(() -> registry.sql(
                "SELECT gap_chain_seq FROM parked_event WHERE event_id = ?").param(eventId).query(Long.class)
                .optional().orElse(null), sequence -> sequence != null);

        JsonNode parked = await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> verify(1),
                report -> findings(report, "PARKED").stream().anyMatch(f -> eventId.equals(f.path("subject").asText())));
        JsonNode finding = findings(parked, "PARKED").stream()
                .filter(f -> eventId.equals(f.path("subject").asText())).findFirst().orElseThrow();
        assertThat(finding.path("stream").asText()).isEqualTo("registry");
        assertThat(finding.path("sequence").asLong()).isEqualTo(gap);
        assertThat(finding.path("severity").asText()).isEqualTo("FINDING");
        assertThat(findings(parked, "TAMPERED")).isEmpty();
        assertThat(findings(parked, "GAP")).isEmpty();
        assertThat(findings(parked, "DUPLICATE")).isEmpty();

        // the fix (a version that knows the event), then the operator re-publishes it on the management port
        registry.sql("UPDATE domainevententry SET payloadtype = ? WHERE eventidentifier = ?")
                .params(dev.charter.contracts.registry.RegistryEvent.PersonRegistered.class.getName(), eventId).update();
        HttpClient http = HttpClient.newHttpClient();
        URI republish = URI.create(system.managementUri(Services.REGISTRY) + "/actuator/parkedevents/" + eventId);
        HttpResponse<String> notAnOperator = http.send(HttpRequest.newBuilder(republish)
                .header("Authorization", "Bearer " + system.token("mallory")).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(notAnOperator.statusCode()).as("only operators (charter.operators) re-publish").isEqualTo(403);
        HttpResponse<String> done = http.send(HttpRequest.newBuilder(republish)
                .header("Authorization", "Bearer " + system.token(SystemUnderTest.OPERATOR))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(JSON.readTree(done.body()).path("republished").asBoolean()).as(done.body()).isTrue();

        JsonNode resolved = await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> verify(0),
                report -> findings(report, "REPUBLISHED").stream()
                        .anyMatch(f -> eventId.equals(f.path("subject").asText())));
        assertThat(findings(resolved, "PARKED")).noneMatch(f -> eventId.equals(f.path("subject").asText()));
        assertThat(resolved.path("clean").asBoolean()).as(resolved.toString()).isTrue();
    }

    /** charter-audit verify --json over the live streams, as the read-only auditor; the report once it exits so. */
    private static JsonNode verify(int expectedExit) throws Exception {
        List<String> args = new ArrayList<>(List.of("verify", "--bootstrap-servers",
                TestInfrastructure.kafkaBootstrapServers(), "--topic-prefix", system.topicPrefix(), "--json"));
        system.auditorKafka().forEach((key, value) -> args.addAll(List.of("--kafka-property", key + "=" + value)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CharterAudit.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        if (exit != expectedExit) {
            return JSON.createObjectNode();
        }
        return JSON.readTree(out.toString());
    }

    private static List<JsonNode> findings(JsonNode report, String kind) {
        return StreamSupport.stream(report.path("findings").spliterator(), false)
                .filter(f -> kind.equals(f.path("kind").asText())).toList();
    }
}
