package dev.charter.auditor.history;

import dev.charter.auditor.events.EventSink;
import dev.charter.auditor.events.RecordedEvent;
import dev.charter.auditor.report.Finding;
import dev.charter.contracts.EventStream;
import dev.charter.contracts.voting.VotingEvent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The governance history the rule checks work on: every public event read back into its record, per stream in
 * chain order, each event once (a re-delivered event id is kept once). Votes are not kept here (the tally check
 * streams them), so a long voting history stays small.
 */
public class History implements EventSink {

    private final Map<String, List<Decoded>> byStream = new TreeMap<>();
    private final Set<String> seen = new HashSet<>();
    private final List<Finding> findings = new ArrayList<>();
    private boolean sorted;

    @Override
    public void accept(RecordedEvent event) {
        if (event.parked() || !seen.add(event.stream() + "|" + event.id())) {
            return;
        }
        try {
            Decoder.decode(event).ifPresent(decoded -> {
                if (!(decoded.event() instanceof VotingEvent.VoteCast)) {
                    byStream.computeIfAbsent(decoded.stream(), s -> new ArrayList<>()).add(decoded);
                }
            });
        } catch (Decoder.Unreadable e) {
            findings.add(Finding.finding("decode", "UNREADABLE", event.stream(), event.chainSequence(), event.id(),
                    "event does not fit its published record: " + e.getMessage()));
        }
    }

    @Override
    public void finish() {
        byStream.values().forEach(list -> list.sort(Comparator.comparingLong(Decoded::chainSequence)));
        sorted = true;
    }

    public List<Decoded> of(EventStream stream) {
        if (!sorted) {
            finish();
        }
        return byStream.getOrDefault(stream.streamName(), List.of());
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }
}
