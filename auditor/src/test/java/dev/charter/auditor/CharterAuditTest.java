package dev.charter.auditor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charter.auditor.events.ArchiveWriter;
import dev.charter.auditor.events.RecordedEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line: exit codes 0 / 1 / 2, tables and --json. */
class CharterAuditTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CharterAudit.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Path archive(List<RecordedEvent> events) {
        Path file = dir.resolve("history.jsonl.gz");
        try (ArchiveWriter writer = new ArchiveWriter(file)) {
            events.forEach(writer::accept);
        }
        return file;
    }

    @Test
    @DisplayName("all over a clean archive: exit 0 and a clean summary")
    void cleanArchive() {
        Path archive = archive(Scenario.governance().events());
        assertThat(run("all", "--archive", archive.toString())).as(out + "" + err).isZero();
        assertThat(out.toString()).contains("Chain heads computed from the events", "Closed ballots re-counted",
                "Decisions and their effects", "CLEAN");
    }

    @Test
    @DisplayName("--json: one document a machine reads; a tampered archive exits 1 with its finding")
    void jsonAndFindings() throws Exception {
        List<RecordedEvent> events = Scenario.governance().events().stream()
                .map(e -> e.type().endsWith("BallotClosed.v1") ? e.withAttribute("actor", "mallory") : e).toList();
        Path archive = archive(events);
        assertThat(run("verify", "--archive", archive.toString(), "--json")).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.get("clean").asBoolean()).isFalse();
        assertThat(report.get("findings")).allSatisfy(f -> assertThat(f.get("kind").asText()).isEqualTo("TAMPERED"));
        assertThat(report.get("findings")).hasSize(2);
    }

    @Test
    @DisplayName("roster --at: the roster at a past moment, rebuilt from the registry stream")
    void rosterAt() {
        PublishedEvents published = Scenario.governance();
        Path archive = archive(published.events());
        assertThat(run("roster", "--archive", archive.toString(), "--json")).isZero();
        assertThat(out.toString()).contains("\"persons\" : \"alan grace\"");
        out.getBuffer().setLength(0);
        assertThat(run("roster", "--archive", archive.toString(), "--at", "2026-03-01T09:00:10Z")).isZero();
        assertThat(out.toString()).doesNotContain("alan grace").contains("lead");
    }

    @Test
    @DisplayName("a broker that authenticates: --sasl-username/--sasl-password give a SCRAM client, --kafka-config a "
            + "client settings file (with its bootstrap.servers), --kafka-property wins over both")
    void kafkaCredentials() throws Exception {
        CharterAudit.Input input = new CharterAudit.Input();
        new CommandLine(input).parseArgs("--bootstrap-servers", "broker:9093", "--sasl-username", "charter-auditor",
                "--sasl-password", "se\"cret", "--kafka-property", "client.rack=r1");
        Map<String, Object> client = input.kafkaClient();
        assertThat(client).containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512").containsEntry("client.rack", "r1");
        assertThat(client.get("sasl.jaas.config")).isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule "
                + "required username=\"charter-auditor\" password=\"se\\\"cret\";");
        assertThat(input.source().describe()).contains("broker:9093");

        Path settings = dir.resolve("auditor.properties");
        Files.writeString(settings, "bootstrap.servers=file-broker:9093\nsecurity.protocol=SASL_SSL\n"
                + "ssl.truststore.location=/etc/ca.p12\n");
        CharterAudit.Input fromFile = new CharterAudit.Input();
        new CommandLine(fromFile).parseArgs("--kafka-config", settings.toString(), "--sasl-username", "a",
                "--sasl-password", "b", "-X", "ssl.truststore.location=/other.p12");
        assertThat(fromFile.kafkaClient()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("ssl.truststore.location", "/other.p12").containsKey("sasl.jaas.config");
        assertThat(fromFile.source().describe()).contains("file-broker:9093");

        if (System.getenv("CHARTER_AUDIT_SASL_PASSWORD") == null) {
            assertThat(run("verify", "--bootstrap-servers", "localhost:1", "--sasl-username", "charter-auditor"))
                    .isEqualTo(2);
            assertThat(err.toString()).contains("needs --sasl-password");
        }
    }

    @Test
    @DisplayName("exit 2 with a clear message: no such archive, not gzip, an unreachable broker, no source")
    void cannotRun() throws Exception {
        assertThat(run("verify", "--archive", dir.resolve("missing.gz").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot run", "No archive");
        Path garbage = Files.writeString(dir.resolve("garbage.gz"), "not gzip");
        assertThat(run("tallies", "--archive", garbage.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("not gzip");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertThat(run("verify", "--bootstrap-servers", "localhost:" + port, "--timeout", "PT2S")).isEqualTo(2);
        assertThat(err.toString()).contains("Cannot reach the Kafka brokers");
        assertThat(run("verify")).isEqualTo(2);
    }
}
