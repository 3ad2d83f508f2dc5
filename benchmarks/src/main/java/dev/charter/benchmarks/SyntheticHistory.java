package dev.charter.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.charter.auditor.chain.Canonical;
import dev.charter.auditor.events.RecordedEvent;
import dev.charter.auditor.tally.Count;
import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.EventCatalog;
import dev.charter.contracts.PublicEvent;
import dev.charter.contracts.registry.RegistryEvent;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.Choice;
import dev.charter.contracts.voting.CloseReason;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.VotingEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A synthetic governance history of any length, chained like the services chain theirs: a roster of 40 core
 * maintainers, then ballots of the core maintainers (majority, and one in five ranked-choice), each opened, voted on
 * by most of the electorate (some votes changed) and closed with its tally. Deterministic for a seed.
 */
public final class SyntheticHistory {

    public static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final Random random = new Random(20261202L);
    private final Map<String, long[]> chain = new HashMap<>();
    private final Map<String, String> heads = new HashMap<>();
    private final Map<String, Long> aggregateSequences = new HashMap<>();
    private final Consumer<RecordedEvent> out;
    private Instant clock = Instant.parse("2026-01-01T00:00:00Z");
    private long events;

    public SyntheticHistory(Consumer<RecordedEvent> out) {
        this.out = out;
    }

    /** Publishes about {@code count} events (whole ballots). */
    public long generate(long count) {
        List<String> core = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            core.add(String.format("core%02d", i));
        }
        DecisionRef bootstrap = DecisionRef.bootstrap("import");
        for (String person : core) {
            publish(person, new RegistryEvent.PersonRegistered(person, "Core " + person, "Org " + (person.hashCode() % 7)));
            publish("core", new RegistryEvent.MaintainerAppointed(person, Role.CORE_MAINTAINER, null, bootstrap));
        }
        publish("core", new RegistryEvent.MaintainerAppointed("core01", Role.LEAD, null, bootstrap));
        for (long ballot = 1; events < count; ballot++) {
            ballot(ballot, core);
        }
        return events;
    }

    private void ballot(long number, List<String> core) {
        String id = "ballot-" + number;
        boolean ranked = number % 5 == 0;
        List<String> options = ranked ? List.of("core02", "core03", "core04", "core05") : List.of();
        BallotRequest request = new BallotRequest("motion:" + number, "MOTION", "m" + number,
                "Motion " + number + ": adopt the proposal?", BallotBody.CORE_MAINTAINERS, null, List.of(),
                ranked ? DecisionMethod.RANKED_CHOICE : DecisionMethod.MAJORITY, null, null, null, options,
                clock.plusSeconds(86_400), List.of(), "core01");
        long seed = random.nextLong();
        publish(id, new VotingEvent.BallotOpened(id, request, core, List.of(), "core01", seed, "rules/2024"));
        Map<String, Count.Vote> votes = new TreeMap<>();
        int voters = 20 + random.nextInt(core.size() - 20);
        for (int v = 0; v < voters; v++) {
            String voter = core.get(v);
            boolean change = random.nextInt(10) == 0;
            for (int round = 0; round < (change ? 2 : 1); round++) {
                Count.Vote vote;
                if (ranked) {
                    List<String> ranking = new ArrayList<>(options);
                    java.util.Collections.shuffle(ranking, random);
                    vote = new Count.Vote(null, ranking.subList(0, 1 + random.nextInt(ranking.size())));
                    publish(id, new VotingEvent.VoteCast(id, voter, null, vote.ranking(), null, round > 0));
                } else {
                    Choice choice = Choice.values()[random.nextInt(3)];
                    vote = new Count.Vote(choice, null);
                    publish(id, new VotingEvent.VoteCast(id, voter, choice, null,
                            random.nextInt(4) == 0 ? "Because of reason " + random.nextInt(1000) : null, round > 0));
                }
                votes.put(voter, vote);
            }
        }
        Count.Result result = Count.of(new Count.Rule(request.method(), null, null, null, options), core.size(), 0,
                new ArrayList<>(votes.values()), seed);
        publish(id, new VotingEvent.BallotClosed(id, request.requestId(), "MOTION", "m" + number, request.method(),
                result.outcome(), result.tally(), CloseReason.DEADLINE, null, null, "rules/2024"));
    }

    private void publish(String aggregateId, PublicEvent payload) {
        clock = clock.plusMillis(250);
        String type = EventCatalog.instance().typeOf(payload.getClass());
        String stream = EventCatalog.instance().streamOf(payload.getClass()).streamName();
        long sequence = chain.computeIfAbsent(stream, s -> new long[1])[0] += 1;
        long aggregateSequence = aggregateSequences.merge(aggregateId, 1L, Long::sum) - 1;
        Map<String, String> attributes = new TreeMap<>();
        attributes.put("specversion", "1.0");
        attributes.put("id", new UUID(random.nextLong(), random.nextLong()).toString());
        attributes.put("type", type);
        attributes.put("source", "/charter/" + stream);
        attributes.put("subject", aggregateId);
        attributes.put("time", clock.toString());
        attributes.put("actor", "system:" + stream);
        attributes.put("correlationid", "corr-" + aggregateId);
        attributes.put("causationid", "request:" + aggregateId + ":" + aggregateSequence);
        attributes.put("rulesversion", "rules/2024");
        attributes.put("aggregatesequence", Long.toString(aggregateSequence));
        attributes.put("chainsequence", Long.toString(sequence));
        byte[] data;
        try {
            data = JSON.writeValueAsBytes(payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        RecordedEvent event = new RecordedEvent(stream, "charter." + stream + ".v1",
                Math.floorMod(aggregateId.hashCode(), 3), sequence, aggregateId, attributes, data, Map.of());
        String hash = Canonical.hash(heads.getOrDefault(stream, Canonical.GENESIS), Canonical.document(event));
        heads.put(stream, hash);
        out.accept(event.withAttribute("chainhash", hash));
        events++;
    }
}
