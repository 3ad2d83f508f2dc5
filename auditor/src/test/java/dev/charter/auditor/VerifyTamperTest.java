package dev.charter.auditor;

import dev.charter.auditor.events.ArchiveSource;
import dev.charter.auditor.events.ArchiveWriter;
import dev.charter.auditor.events.Progress;
import dev.charter.auditor.events.RecordedEvent;
import dev.charter.auditor.report.Finding;
import dev.charter.auditor.report.Report;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Tamper cases in an archive (issue 10): each detected and reported at the right chain position. */
class VerifyTamperTest {

    @TempDir
    Path dir;

    private final PublishedEvents published = Scenario.governance();

    @Test
    @DisplayName("a clean archive reports clean, with the chain heads the platform computed")
    void clean() throws IOException {
        Report report = verify(archive(published.events()));
        assertThat(report.findings()).isEmpty();
        assertThat(report.clean()).isTrue();
        assertThat(report.sections().get("heads").rows()).anySatisfy(row -> {
            assertThat(row.get(0)).isEqualTo("voting");
            assertThat(row.get(4)).isEqualTo(published.head("voting"));
        });
    }

    @Test
    @DisplayName("one byte changed in one event's data: TAMPERED at that event's position, nothing else")
    void byteInData() throws IOException {
        Path archive = archive(published.events());
        List<String> lines = lines(archive);
        int index = indexOf(lines, "Two years of reviews.");
        lines.set(index, lines.get(index).replace("Two years of reviews.", "Two years of reviewz."));
        Report report = verify(write(lines));
        assertThat(counting(report)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("TAMPERED");
            assertThat(f.stream()).isEqualTo("nominations");
            assertThat(f.sequence()).isEqualTo(sequenceOf(lines.get(index)));
        });
        assertThat(report.sections().get("heads").rows()).anySatisfy(row -> {
            assertThat(row.get(0)).isEqualTo("nominations");
            assertThat(row.get(3)).isEqualTo("NO");
            assertThat(row.get(5)).isEqualTo(sequenceOf(lines.get(index)));
        });
    }

    @Test
    @DisplayName("one extension changed (the actor): TAMPERED at that position")
    void extensionChanged() throws IOException {
        RecordedEvent target = published.events().stream().filter(e -> e.type().endsWith("VoteCast.v1")).findFirst()
                .orElseThrow();
        Report report = verify(archive(change(target.id(), e -> e.withAttribute("actor", "mallory"))));
        assertThat(counting(report)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("TAMPERED");
            assertThat(f.sequence()).isEqualTo(target.chainSequence());
        });
    }

    @Test
    @DisplayName("an event dropped: a GAP at its position")
    void dropped() throws IOException {
        RecordedEvent target = published.events().stream().filter(e -> e.stream().equals("registry")).skip(4)
                .findFirst().orElseThrow();
        List<RecordedEvent> events = new ArrayList<>(published.events());
        events.removeIf(e -> e.id().equals(target.id()));
        Report report = verify(archive(events));
        assertThat(counting(report)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("GAP");
            assertThat(f.stream()).isEqualTo("registry");
            assertThat(f.sequence()).isEqualTo(target.chainSequence());
        });
    }

    @Test
    @DisplayName("two events swapped: REORDERED at the later position; the chain itself still holds")
    void swapped() throws IOException {
        List<RecordedEvent> votes = published.events().stream().filter(e -> e.stream().equals("voting")
                && e.partition() == published.events().stream().filter(v -> v.stream().equals("voting"))
                .findFirst().orElseThrow().partition()).toList();
        List<RecordedEvent> events = new ArrayList<>(published.events());
        int a = events.indexOf(votes.get(1));
        int b = events.indexOf(votes.get(2));
        events.set(a, votes.get(2));
        events.set(b, votes.get(1));
        Report report = verify(archive(events));
        assertThat(counting(report)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("REORDERED");
            assertThat(f.sequence()).isEqualTo(votes.get(1).chainSequence());
        });
        assertThat(report.findings("TAMPERED")).isEmpty();
    }

    @Test
    @DisplayName("an event duplicated: reported as DUPLICATE at its position, apart from tampering")
    void duplicated() throws IOException {
        RecordedEvent target = published.events().get(7);
        List<RecordedEvent> events = new ArrayList<>(published.events());
        events.add(target);
        Report report = verify(archive(events));
        assertThat(report.findings("DUPLICATE")).singleElement().satisfies(f -> {
            assertThat(f.sequence()).isEqualTo(target.chainSequence());
            assertThat(f.subject()).isEqualTo(target.id());
        });
        assertThat(report.findings("TAMPERED")).isEmpty();
    }

    @Test
    @DisplayName("the same position claimed by a different event is tampering, not a duplicate")
    void conflictingDuplicate() throws IOException {
        RecordedEvent target = published.events().get(7);
        List<RecordedEvent> events = new ArrayList<>(published.events());
        events.add(target.withAttribute("actor", "mallory"));
        Report report = verify(archive(events));
        assertThat(report.findings("TAMPERED")).singleElement()
                .satisfies(f -> assertThat(f.sequence()).isEqualTo(target.chainSequence()));
        assertThat(report.findings("DUPLICATE")).isEmpty();
    }

    // --- helpers

    private List<RecordedEvent> change(String id, UnaryOperator<RecordedEvent> change) {
        return published.events().stream().map(e -> e.id().equals(id) ? change.apply(e) : e).toList();
    }

    private Path archive(List<RecordedEvent> events) {
        Path file = dir.resolve("a-" + System.nanoTime() + ".jsonl.gz");
        try (ArchiveWriter writer = new ArchiveWriter(file)) {
            events.forEach(writer::accept);
        }
        return file;
    }

    static Report verify(Path archive) {
        return new Audit().verify().run("verify", new ArchiveSource(archive), Progress.none());
    }

    static List<Finding> counting(Report report) {
        return report.findings().stream().filter(Finding::counts).toList();
    }

    private static List<String> lines(Path archive) throws IOException {
        try (var in = new GZIPInputStream(Files.newInputStream(archive))) {
            return new ArrayList<>(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
        }
    }

    private Path write(List<String> lines) throws IOException {
        Path file = dir.resolve("t-" + System.nanoTime() + ".jsonl.gz");
        try (var out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError(text + " not in the archive");
    }

    private static long sequenceOf(String line) {
        return ArchiveSource.parse(line, 0).chainSequence();
    }

}
