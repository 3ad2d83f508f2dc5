package dev.charter.auditor;

import dev.charter.auditor.chain.ChainVerifier;
import dev.charter.auditor.decisions.DecisionChecks;
import dev.charter.auditor.decisions.Governance;
import dev.charter.auditor.events.EventSink;
import dev.charter.auditor.events.EventSource;
import dev.charter.auditor.events.KafkaSource;
import dev.charter.auditor.events.Progress;
import dev.charter.auditor.events.RecordedEvent;
import dev.charter.auditor.history.History;
import dev.charter.auditor.reconcile.Reconciler;
import dev.charter.auditor.report.Finding;
import dev.charter.auditor.report.Report;
import dev.charter.auditor.roster.RosterHistory;
import dev.charter.auditor.tally.TallyCheck;
import dev.charter.contracts.EventStream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One audit run: reads the source once, feeding every check that was asked for, and reports. Usable without the
 * command line (the system tests run it in-process).
 */
public final class Audit {

    private boolean verify;
    private boolean tallies;
    private boolean decisions;
    private boolean roster;
    private Instant rosterAt;
    private final Map<String, String> reconcile = new LinkedHashMap<>();

    public Audit verify() {
        verify = true;
        return this;
    }

    public Audit tallies() {
        tallies = true;
        return this;
    }

    public Audit decisions() {
        decisions = true;
        return this;
    }

    /** The roster at that instant (null: after the last event). */
    public Audit roster(Instant at) {
        roster = true;
        rosterAt = at;
        return this;
    }

    /** Reconciles with the live services at these base URLs, by stream name. */
    public Audit reconcile(Map<String, String> urls) {
        urls.forEach((stream, url) -> {
            if (url != null && !url.isBlank()) {
                reconcile.put(stream, url);
            }
        });
        return this;
    }

    public Audit all(Map<String, String> urls) {
        return verify().tallies().decisions().roster(null).reconcile(urls);
    }

    public Report run(String command, EventSource source, Progress progress) {
        Report report = new Report(command, source.describe());
        ChainVerifier chain = new ChainVerifier();
        History history = new History();
        TallyCheck tally = new TallyCheck(true);
        List<EventSink> sinks = new ArrayList<>();
        boolean needsChain = verify || !reconcile.isEmpty();
        boolean needsHistory = decisions || roster || !reconcile.isEmpty();
        if (needsChain) {
            chain.expectStreams(Arrays.stream(EventStream.values()).map(EventStream::streamName).toList());
            sinks.add(chain);
        }
        if (needsHistory) {
            sinks.add(history);
        }
        if (tallies) {
            sinks.add(tally);
        }
        long[] events = {0};
        source.readInto(new EventSink() {
            @Override
            public void accept(RecordedEvent event) {
                events[0]++;
                for (EventSink sink : sinks) {
                    sink.accept(event);
                }
            }
        }, progress);
        sinks.forEach(EventSink::finish);
        report.count("events read", events[0]);
        if (source instanceof KafkaSource kafka) {
            kafka.absentTopics().forEach(topic -> report.add(Finding.note("read", "TOPIC_ABSENT", null, null, topic,
                    "topic " + topic + " does not exist (yet): its stream is empty")));
        }
        if (needsHistory) {
            report.addAll(history.findings());
        }
        if (verify) {
            chain.reportTo(report);
        }
        if (tallies) {
            tally.reportTo(report);
        }
        Governance governance = needsHistory ? new Governance(history) : null;
        if (roster) {
            Instant at = rosterAt == null ? Instant.now() : rosterAt;
            RosterHistory.reportTo(report, governance.roster().at(at), at);
        }
        if (decisions) {
            DecisionChecks.reportTo(report, governance);
        }
        if (!reconcile.isEmpty()) {
            new Reconciler(reconcile).reconcile(governance, chain.heads(), report);
        }
        return report;
    }
}
