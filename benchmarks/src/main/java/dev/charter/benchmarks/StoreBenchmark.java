package dev.charter.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.charter.auditor.Audit;
import dev.charter.auditor.events.ArchiveSource;
import dev.charter.auditor.events.ArchiveWriter;
import dev.charter.auditor.events.Progress;
import dev.charter.auditor.events.RecordedEvent;
import dev.charter.auditor.report.Report;
import dev.charter.contracts.EventCatalog;
import dev.charter.contracts.voting.Choice;
import dev.charter.platform.audit.AuditChain;
import dev.charter.platform.audit.AuditVerifier;
import dev.charter.platform.axon.AxonPersistenceAutoConfiguration;
import dev.charter.platform.projection.ProjectionRebuilds;
import dev.charter.testsupport.TestInfrastructure;
import dev.charter.voting.VotingApplication;
import dev.charter.voting.ballot.BallotCommands.CastVote;
import dev.charter.voting.ballot.BallotProjection;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;

/**
 * The costs that grow with the history, on voting-service's event store filled with a synthetic history
 * ({@link SyntheticHistory}) while the service is stopped:
 * <ul>
 *   <li>P4: the ballot read model rebuilt from 1 M events, beside a raw ordered SELECT of the same rows;</li>
 *   <li>P5: the server's full audit verification of the chain of those events ({@link AuditVerifier}), beside the
 *       same raw read of the event table;</li>
 *   <li>P7: votes appended (one command each, one client) with 1 M events stored against an empty store, and the
 *       rebuild's cost per event at 1 M events against 10 k.</li>
 * </ul>
 */
final class StoreBenchmark {

    private static final ObjectMapper MAPPER = AxonPersistenceAutoConfiguration.eventObjectMapper();

    private StoreBenchmark() {
    }

    static void run(long events, Results results) throws Exception {
        int appends = Integer.getInteger("bench.appends", 1000);
        System.out.printf("%nP4/P5/P7: voting-service's event store with %,d synthetic events%n", events);

        // P7, empty store: the append rate
        double emptyAppend;
        String empty = TestInfrastructure.newDatabase("store_empty");
        try (ConfigurableApplicationContext voting = start(empty)) {
            emptyAppend = appendRate(voting, appends);
        }
        // P7, 10 k events: the rebuild's cost per event
        double smallCost;
        String small = TestInfrastructure.newDatabase("store_small");
        createTables(small);
        long smallEvents = fill(small, Math.min(10_000, events));
        analyze(small);
        try (ConfigurableApplicationContext voting = start(small)) {
            VotingBenchmark.caughtUp(voting);
            double best = Double.MAX_VALUE;
            for (int run = 0; run < 3; run++) {
                best = Math.min(best, rebuildSeconds(voting) / smallEvents);
            }
            smallCost = best;
        }

        String large = TestInfrastructure.newDatabase("store_large");
        createTables(large);
        long started = System.nanoTime();
        long stored = fill(large, events);
        System.out.printf("  %,d voting events stored in %.1f s%n", stored, Load.seconds(started));
        started = System.nanoTime();
        chain(large);
        System.out.printf("  their audit chain computed and stored in %.1f s%n", Load.seconds(started));
        analyze(large);
        double select = 0;
        try (HikariDataSource dataSource = dataSource(large)) {
            for (int run = 0; run < 2; run++) { // the first warms the server's cache and the JIT up
                long begin = System.nanoTime();
                rawSelect(dataSource);
                select = stored / Load.seconds(begin);
            }
        }
        try (ConfigurableApplicationContext voting = start(large)) {
            started = System.nanoTime();
            VotingBenchmark.caughtUp(voting);
            System.out.printf("  first catch-up of the read model in %.1f s%n", Load.seconds(started));
            double rebuild = stored / rebuildSeconds(voting);
            results.put("p4_rebuild_events_per_s", rebuild);
            results.put("p4_baseline_select_events_per_s", select);
            results.put("p4_ratio", rebuild / select);
            results.row("P4 ballot projection rebuilt, " + stored / 1000 + " k events", rebuild, "events/s",
                    "raw ordered SELECT of the rows", select, rebuild / select);

            AuditVerifier verifier = voting.getBean(AuditVerifier.class);
            long begin = System.nanoTime();
            AuditVerifier.Verdict verdict = verifier.verify();
            double verify = stored / Load.seconds(begin);
            if (!verdict.valid() || verdict.checked() != stored) {
                throw new IllegalStateException("the synthetic chain did not verify: " + verdict);
            }
            results.put("p5_verify_events_per_s", verify);
            results.put("p5_ratio", verify / select);
            results.row("P5 server-side audit verification (full)", verify, "events/s",
                    "raw ordered SELECT of the rows", select, verify / select);

            double largeCost = 1 / rebuild;
            double largeAppend = appendRate(voting, appends);
            results.put("p7_append_per_s", largeAppend);
            results.put("p7_empty_append_per_s", emptyAppend);
            results.put("p7_append_ratio", largeAppend / emptyAppend);
            results.put("p7_replay_cost_ratio", largeCost / smallCost);
            results.row("P7 votes appended, 1 client, " + stored / 1000 + " k stored", largeAppend, "votes/s",
                    "same on an empty store", emptyAppend, largeAppend / emptyAppend);
            results.row("P7 rebuild cost per event at " + stored / 1000 + " k", largeCost * 1e6, "us/event",
                    "same at " + smallEvents / 1000 + " k events", smallCost * 1e6, largeCost / smallCost);
        }
    }

    /** voting-service without web, publisher or consumers: the store, the projection and the commands. */
    private static ConfigurableApplicationContext start(String url) {
        TestInfrastructure.Postgres pg = TestInfrastructure.postgres();
        return new SpringApplicationBuilder(VotingApplication.class).registerShutdownHook(false).run(
                "--spring.config.name=" + VotingApplication.CONFIG_NAME, "--spring.main.web-application-type=none",
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + pg.username(),
                "--spring.datasource.password=" + pg.password(), "--charter.publisher.enabled=false",
                "--charter.consumer.enabled=false", "--db-scheduler.polling-interval=PT24H",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN");
    }

    /** A first start creates the tables (Flyway); the store is then filled while the service is stopped. */
    private static void createTables(String url) {
        start(url).close();
    }

    /** Sequential votes, each its own command and transaction, on ballots opened for it. */
    private static double appendRate(ConfigurableApplicationContext voting, int count) {
        List<String> voters = VotingBenchmark.seed(voting, 1);
        List<String> ballots = VotingBenchmark.openBallots(voting, 20, "a");
        CommandGateway commands = voting.getBean(CommandGateway.class);
        Choice[] choices = {Choice.YES, Choice.NO, Choice.ABSTAIN};
        String voter = voters.get(0);
        int warmUp = count / 5;
        long begin = 0;
        for (int i = 0; i < warmUp + count; i++) {
            if (i == warmUp) {
                begin = System.nanoTime();
            }
            commands.sendAndWait(new CastVote(ballots.get(i % ballots.size()), voter,
                    choices[(i / ballots.size()) % 3], null, null, voter, Instant.now()));
        }
        return count / Load.seconds(begin);
    }

    private static double rebuildSeconds(ConfigurableApplicationContext voting) throws InterruptedException {
        ProjectionRebuilds rebuilds = voting.getBean(ProjectionRebuilds.class);
        long begin = System.nanoTime();
        rebuilds.rebuild(BallotProjection.PROCESSING_GROUP);
        await(() -> rebuilds.status(BallotProjection.PROCESSING_GROUP).state() != ProjectionRebuilds.State.REBUILDING);
        double seconds = Load.seconds(begin);
        ProjectionRebuilds.Status status = rebuilds.status(BallotProjection.PROCESSING_GROUP);
        if (status.state() != ProjectionRebuilds.State.REBUILT) {
            throw new IllegalStateException("the rebuild ended " + status);
        }
        return seconds;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            Thread.sleep(2); // a benchmark's polling, not a test
        }
    }

    private static HikariDataSource dataSource(String url) {
        TestInfrastructure.Postgres pg = TestInfrastructure.postgres();
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true");
        dataSource.setUsername(pg.username());
        dataSource.setPassword(pg.password());
        return dataSource;
    }

    /** The voting events of a synthetic history, {@code wanted} of them, inserted in batches. */
    private static long fill(String url, long wanted) {
        try (HikariDataSource dataSource = dataSource(url)) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            List<Object[]> batch = new ArrayList<>();
            long[] count = {0};
            new SyntheticHistory(event -> {
                if (!"voting".equals(event.stream()) || count[0] >= wanted) {
                    return;
                }
                batch.add(row(event));
                count[0]++;
                if (batch.size() == 5000) {
                    insert(jdbc, batch);
                }
            }).generate(wanted + wanted / 10 + 1000);
            insert(jdbc, batch);
            return count[0];
        }
    }

    private static Object[] row(RecordedEvent event) {
        try {
            String simple = event.type().substring("dev.charter.voting.".length(), event.type().lastIndexOf(".v"));
            byte[] metadata = MAPPER.writeValueAsBytes(Map.of("actor", event.attribute("actor"),
                    "correlationId", event.attribute("correlationid"), "causationId", event.attribute("causationid"),
                    "rulesVersion", event.attribute("rulesversion")));
            return new Object[]{event.subject(), Long.parseLong(event.attribute("aggregatesequence")), "Ballot",
                    event.id(), metadata, event.data(), "1",
                    "dev.charter.contracts.voting.VotingEvent$" + simple, event.time()};
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void insert(JdbcTemplate jdbc, List<Object[]> batch) {
        jdbc.batchUpdate("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                    payload, payloadrevision, payloadtype, timestamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", batch);
        batch.clear();
    }

    /**
     * The audit chain of the stored events, as the publisher would have chained them: each row's canonical document
     * (AuditChain's own), linked in event-store order.
     */
    private static void chain(String url) {
        EventCatalog catalog = EventCatalog.instance();
        try (HikariDataSource dataSource = dataSource(url)) {
            JdbcTemplate reader = new JdbcTemplate(dataSource);
            reader.setFetchSize(1000);
            JdbcTemplate writer = new JdbcTemplate(dataSource);
            List<Object[]> batch = new ArrayList<>();
            String[] previous = {AuditChain.GENESIS};
            long[] sequence = {0};
            Map<String, String> types = new HashMap<>();
            new TransactionTemplate(new JdbcTransactionManager(dataSource)).executeWithoutResult(s -> reader.query("""
                    SELECT globalindex, aggregateidentifier, sequencenumber, eventidentifier, metadata, payload,
                           payloadtype, timestamp FROM domainevententry ORDER BY globalindex""", rs -> {
                try {
                    String type = types.computeIfAbsent(rs.getString("payloadtype"), StoreBenchmark::publicType);
                    Map<String, Object> metadata = new HashMap<>();
                    for (Iterator<Map.Entry<String, JsonNode>> fields = MAPPER.readTree(rs.getBytes("metadata"))
                            .fields(); fields.hasNext(); ) {
                        Map.Entry<String, JsonNode> field = fields.next();
                        metadata.put(field.getKey(), field.getValue().asText());
                    }
                    String eventId = rs.getString("eventidentifier");
                    String canonical = AuditChain.canonicalJson(MAPPER, eventId, type,
                            rs.getString("aggregateidentifier"), rs.getLong("sequencenumber"),
                            Instant.parse(rs.getString("timestamp")), metadata, MAPPER.readTree(rs.getBytes("payload")));
                    String hash = AuditChain.hash(previous[0], canonical);
                    batch.add(new Object[]{++sequence[0], eventId, rs.getLong("globalindex"),
                            rs.getString("aggregateidentifier"), type, canonical, previous[0], hash});
                    previous[0] = hash;
                    if (batch.size() == 5000) {
                        insertLinks(writer, batch);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }));
            insertLinks(writer, batch);
        }
    }

    private static String publicType(String className) {
        try {
            return EventCatalog.instance().typeOf(Class.forName(className));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As autovacuum would after a bulk load: the planner's statistics of the filled tables. */
    private static void analyze(String url) {
        try (HikariDataSource dataSource = dataSource(url)) {
            new JdbcTemplate(dataSource).execute("ANALYZE");
        }
    }

    private static void insertLinks(JdbcTemplate jdbc, List<Object[]> batch) {
        jdbc.batchUpdate("""
                INSERT INTO audit_chain (chain_seq, event_id, global_index, aggregate_id, event_type, canonical_json,
                                         previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", batch);
        batch.clear();
    }

    private static void rawSelect(HikariDataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.setFetchSize(1000);
        long[] bytes = {0};
        new TransactionTemplate(new JdbcTransactionManager(dataSource)).executeWithoutResult(s -> jdbc.query("""
                        SELECT globalindex, aggregateidentifier, sequencenumber, eventidentifier, metadata, payload,
                               payloadrevision, payloadtype, timestamp FROM domainevententry ORDER BY globalindex""",
                rs -> {
                    bytes[0] += rs.getBytes(6).length + rs.getBytes(5).length + rs.getString(9).length();
                }));
        if (bytes[0] == 0) {
            throw new IllegalStateException("nothing selected");
        }
    }

    /**
     * The auditor's offline {@code verify} and {@code tallies} over an archive of the synthetic history, beside a raw
     * read of the same file (gunzip and JSON parse), as issue 10 measured them ({@code -Dbench.only=archive}).
     */
    static void archive(long wanted, Results results) throws Exception {
        Path dir = Files.createTempDirectory("charter-audit-bench");
        Path archive = dir.resolve("synthetic.jsonl.gz");
        long events;
        try (ArchiveWriter writer = new ArchiveWriter(archive)) {
            events = new SyntheticHistory(writer::accept).generate(wanted);
        }
        double raw = 0;
        double verify = 0;
        double tallies = 0;
        for (int run = 0; run < 2; run++) { // the first run warms the JIT up; the second is reported
            raw = rate(events, () -> rawRead(archive));
            verify = rate(events, () -> check(new Audit().verify().run("verify", new ArchiveSource(archive),
                    Progress.none())));
            tallies = rate(events, () -> check(new Audit().tallies().run("tallies", new ArchiveSource(archive),
                    Progress.none())));
        }
        results.put("auditor_verify_ratio", verify / raw);
        results.put("auditor_tallies_ratio", tallies / raw);
        results.row("auditor verify (archive, offline)", verify, "events/s", "gunzip + JSON parse", raw, verify / raw);
        results.row("auditor tallies (archive, offline)", tallies, "events/s", "gunzip + JSON parse", raw,
                tallies / raw);
        Files.deleteIfExists(archive);
        Files.deleteIfExists(dir);
    }

    private static void rawRead(Path archive) {
        ObjectMapper json = new ObjectMapper();
        long parsed = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(archive), 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = lines.readLine()) != null) {
                parsed += json.readTree(line).size();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (parsed == 0) {
            throw new IllegalStateException("nothing read");
        }
    }

    private static void check(Report report) {
        if (!report.clean()) {
            throw new IllegalStateException("the synthetic history is not clean: " + report.findings().subList(0,
                    Math.min(5, report.findings().size())));
        }
    }

    private static double rate(long events, Runnable work) {
        long started = System.nanoTime();
        work.run();
        return events / Load.seconds(started);
    }
}
