package dev.charter.auditor;

import dev.charter.auditor.events.ArchiveSource;
import dev.charter.auditor.events.ArchiveWriter;
import dev.charter.auditor.events.Progress;
import dev.charter.auditor.events.RecordedEvent;
import dev.charter.auditor.report.Report;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.VotingEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DecisionChecksTest {

    @TempDir
    Path dir;

    private Report audit(List<RecordedEvent> events, Audit audit) {
        Path file = dir.resolve("h-" + System.nanoTime() + ".jsonl.gz");
        try (ArchiveWriter writer = new ArchiveWriter(file)) {
            events.forEach(writer::accept);
        }
        return audit.run("all", new ArchiveSource(file), Progress.none());
    }

    @Test
    @DisplayName("R9: a confirmed nomination without the registry's appointment is reported")
    void missingEffect() {
        List<RecordedEvent> events = new ArrayList<>(Scenario.governance().events());
        events.removeIf(e -> e.type().contains(".MaintainerAppointed.v") && "alan".equals(e.subject()));
        Report report = audit(events, new Audit().decisions());
        assertThat(report.findings("EFFECT_MISSING")).singleElement()
                .satisfies(f -> assertThat(f.subject()).isEqualTo("nom-1"));
    }

    @Test
    @DisplayName("R10: an electorate that is not the body at opening minus the demanded recusals is reported")
    void wrongElectorate() {
        PublishedEvents published = Scenario.governance();
        published.advance(java.time.Duration.ofMinutes(5));
        BallotRequest request = new BallotRequest("motion-9", "MOTION", "m9", "Adopt?", BallotBody.CORE_MAINTAINERS,
                null, List.of(), DecisionMethod.MAJORITY, null, null, null, List.of(), Instant.now(),
                List.of("édouard"), "ada");
        published.publish("ballot-9", new VotingEvent.BallotOpened("ballot-9", request, List.of("ada", "grace",
                "linus"), List.of(), "ada", 1L, "r"), "system:voting");
        Report report = audit(published.events(), new Audit().decisions());
        assertThat(report.findings("ELECTORATE_MISMATCH")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("+[linus]"));
        assertThat(report.findings("RECUSAL_MISMATCH")).hasSize(1);
    }

    @Test
    @DisplayName("R9: a confirmed nomination without reasoning is reported")
    void missingReasoning() {
        List<RecordedEvent> events = Scenario.governance().events().stream().map(e ->
                e.type().endsWith("NominationConfirmed.v1")
                        ? e.withData(e.dataText().replace("Two years of reviews.", " ").getBytes(StandardCharsets.UTF_8))
                        : e).toList();
        Report report = audit(events, new Audit().decisions());
        assertThat(report.findings("REASONING_MISSING")).hasSize(1);
    }

    @Test
    @DisplayName("a parked event is a gap in the public record (not tampering, not a duplicate) until it is published")
    void parkedEvents() {
        PublishedEvents published = Scenario.governance();
        String parkedId = "parked-1";
        published.events(); // the registry's chain continues with a parked entry
        RecordedEvent last = published.events().stream().filter(e -> e.stream().equals("registry"))
                .reduce((a, b) -> b).orElseThrow();
        long next = last.chainSequence() + 1;
        // the data as the platform's publisher writes it (api-contracts ChainRecord.EventParked)
        String data = "{\"eventId\":\"" + parkedId + "\",\"eventType\":\"dev.charter.registry.PersonRegistered.v1\","
                + "\"aggregateId\":\"zed\",\"aggregateSequence\":0,\"error\":\"record too large\"}";
        var cloudEvent = CloudEventBuilder.v1().withId("entry-1").withType(RecordedEvent.PARKED_TYPE)
                .withSource(URI.create("/charter/registry")).withSubject("zed")
                .withTime(published.now().plusSeconds(5).atOffset(ZoneOffset.UTC))
                .withData("application/json", data.getBytes(StandardCharsets.UTF_8))
                .withExtension("chainsequence", Long.toString(next))
                .withExtension("chainhash", dev.charter.auditor.chain.Canonical.hash(last.chainHash(),
                        "{\"data\":" + data.replace("\"sequence\":0", "\"sequence\":0") + "}"))
                .build();
        RecordedEvent parked = published.received("charter.registry.v1", 0, "zed", cloudEvent);
        RecordedEvent entry = parked.withAttribute("chainhash", dev.charter.auditor.chain.Canonical.hash(
                last.chainHash(), dev.charter.auditor.chain.Canonical.document(parked)));
        List<RecordedEvent> events = new ArrayList<>(published.events());
        events.add(entry);
        Report report = audit(events, new Audit().verify());
        assertThat(report.findings("PARKED")).singleElement().satisfies(f -> {
            assertThat(f.sequence()).isEqualTo(next);
            assertThat(f.subject()).isEqualTo(parkedId);
            assertThat(f.counts()).isTrue();
        });
        assertThat(report.findings("TAMPERED")).isEmpty();
        assertThat(report.findings("DUPLICATE")).isEmpty();

        // published later at a new position with its original id: resolved, a note
        RecordedEvent republished = published.publish("zed",
                new dev.charter.contracts.registry.RegistryEvent.PersonRegistered("zed", "Zed", null), "system:registry",
                java.util.Optional.of(parkedId));
        List<RecordedEvent> later = new ArrayList<>(events);
        // re-chain the late event after the parked entry
        RecordedEvent moved = republished.withAttribute("chainsequence", Long.toString(next + 1));
        moved = moved.withAttribute("chainhash", dev.charter.auditor.chain.Canonical.hash(entry.chainHash(),
                dev.charter.auditor.chain.Canonical.document(moved)));
        later.add(moved);
        Report resolved = audit(later, new Audit().verify());
        assertThat(resolved.findings("PARKED")).isEmpty();
        assertThat(resolved.findings("REPUBLISHED")).singleElement()
                .satisfies(f -> assertThat(f.counts()).isFalse());
        assertThat(resolved.clean()).as(resolved.findings().toString()).isTrue();
    }
}
