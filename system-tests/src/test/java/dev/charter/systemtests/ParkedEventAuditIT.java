package dev.charter.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charter.auditor.CharterAudit;
import dev.charter.deploy.ServiceSpec;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Parked events, end to end: the registry's and dispute-service's publishers each park an event they can never
 * publish and chain an {@code EventParked} record in its place (issue 12); charter-audit, reading the streams from
 * the SASL broker as the read-only auditor, reports both gaps as PARKED — not as tampering — and, once an operator
 * re-published each event after a fix, as REPUBLISHED with the chain clean. Runs after the other suites: it leaves
 * late events behind.
 */
@ExtendWith(SystemExtension.class)
@Order(4)
class ParkedEventAuditIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SystemUnderTest system;

    @BeforeAll
    static void start(SystemUnderTest running) {
        system = running;
    }

    /** An event stored in a service's event store that this version of the service cannot read. */
    private record Unreadable(ServiceSpec service, String stream, String eventId, String aggregateType,
                              String aggregateId, String payload, String futureType, String knownType) {
    }

    @Test
    @DisplayName("an event the registry parked and one dispute-service parked are reported by charter-audit verify as "
            + "PARKED at their EventParked records, then as REPUBLISHED (clean) after an operator re-published them")
    void parkedEventsAreAuditedAsGaps() throws Exception {
        String personId = "parked" + UUID.randomUUID().toString().substring(0, 8);
        String proposalId = "parked-" + UUID.randomUUID().toString().substring(0, 8);
        // events this version cannot read: their types are unknown to it (as if written by a newer one)
        List<Unreadable> events = List.of(
                new Unreadable(Services.REGISTRY, "registry", UUID.randomUUID().toString(), "Person", personId,
                        "{\"personId\":\"" + personId + "\",\"displayName\":\"Parked\",\"affiliation\":null}",
                        "dev.charter.contracts.registry.RegistryEvent$PersonFromTheFuture",
                        dev.charter.contracts.registry.RegistryEvent.PersonRegistered.class.getName()),
                new Unreadable(Services.DISPUTE, "disputes", UUID.randomUUID().toString(), "ChangeProposal",
                        proposalId, "{\"proposalId\":\"" + proposalId + "\",\"withdrawnBy\":\"ada\","
                        + "\"reason\":\"Parked\"}",
                        "dev.charter.contracts.disputes.DisputeEvent$ChangeFromTheFuture",
                        dev.charter.contracts.disputes.DisputeEvent.ChangeWithdrawn.class.getName()));
        Map<String, Long> gaps = new HashMap<>();
        for (Unreadable event : events) {
            JdbcClient store = system.jdbc(event.service());
            store.sql("""
                            INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,
                                metadata, payload, payloadrevision, payloadtype, timestamp)
                            VALUES (?, 0, ?, ?, ?, ?, '1', ?, ?)""")
                    .params(event.aggregateId(), event.aggregateType(), event.eventId(),
                            ("{\"actor\":\"system:" + event.service().name() + "\"}").getBytes(StandardCharsets.UTF_8),
                            event.payload().getBytes(StandardCharsets.UTF_8), event.futureType(),
                            Instant.now().toString())
                    .update();
        }
        for (Unreadable event : events) {
            gaps.put(event.eventId(), await().atMost(PATIENCE).until(() -> system.jdbc(event.service()).sql(
                    "SELECT gap_chain_seq FROM parked_event WHERE event_id = ?").param(event.eventId())
                    .query(Long.class).optional().orElse(null), sequence -> sequence != null));
        }

        JsonNode parked = await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> verify(1),
                report -> events.stream().allMatch(event -> findings(report, "PARKED").stream()
                        .anyMatch(f -> event.eventId().equals(f.path("subject").asText()))));
        for (Unreadable event : events) {
            JsonNode finding = findings(parked, "PARKED").stream()
                    .filter(f -> event.eventId().equals(f.path("subject").asText())).findFirst().orElseThrow();
            assertThat(finding.path("stream").asText()).isEqualTo(event.stream());
            assertThat(finding.path("sequence").asLong()).isEqualTo(gaps.get(event.eventId()));
            assertThat(finding.path("severity").asText()).isEqualTo("FINDING");
        }
        assertThat(findings(parked, "TAMPERED")).isEmpty();
        assertThat(findings(parked, "GAP")).isEmpty();
        assertThat(findings(parked, "DUPLICATE")).isEmpty();

        // the fix (a version that knows the event), then an operator re-publishes it on the management port
        HttpClient http = HttpClient.newHttpClient();
        for (Unreadable event : events) {
            system.jdbc(event.service()).sql("UPDATE domainevententry SET payloadtype = ? WHERE eventidentifier = ?")
                    .params(event.knownType(), event.eventId()).update();
            URI republish = URI.create(system.managementUri(event.service()) + "/actuator/parkedevents/"
                    + event.eventId());
            HttpResponse<String> notAnOperator = http.send(HttpRequest.newBuilder(republish)
                    .header("Authorization", "Bearer " + system.token("mallory"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(notAnOperator.statusCode()).as("only operators (charter.operators) re-publish").isEqualTo(403);
            HttpResponse<String> done = http.send(HttpRequest.newBuilder(republish)
                    .header("Authorization", "Bearer " + system.token(SystemUnderTest.OPERATOR))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
            assertThat(JSON.readTree(done.body()).path("republished").asBoolean()).as(done.body()).isTrue();
        }

        JsonNode resolved = await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> verify(0),
                report -> events.stream().allMatch(event -> findings(report, "REPUBLISHED").stream()
                        .anyMatch(f -> event.eventId().equals(f.path("subject").asText()))));
        for (Unreadable event : events) {
            assertThat(findings(resolved, "PARKED")).noneMatch(f -> event.eventId().equals(f.path("subject").asText()));
        }
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
