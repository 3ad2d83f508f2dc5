package dev.charter.platform.audit;

import dev.charter.contracts.EventCatalog;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checks the audit chain on the server: every hash recomputed from the previous one and the stored canonical
 * document, every canonical document recomputed from the event store (so an edited event or an edited chain
 * row is found), and counts public events not chained yet.
 */
public class AuditVerifier {

    private static final Logger log = LoggerFactory.getLogger(AuditVerifier.class);
    private static final int PAGE = 500;

    private final AuditChain chain;
    private final EventStorageEngine storage;

    private final java.time.Duration interval;
    private Verdict recent;
    private long recentAt;

    public AuditVerifier(AuditChain chain, EventStorageEngine storage) {
        this(chain, storage, java.time.Duration.ofSeconds(30));
    }

    public AuditVerifier(AuditChain chain, EventStorageEngine storage, java.time.Duration interval) {
        this.chain = chain;
        this.storage = storage;
        this.interval = interval;
    }

    /**
     * The verdict of a verification at most {@code interval} old: one runs at a time, and callers meanwhile share
     * its result (a verification reads the whole event store; this bounds what one API call costs).
     */
    public synchronized Verdict recentVerdict() {
        if (recent == null || System.nanoTime() - recentAt > interval.toNanos()) {
            recent = verify();
            recentAt = System.nanoTime();
        }
        return recent;
    }

    public record Verdict(boolean valid, long checked, long length, String headHash, Long firstInvalidSequence,
                          String problem, long unchained) {
    }

    public Verdict verify() {
        Map<String, String> stored = new HashMap<>();
        java.util.Set<String> allIds = new java.util.HashSet<>();
        java.util.Set<String> parked = new java.util.HashSet<>();
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(null, false)) {
            events.forEach(e -> {
                allIds.add(e.getIdentifier());
                if (EventCatalog.instance().isPublic(e.getPayloadType())) {
                    try {
                        stored.put(e.getIdentifier(), chain.canonicalJson(e));
                    } catch (RuntimeException unreadable) {
                        // an event this version cannot read: only a parked-event record may stand for it
                    }
                }
            });
        }
        String previous = AuditChain.GENESIS;
        long checked = 0;
        long expected = 1;
        long after = 0;
        while (true) {
            List<AuditChain.Link> links = chain.after(after, PAGE);
            for (AuditChain.Link link : links) {
                String problem = null;
                if (link.sequence() != expected) {
                    problem = "chain position " + expected + " is missing";
                } else if (!link.previousHash().equals(previous)) {
                    problem = "its previous hash is not the hash of link " + (expected - 1);
                } else if (!AuditChain.hash(previous, link.canonicalJson()).equals(link.hash())) {
                    problem = "its hash does not match its canonical document";
                } else if (chain.isRecord(link)) {
                    String parkedId = chain.data(link).path("eventId").asText(null);
                    if (parkedId == null || !allIds.contains(parkedId)) {
                        problem = "record " + link.eventId() + " stands for event " + parkedId
                                + ", which is not in the event store";
                    } else {
                        parked.add(parkedId);
                    }
                } else if (!stored.containsKey(link.eventId())) {
                    problem = "event " + link.eventId() + " is not in the event store";
                } else if (!stored.get(link.eventId()).equals(link.canonicalJson())) {
                    problem = "event " + link.eventId() + " in the event store differs from what was chained";
                }
                if (problem != null) {
                    log.error("Audit chain broken at #{}: {}", link.sequence(), problem);
                    return new Verdict(false, checked, chain.head().map(AuditChain.Link::sequence).orElse(0L),
                            chain.head().map(AuditChain.Link::hash).orElse(AuditChain.GENESIS), link.sequence(),
                            problem, 0);
                }
                if (!chain.isRecord(link)) {
                    stored.remove(link.eventId());
                    parked.remove(link.eventId());
                }
                previous = link.hash();
                checked++;
                expected++;
            }
            if (links.size() < PAGE) {
                break;
            }
            after = links.get(links.size() - 1).sequence();
        }
        stored.keySet().removeAll(parked);
        return new Verdict(true, checked, checked, previous, null, null, stored.size());
    }
}
