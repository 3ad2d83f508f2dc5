package dev.charter.benchmarks;

import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.registry.RegistryEvent.MaintainerAppointed;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.platform.roster.RosterCopy;
import dev.charter.platform.security.DevTokenIssuer;
import dev.charter.testsupport.ServiceInstances;
import dev.charter.testsupport.TestInfrastructure;
import dev.charter.voting.VotingApplication;
import dev.charter.voting.ballot.BallotOpener;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * P1 and P2: votes through the REST API of a real voting-service (durable embedded PostgreSQL, embedded Kafka),
 * with one client, then with N concurrent clients, beside single-row inserts on the same server with as many
 * clients. Every vote is a real change (each client alternates YES, NO and ABSTAIN on each ballot): a command that
 * loads the ballot, checks the rules, appends a VoteCast, is projected and published to Kafka. The throughput run
 * ends when every tracking processor (the projection, the publisher, whose token moves only after Kafka's
 * acknowledgement) has caught up with the last event; that time is included.
 */
final class VotingBenchmark {

    private static final Duration DEADLINE = Duration.ofHours(6);

    private VotingBenchmark() {
    }

    static void run(int clients, int votes, Results results) throws Exception {
        int ballots = Math.max(clients, votes / (3 * clients));
        int sequential = Math.max(200, votes / 4);
        System.out.printf("%nP1/P2: voting-service, %d clients, %d votes over %d ballots; 1 client, %d votes%n",
                clients, votes, ballots, sequential);
        String database = TestInfrastructure.newDatabase("voting_bench");
        ConfigurableApplicationContext voting = start(database, "voting-bench", clients);
        try {
            int port = ((WebServerApplicationContext) voting).getWebServer().getPort();
            List<String> voters = seed(voting, clients);
            List<String> ballotIds = openBallots(voting, ballots, "p");
            DevTokenIssuer tokens = voting.getBean(DevTokenIssuer.class);
            List<Callable<Long>> voteCallers = new ArrayList<>();
            List<Callable<Long>> insertCallers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                voteCallers.add(voteCaller(port, tokens.issue(voters.get(c)), voters.get(c), ballotIds,
                        c * ballots / clients));
                insertCallers.add(insertCaller(database));
            }
            // warm-up: JIT, connection pools, the first loads of the ballots (not measured)
            Load.run(voteCallers, Math.min(votes, 800));
            Load.run(insertCallers, Math.min(votes, 800));
            caughtUp(voting);

            Load.Result p1 = Load.run(voteCallers.subList(0, 1), sequential);
            Load.Result p1Baseline = Load.run(insertCallers.subList(0, 1), sequential);
            caughtUp(voting);
            results.put("p1_p50_ms", p1.p50());
            results.put("p1_p99_ms", p1.p99());
            results.put("p1_baseline_p50_ms", p1Baseline.p50());
            results.put("p1_baseline_p99_ms", p1Baseline.p99());
            results.row("P1 vote, 1 client: p50 latency", p1.p50(), "ms", "1-client INSERT p50", p1Baseline.p50(),
                    p1.p50() / p1Baseline.p50());
            results.row("P1 vote, 1 client: p99 latency", p1.p99(), "ms", "1-client INSERT p99", p1Baseline.p99(),
                    p1.p99() / p1Baseline.p99());

            int before = voteEvents(voting);
            long started = System.nanoTime();
            Load.Result requests = Load.run(voteCallers, votes);
            long answered = System.nanoTime();
            caughtUp(voting);
            double seconds = Load.seconds(started);
            double catchUp = Load.seconds(answered);
            int stored = voteEvents(voting) - before;
            if (stored != votes) {
                throw new IllegalStateException(stored + " votes stored of " + votes);
            }
            Load.Result baseline = Load.run(insertCallers, votes);
            double perSecond = votes / seconds;
            results.put("p2_votes_per_s", perSecond);
            results.put("p2_p50_ms", requests.p50());
            results.put("p2_p99_ms", requests.p99());
            results.put("p2_baseline_inserts_per_s", baseline.perSecond());
            results.put("p2_baseline_p99_ms", baseline.p99());
            results.put("p2_ratio", perSecond / baseline.perSecond());
            // where the time went: the requests answered, then the projection and the publisher catching up
            results.put("p2_answered_votes_per_s", requests.perSecond());
            results.put("p2_catch_up_s", catchUp);
            results.row("P2 votes/s, " + clients + " clients (to caught-up + acked)", perSecond, "votes/s",
                    clients + "-client INSERT/s", baseline.perSecond(), perSecond / baseline.perSecond());
            results.row("P2 vote p99 latency, " + clients + " clients", requests.p99(), "ms",
                    clients + "-client INSERT p99", baseline.p99(), requests.p99() / baseline.p99());
        } finally {
            voting.close();
        }
    }

    static ConfigurableApplicationContext start(String database, String prefix, int clients) {
        return ServiceInstances.start(VotingApplication.class, VotingApplication.CONFIG_NAME, "voting", database,
                TestInfrastructure.newTopicPrefix(prefix), Map.of("logging.level.root", "WARN"));
    }

    /** Core maintainers: one per client, and more who never vote, so no ballot settles during the run. */
    static List<String> seed(ConfigurableApplicationContext voting, int clients) {
        RosterCopy roster = voting.getBean(RosterCopy.class);
        List<String> voters = new ArrayList<>();
        for (int i = 0; i < clients * 3 + 1; i++) {
            String person = (i < clients ? "voter-" : "silent-") + i;
            roster.on(new MaintainerAppointed(person, Role.CORE_MAINTAINER, null, DecisionRef.bootstrap("bench")));
            if (i < clients) {
                voters.add(person);
            }
        }
        return voters;
    }

    static List<String> openBallots(ConfigurableApplicationContext voting, int ballots, String tag) {
        BallotOpener opener = voting.getBean(BallotOpener.class);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ballots; i++) {
            ids.add(opener.open(new BallotRequest("bench-" + tag + i + "-" + System.nanoTime(), "MOTION",
                    "bench-" + tag + i, "Benchmark motion " + i + "?", BallotBody.CORE_MAINTAINERS, null, List.of(),
                    DecisionMethod.MAJORITY, null, null, null, List.of(), Instant.now().plus(DEADLINE), List.of(),
                    "bench")).opened().ballotId());
        }
        return ids;
    }

    /** Waits until every tracking processor has handled the last event of the store (polling, not a test). */
    static void caughtUp(ConfigurableApplicationContext service) throws InterruptedException {
        Long last = service.getBean(JdbcClient.class).sql("SELECT max(globalindex) FROM domainevententry")
                .query(Long.class).single();
        EventProcessingConfiguration processing = service.getBean(EventProcessingConfiguration.class);
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (last != null) {
            boolean all = processing.eventProcessors().values().stream()
                    .filter(TrackingEventProcessor.class::isInstance).map(TrackingEventProcessor.class::cast)
                    .allMatch(p -> !p.processingStatus().isEmpty() && p.processingStatus().values().stream()
                            .allMatch(s -> position(s) >= last));
            if (all) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the processors did not catch up with #" + last);
            }
            Thread.sleep(2);
        }
    }

    private static long position(EventTrackerStatus status) {
        return status.getCurrentPosition().orElse(-1L);
    }

    /**
     * One client casting its share of votes over every ballot, starting at its own offset so that the clients do
     * not queue on the same ballot: each call is one PUT, timed.
     */
    private static Callable<Long> voteCaller(int port, String token, String voter, List<String> ballots, int offset) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicInteger next = new AtomicInteger();
        String[] choices = {"YES", "NO", "ABSTAIN"};
        return () -> {
            int i = next.getAndIncrement();
            String ballot = ballots.get((offset + i) % ballots.size());
            // a different choice each time this voter comes back to this ballot: every vote is a change
            String choice = choices[(i / ballots.size()) % choices.length];
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/ballots/"
                            + ballot + "/votes/" + voter))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"choice\":\"" + choice + "\"}")).build();
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Vote refused: " + response.statusCode() + " " + response.body());
            }
            return took;
        };
    }

    /** The baseline: one client inserting single rows, each its own transaction (autocommit), timed. */
    static Callable<Long> insertCaller(String database) throws Exception {
        TestInfrastructure.Postgres postgres = TestInfrastructure.postgres();
        Connection connection = DriverManager.getConnection(database, postgres.username(), postgres.password());
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE IF NOT EXISTS bench_vote (id BIGSERIAL PRIMARY KEY, ballot_id VARCHAR(100), "
                    + "voter_id VARCHAR(39), choice VARCHAR(10), cast_at TIMESTAMPTZ NOT NULL DEFAULT now())");
        }
        PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO bench_vote (ballot_id, voter_id, choice) VALUES (?, ?, ?)");
        AtomicInteger next = new AtomicInteger();
        return () -> {
            int i = next.getAndIncrement();
            insert.setString(1, "ballot-" + (i % 100));
            insert.setString(2, "voter-" + Thread.currentThread().getId());
            insert.setString(3, "YES");
            long start = System.nanoTime();
            insert.executeUpdate();
            return System.nanoTime() - start;
        };
    }

    private static int voteEvents(ConfigurableApplicationContext voting) {
        return voting.getBean(JdbcClient.class)
                .sql("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%VoteCast'").query(Integer.class)
                .single();
    }
}
