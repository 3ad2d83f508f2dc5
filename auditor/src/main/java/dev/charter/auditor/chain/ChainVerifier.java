package dev.charter.auditor.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charter.auditor.events.EventSink;
import dev.charter.auditor.events.RecordedEvent;
import dev.charter.auditor.report.Finding;
import dev.charter.auditor.report.Report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code verify}: every stream's hash chain from the events alone (DESIGN §4). The events are put in chain order
 * by their {@code chainsequence}; each link is checked as {@code SHA-256(carried hash of the previous link ||
 * canonical document)} against the {@code chainhash} it carries, so a changed event breaks its own link only and
 * is reported at its position. Reported apart: TAMPERED (a link that does not hold, or two different events at one
 * position), GAP (positions missing), REORDERED (a partition delivered a later position before an earlier one),
 * DUPLICATE (the same event delivered again: a note, at-least-once delivery allows it), PARKED (a position the
 * publisher filled with an {@code EventParked} entry because the event could not be published; resolved when the
 * event is published later at a new position), UNCHAINED (an event without a chain position). The chain head
 * computed from genesis over the events' content is comparable with each service's {@code GET /api/v1/audit/head}.
 */
public class ChainVerifier implements EventSink {

    public static final String CHECK = "verify";
    /** Positions held back waiting for a missing one before it is declared a gap (bounds memory). */
    private static final int MAX_PENDING = 200_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, StreamChain> chains = new TreeMap<>();
    private final List<Finding> findings = new ArrayList<>();

    /** The computed head of one stream. */
    public record Head(String stream, long length, String hash, long events, boolean intact, Long firstBroken) {
    }

    @Override
    public void accept(RecordedEvent event) {
        chains.computeIfAbsent(event.stream(), StreamChain::new).accept(event);
    }

    @Override
    public void finish() {
        chains.values().forEach(StreamChain::finish);
    }

    /** Also reports streams that had no event at all (so a new, empty stream still shows). */
    public void expectStreams(List<String> streams) {
        streams.forEach(stream -> chains.computeIfAbsent(stream, StreamChain::new));
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    public Map<String, Head> heads() {
        Map<String, Head> heads = new LinkedHashMap<>();
        chains.forEach((stream, chain) -> heads.put(stream, chain.head()));
        return heads;
    }

    public void reportTo(Report report) {
        report.addAll(findings);
        List<List<Object>> rows = new ArrayList<>();
        heads().values().forEach(head -> rows.add(List.of(head.stream(), head.events(), head.length(),
                head.intact() ? "yes" : "NO", head.hash(), head.firstBroken() == null ? "" : head.firstBroken())));
        report.section("heads", new Report.Section("Chain heads computed from the events",
                List.of("stream", "events", "length", "intact", "head hash", "first broken link"), rows));
        report.count("events", chains.values().stream().mapToLong(c -> c.events).sum());
    }

    static long[] seen(String recomputed, String carried) {
        long[] seen = new long[5];
        seen[0] = prefix(recomputed);
        if (carried != null && carried.length() == 64) {
            try {
                for (int i = 0; i < 4; i++) {
                    seen[1 + i] = Long.parseUnsignedLong(carried.substring(16 * i, 16 * i + 16), 16);
                }
                return seen;
            } catch (NumberFormatException e) {
                // not a hash: kept as none
            }
        }
        seen[1] = seen[2] = seen[3] = seen[4] = -1;
        return seen;
    }

    /** The carried hash kept in {@link #seen}, or null when there was none. */
    static String hex(long[] seen) {
        if (seen == null || seen[1] == -1 && seen[2] == -1 && seen[3] == -1 && seen[4] == -1) {
            return null;
        }
        StringBuilder hex = new StringBuilder(64);
        for (int i = 1; i <= 4; i++) {
            String part = Long.toUnsignedString(seen[i], 16);
            hex.append("0".repeat(16 - part.length())).append(part);
        }
        return hex.toString();
    }

    static long prefix(String hex) {
        if (hex == null) {
            return 0;
        }
        try {
            return Long.parseUnsignedLong(hex.substring(0, Math.min(16, hex.length())), 16);
        } catch (NumberFormatException e) {
            return hex.hashCode();
        }
    }

    private final class StreamChain {
        final String stream;
        final TreeMap<Long, RecordedEvent> pending = new TreeMap<>();
        final Map<Integer, Long> lastByPartition = new HashMap<>();
        /** event id -> the chain position it was first seen at */
        final Map<String, Long> positions = new HashMap<>();
        /**
         * chain position -> the 64-bit prefix of the link hash recomputed over its content, then the hash it carried
         * (4 longs): what a second delivery of that position is compared with
         */
        final Map<Long, long[]> seenAt = new HashMap<>();
        final Set<String> parkedIds = new HashSet<>();
        final Map<String, Long> parkedAt = new HashMap<>();
        long expected = 1;
        long events;
        String carried = Canonical.GENESIS;
        String computed = Canonical.GENESIS;
        boolean intact = true;
        boolean verifiable = true;
        Long firstBroken;

        StreamChain(String stream) {
            this.stream = stream;
        }

        void accept(RecordedEvent event) {
            events++;
            Long sequence = event.chainSequence();
            if (sequence == null || sequence < 1) {
                add(Finding.finding(CHECK, "UNCHAINED", stream, null, event.id(),
                        "event " + event.id() + " (" + event.type() + ") carries no chain position"));
                return;
            }
            if (sequence < expected || pending.containsKey(sequence)) {
                again(event, sequence);
                return;
            }
            Long last = lastByPartition.put(event.partition(), sequence);
            if (last != null && sequence < last) {
                add(Finding.finding(CHECK, "REORDERED", stream, sequence, event.id(),
                        "chain position " + sequence + " came after position " + last + " in partition "
                                + event.partition()));
            }
            pending.put(sequence, event);
            drain();
            if (pending.size() > MAX_PENDING) {
                gapTo(pending.firstKey());
                drain();
            }
        }

        /** A position seen before: the same event again, or a different event claiming it. */
        void again(RecordedEvent event, long sequence) {
            RecordedEvent waiting = pending.get(sequence);
            boolean sameEvent;
            if (waiting != null) {
                sameEvent = waiting.id().equals(event.id()) && contentHash(waiting).equals(contentHash(event))
                        && java.util.Objects.equals(waiting.chainHash(), event.chainHash());
            } else {
                long[] seen = seenAt.get(sequence);
                String before = sequence == 1 ? Canonical.GENESIS : hex(seenAt.get(sequence - 1));
                sameEvent = seen != null && before != null && Long.valueOf(sequence).equals(positions.get(event.id()))
                        && java.util.Objects.equals(hex(seen), event.chainHash())
                        && seen[0] == prefix(linkHash(before, event));
            }
            if (sameEvent) {
                add(Finding.note(CHECK, "DUPLICATE", stream, sequence, event.id(),
                        "event " + event.id() + " at chain position " + sequence + " was delivered again"));
            } else {
                intact = false;
                add(Finding.finding(CHECK, "TAMPERED", stream, sequence, event.id(),
                        "two different events claim chain position " + sequence + " (" + event.id() + ")"));
            }
        }

        String linkHash(String previous, RecordedEvent event) {
            try {
                return Canonical.hash(previous, Canonical.document(event));
            } catch (Canonical.NotCanonical e) {
                return "";
            }
        }

        String contentHash(RecordedEvent event) {
            try {
                return Canonical.hash(Canonical.GENESIS, Canonical.document(event));
            } catch (Canonical.NotCanonical e) {
                return "not canonical: " + event.dataText();
            }
        }

        void drain() {
            while (!pending.isEmpty() && pending.firstKey() == expected) {
                link(pending.pollFirstEntry().getValue());
                expected++;
            }
        }

        void gapTo(long next) {
            intact = false;
            add(Finding.finding(CHECK, "GAP", stream, expected,
                    null, next - expected == 1 ? "chain position " + expected + " is missing"
                            : "chain positions " + expected + " to " + (next - 1) + " are missing"));
            expected = next;
            verifiable = false;
        }

        void link(RecordedEvent event) {
            long sequence = event.chainSequence();
            String document;
            try {
                document = Canonical.document(event);
            } catch (Canonical.NotCanonical e) {
                intact = false;
                add(Finding.finding(CHECK, "TAMPERED", stream, sequence, event.id(),
                        "chain position " + sequence + " cannot be hashed: " + e.getMessage()));
                carried = event.chainHash() == null ? carried : event.chainHash();
                verifiable = true;
                return;
            }
            String expectedHash = Canonical.hash(carried, document);
            computed = Canonical.hash(computed, document);
            seenAt.put(sequence, seen(expectedHash, event.chainHash()));
            if (!verifiable) {
                add(Finding.note(CHECK, "UNVERIFIABLE", stream, sequence, event.id(),
                        "the link at chain position " + sequence + " follows a gap and cannot be checked"));
            } else if (!expectedHash.equals(event.chainHash())) {
                intact = false;
                add(Finding.finding(CHECK, "TAMPERED", stream, sequence, event.id(),
                        "the link at chain position " + sequence + " does not hold: event " + event.id() + " ("
                                + event.type() + ") hashes to " + expectedHash + ", it carries " + event.chainHash()));
            }
            verifiable = true;
            carried = event.chainHash() == null ? expectedHash : event.chainHash();
            Long first = positions.putIfAbsent(event.id(), sequence);
            if (first != null) {
                if (parkedIds.remove(event.id())) {
                    add(Finding.note(CHECK, "REPUBLISHED", stream, sequence, event.id(),
                            "event " + event.id() + ", parked at chain position " + parkedAt.get(event.id())
                                    + ", was published later at position " + sequence));
                } else {
                    add(Finding.finding(CHECK, "DUPLICATE", stream, sequence, event.id(),
                            "event " + event.id() + " is chained twice: at positions " + first + " and " + sequence));
                }
            } else if (parkedIds.remove(event.id())) {
                add(Finding.note(CHECK, "REPUBLISHED", stream, sequence, event.id(),
                        "event " + event.id() + ", parked at chain position " + parkedAt.get(event.id())
                                + ", was published later at position " + sequence));
            }
            if (event.parked()) {
                parked(event, sequence);
            }
        }

        void parked(RecordedEvent event, long sequence) {
            String parkedId = null;
            String detail = "";
            try {
                JsonNode data = JSON.readTree(event.data());
                parkedId = data.path("eventId").asText(null);
                // the contract's EventParked (api-contracts ChainRecord): eventId, eventType, aggregateId,
                // aggregateSequence, error
                detail = data.path("eventType").asText("?") + " of " + data.path("aggregateId").asText("?") + " #"
                        + data.path("aggregateSequence").asText("?") + ": " + data.path("error").asText("");
            } catch (IOException | RuntimeException e) {
                detail = "unreadable entry";
            }
            if (parkedId != null && positions.containsKey(parkedId) && positions.get(parkedId) != sequence) {
                add(Finding.note(CHECK, "PARKED", stream, sequence, parkedId,
                        "chain position " + sequence + " records event " + parkedId + " as parked (" + detail
                                + "); it was published before"));
                return;
            }
            parkedIds.add(parkedId);
            parkedAt.put(parkedId, sequence);
        }

        void finish() {
            while (!pending.isEmpty()) {
                gapTo(pending.firstKey());
                drain();
            }
            for (String id : parkedIds) {
                add(Finding.finding(CHECK, "PARKED", stream, parkedAt.get(id), id,
                        "chain position " + parkedAt.get(id) + " records event " + id
                                + " as parked: it was never published (a gap in the public record, not tampering)"));
            }
            parkedIds.clear();
        }

        Head head() {
            return new Head(stream, expected - 1, computed, events, intact, firstBroken);
        }

        void add(Finding finding) {
            if (finding.counts() && finding.sequence() != null && !"REORDERED".equals(finding.kind())
                    && (firstBroken == null || finding.sequence() < firstBroken)) {
                firstBroken = finding.sequence();
            }
            findings.add(finding);
        }
    }
}
