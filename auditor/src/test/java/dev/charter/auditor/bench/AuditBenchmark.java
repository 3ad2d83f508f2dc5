package dev.charter.auditor.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.charter.auditor.Audit;
import dev.charter.auditor.events.ArchiveSource;
import dev.charter.auditor.events.ArchiveWriter;
import dev.charter.auditor.events.Progress;
import dev.charter.auditor.events.RecordedEvent;
import dev.charter.auditor.report.Report;
import dev.charter.platform.axon.AxonPersistenceAutoConfiguration;
import dev.charter.platform.projection.ProjectionRebuilds;
import dev.charter.testsupport.TestInfrastructure;
import dev.charter.voting.VotingApplication;
import dev.charter.voting.ballot.BallotProjection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Not a test: {@code verify} and {@code tallies} over a synthetic archive of {@code bench.events} events (default one
 * million), in events per second beside a raw read of the same file (gunzip and JSON parse only) in the same run;
 * then the rebuild of voting-service's ballot read model from an event store of as many events beside a raw ordered
 * SELECT of the same rows. Prints the ratios. See the README for the command and the figures.
 */
public final class AuditBenchmark {

    private AuditBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long wanted = Long.getLong("bench.events", 1_000_000L);
        long rebuildWanted = Long.getLong("bench.rebuild-events", wanted);
        Path dir = Files.createTempDirectory("charter-audit-bench");
        Path archive = dir.resolve("synthetic.jsonl.gz");
        long started = System.nanoTime();
        long events;
        try (ArchiveWriter writer = new ArchiveWriter(archive)) {
            events = new SyntheticHistory(writer::accept).generate(wanted);
        }
        System.out.printf("Synthetic archive: %,d events, %,d bytes gzip, written in %.1f s%n", events,
                Files.size(archive), seconds(started));

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
        System.out.printf("raw read (gunzip + JSON parse): %,.0f events/s%n", raw);
        System.out.printf("verify:                         %,.0f events/s   ratio to raw %.2f%n", verify, verify / raw);
        System.out.printf("tallies:                        %,.0f events/s   ratio to raw %.2f%n", tallies, tallies / raw);

        try {
            rebuild(rebuildWanted);
        } catch (Exception | Error e) {
            e.printStackTrace(); // Spring's own log goes nowhere here (slf4j-nop)
            System.exit(1);
        }
        Files.deleteIfExists(archive);
        Files.deleteIfExists(dir);
        System.exit(0);
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
        } catch (Exception e) {
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

    /** The ballot read model of voting-service rebuilt from an event store of that many events. */
    private static void rebuild(long wanted) throws Exception {
        // the auditor's class path logs through slf4j-nop: Spring is told to leave logging alone
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        TestInfrastructure.Postgres pg = TestInfrastructure.postgres();
        String url = TestInfrastructure.newDatabase("bench");
        String[] args = {"--spring.config.name=charter-voting", "--spring.main.web-application-type=none",
                "--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true",
                "--spring.datasource.username=" + pg.username(), "--spring.datasource.password=" + pg.password(),
                "--charter.publisher.enabled=false", "--charter.consumer.enabled=false",
                "--db-scheduler.polling-interval=PT24H", "--spring.main.banner-mode=off",
                "--axon.eventhandling.processors.ballots.batch-size=" + Integer.getInteger("bench.batch-size", 1)};
        // a first start creates the tables; the store is filled while the service is stopped
        new SpringApplicationBuilder(VotingApplication.class).registerShutdownHook(false).run(args).close();
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true");
        dataSource.setUsername(pg.username());
        dataSource.setPassword(pg.password());
        long started = System.nanoTime();
        long events = fill(dataSource, wanted);
        System.out.printf("Event store: %,d voting events inserted in %.1f s%n", events, seconds(started));
        double select = 0;
        for (int run = 0; run < 2; run++) {
            select = rate(events, () -> rawSelect(dataSource));
        }
        long target = new JdbcTemplate(dataSource).queryForObject("SELECT max(globalindex) FROM domainevententry",
                Long.class);
        dataSource.close();

        long catchUpStarted = System.nanoTime();
        ConfigurableApplicationContext voting = new SpringApplicationBuilder(VotingApplication.class)
                .registerShutdownHook(false).run(args);
        try {
            ProjectionRebuilds rebuilds = voting.getBean(ProjectionRebuilds.class);
            await(() -> {
                Long position = rebuilds.status(BallotProjection.PROCESSING_GROUP).position();
                return position != null && position >= target;
            });
            double catchUp = events / seconds(catchUpStarted);
            long begin = System.nanoTime();
            rebuilds.rebuild(BallotProjection.PROCESSING_GROUP);
            await(() -> rebuilds.status(BallotProjection.PROCESSING_GROUP).state()
                    != ProjectionRebuilds.State.REBUILDING);
            ProjectionRebuilds.Status status = rebuilds.status(BallotProjection.PROCESSING_GROUP);
            double rebuilt = events / seconds(begin);
            System.out.printf("raw ordered SELECT of the event table: %,.0f events/s%n", select);
            System.out.printf("first catch-up of the read model (start included): %,.0f events/s%n", catchUp);
            System.out.printf("projection rebuild (%s): %,.0f events/s   ratio to raw %.3f   (%s in %d ms)%n",
                    BallotProjection.PROCESSING_GROUP, rebuilt, rebuilt / select, status.state(),
                    status.elapsed().toMillis());
        } finally {
            voting.close();
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long lastReport = System.nanoTime();
        while (!condition.getAsBoolean()) {
            Thread.sleep(100); // a benchmark's polling, not a test
            if (System.nanoTime() - lastReport > 30_000_000_000L) {
                lastReport = System.nanoTime();
                System.out.println("  ... still replaying");
            }
        }
    }

    private static long fill(HikariDataSource dataSource, long wanted) {
        ObjectMapper mapper = AxonPersistenceAutoConfiguration.eventObjectMapper();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        List<Object[]> batch = new ArrayList<>();
        long[] count = {0};
        new SyntheticHistory(event -> {
            if (!"voting".equals(event.stream())) {
                return;
            }
            batch.add(row(mapper, event));
            count[0]++;
            if (batch.size() == 5000) {
                insert(jdbc, batch);
            }
        }).generate(wanted);
        insert(jdbc, batch);
        return count[0];
    }

    private static Object[] row(ObjectMapper mapper, RecordedEvent event) {
        try {
            String simple = event.type().substring("dev.charter.voting.".length(), event.type().lastIndexOf(".v"));
            byte[] metadata = mapper.writeValueAsBytes(java.util.Map.of("actor", event.attribute("actor"),
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

    private static double rate(long events, Runnable work) {
        long started = System.nanoTime();
        work.run();
        return events / seconds(started);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

}
