package dev.charter.benchmarks;

import dev.charter.testsupport.TestInfrastructure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;

/**
 * Every benchmark of issue 11, in one run, each figure beside its baseline measured in the same run on the same
 * servers (README "Benchmarks"): {@code ./mvnw -B -Pbenchmark -DskipTests verify}. Prints a table and ends with one
 * line {@code BENCHMARK {json}}. PostgreSQL is durable (fsync, synchronous_commit and full_page_writes on). Not a
 * test: never part of the normal build.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty(TestInfrastructure.DURABLE_POSTGRES) == null) {
            System.setProperty(TestInfrastructure.DURABLE_POSTGRES, "true");
        }
        int clients = Integer.getInteger("bench.clients", 8);
        int votes = Integer.getInteger("bench.votes", 4000);
        long events = Long.getLong("bench.events", 1_000_000L);
        Set<String> only = Set.of(System.getProperty("bench.only", "all").split(","));
        Results results = new Results();
        int status = 0;
        try {
            results.put("machine", Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty(
                    "java.vm.name") + " " + System.getProperty("java.version"));
            results.put("load_average_at_start", loadAverage());
            results.put("postgres", postgresSettings());
            results.put("clients", clients);
            if (only.contains("all") || only.contains("voting")) {
                VotingBenchmark.run(clients, votes, results);
            }
            if (only.contains("all") || only.contains("store")) {
                StoreBenchmark.run(events, results);
            }
            if (only.contains("all") || only.contains("startup")) {
                Startup.run(results);
            }
            if (only.contains("archive")) {
                StoreBenchmark.archive(events, results);
            }
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        results.put("load_average_at_end", loadAverage());
        results.print();
        System.exit(status); // the embedded Kafka broker's threads would keep the JVM alive
    }

    private static String postgresSettings() throws Exception {
        TestInfrastructure.Postgres pg = TestInfrastructure.postgres();
        String database = TestInfrastructure.newDatabase("bench_settings");
        StringBuilder settings = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(database, pg.username(), pg.password());
             Statement statement = connection.createStatement()) {
            for (String name : new String[]{"server_version", "fsync", "synchronous_commit", "full_page_writes"}) {
                try (ResultSet row = statement.executeQuery("SHOW " + name)) {
                    row.next();
                    settings.append(settings.isEmpty() ? "" : ", ").append(name).append('=').append(row.getString(1));
                }
            }
        }
        System.out.println("PostgreSQL: " + settings);
        return settings.toString();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
