package dev.charter.voting.bench;

import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.registry.RegistryEvent.MaintainerAppointed;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.platform.security.DevTokenIssuer;
import dev.charter.testsupport.TestInfrastructure;
import dev.charter.voting.VotingInstances;
import dev.charter.voting.ballot.BallotOpener;
import dev.charter.platform.roster.RosterCopy;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Casts votes through the REST API with N concurrent clients against a real voting-service (embedded
 * PostgreSQL and Kafka, as in the tests) and prints votes/s and latency percentiles beside a raw PostgreSQL
 * single-row-insert baseline measured in the same run on the same server, with the same number of concurrent
 * clients, and their ratio. Not a test: run it with {@code ./mvnw -B -pl voting-service -am -Pbenchmark
 * -DskipTests verify [-Dbench.clients=8] [-Dbench.votes=4000]} (see README).
 * <p>
 * Every vote is a real change (each client alternates YES, NO and ABSTAIN on each ballot), so each request is
 * a command that loads the ballot from its event stream, checks the rules, appends a VoteCast and is published
 * to Kafka by the outbox processor. Ballots have an electorate larger than twice the clients, so none settles
 * and closes during the run.
 */
public final class VotingBenchmark {

    private static final Duration DEADLINE = Duration.ofHours(2);

    private VotingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int clients = Integer.getInteger("bench.clients", 8);
        int votes = Integer.getInteger("bench.votes", 4000);
        int ballots = Math.max(clients, votes / (3 * clients));
        System.out.printf(Locale.ROOT, "%nVoting benchmark: %d concurrent clients, %d votes over %d ballots%n", clients,
                votes, ballots);

        String database = TestInfrastructure.newDatabase("voting_bench");
        ConfigurableApplicationContext voting = VotingInstances.start(database,
                TestInfrastructure.newTopicPrefix("voting-bench"), Map.of(
                        "logging.level.root", "WARN",
                        "spring.datasource.hikari.maximum-pool-size", Integer.toString(Math.max(10, clients + 4)),
                        "server.tomcat.threads.max", Integer.toString(Math.max(50, clients * 2))));
        try {
            int port = ((WebServerApplicationContext) voting).getWebServer().getPort();
            List<String> voters = seed(voting, clients);
            List<String> ballotIds = openBallots(voting, ballots);
            DevTokenIssuer tokens = voting.getBean(DevTokenIssuer.class);

            List<Callable<long[]>> voteCallers = new ArrayList<>();
            List<Callable<long[]>> insertCallers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                voteCallers.add(voteCaller(port, tokens, voters.get(c), ballotIds, c * ballots / clients));
                insertCallers.add(insertCaller(database));
            }
            // warm-up: JIT, connection pools, the first loads of the ballots (not measured)
            run(voteCallers, Math.min(votes, 600));
            run(insertCallers, Math.min(votes, 600));
            int before = voteEvents(voting);

            Result rest = run(voteCallers, votes);
            int stored = voteEvents(voting) - before;
            Result baseline = run(insertCallers, votes);

            print(clients, votes, stored, rest, baseline);
        } finally {
            voting.close();
        }
        System.exit(0); // the embedded Kafka broker's threads would keep the JVM alive
    }

    /** Core maintainers: one per client, and more who never vote, so no ballot settles during the run. */
    private static List<String> seed(ConfigurableApplicationContext voting, int clients) {
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

    private static List<String> openBallots(ConfigurableApplicationContext voting, int ballots) {
        BallotOpener opener = voting.getBean(BallotOpener.class);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ballots; i++) {
            ids.add(opener.open(new BallotRequest("bench-" + i + "-" + System.nanoTime(), "MOTION", "bench-" + i,
                    "Benchmark motion " + i + "?", BallotBody.CORE_MAINTAINERS, null, List.of(),
                    DecisionMethod.MAJORITY, null, null, null, List.of(), Instant.now().plus(DEADLINE), List.of(),
                    "bench")).opened().ballotId());
        }
        return ids;
    }

    /**
     * One client casting its share of votes over every ballot, starting at its own offset so that the clients do
     * not queue on the same ballot: each call is one PUT, timed.
     */
    private static Callable<long[]> voteCaller(int port, DevTokenIssuer tokens, String voter, List<String> ballots,
                                               int offset) {
        String token = tokens.issue(voter);
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
            return new long[]{took};
        };
    }

    /** The baseline: one client inserting single rows, each its own transaction (autocommit), timed. */
    private static Callable<long[]> insertCaller(String database) throws Exception {
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
            return new long[]{System.nanoTime() - start};
        };
    }

    private record Result(double perSecond, double p50, double p95, double p99, double seconds) {
    }

    /** {@code total} calls spread over one thread per caller; latencies in ms. */
    private static Result run(List<Callable<long[]>> callers, int total) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers.size());
        try {
            AtomicInteger remaining = new AtomicInteger(total);
            long start = System.nanoTime();
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (Callable<long[]> caller : callers) {
                futures.add(pool.submit(() -> {
                    List<Long> latencies = new ArrayList<>();
                    while (remaining.getAndDecrement() > 0) {
                        latencies.add(caller.call()[0]);
                    }
                    return latencies;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> future : futures) {
                all.addAll(future.get());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] sorted = all.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(sorted);
            return new Result(sorted.length / seconds, percentile(sorted, 50), percentile(sorted, 95),
                    percentile(sorted, 99), seconds);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static int voteEvents(ConfigurableApplicationContext voting) {
        return voting.getBean(JdbcClient.class)
                .sql("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%VoteCast'").query(Integer.class)
                .single();
    }

    private static void print(int clients, int votes, int stored, Result rest, Result baseline) {
        System.out.printf(Locale.ROOT, """

                %-44s %10s %9s %9s %9s %8s
                %-44s %10.0f %9.2f %9.2f %9.2f %8.1f
                %-44s %10.0f %9.2f %9.2f %9.2f %8.1f
                %-44s %10.3f %9.1f %9.1f %9.1f
                votes stored as VoteCast events: %d of %d

                """,
                "(" + votes + " calls, " + clients + " concurrent clients)", "ops/s", "p50 ms", "p95 ms", "p99 ms", "secs",
                "votes through REST (PUT .../votes/{voter})", rest.perSecond(), rest.p50(), rest.p95(), rest.p99(),
                rest.seconds(),
                "PostgreSQL single-row INSERT (autocommit)", baseline.perSecond(), baseline.p50(), baseline.p95(),
                baseline.p99(), baseline.seconds(),
                "ratio REST / baseline (throughput, latency)", rest.perSecond() / baseline.perSecond(),
                rest.p50() / baseline.p50(), rest.p95() / baseline.p95(), rest.p99() / baseline.p99(),
                stored, votes);
    }
}
