package dev.charter.platform.projection;

import dev.charter.platform.web.GovernanceException;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The service's command line for operators: {@code java -jar <service>-exec.jar projections list} and
 * {@code ... projections rebuild <name>}. It starts the service offline — no web server, no publication, no
 * consumption, no deadlines — against the service's database (the usual settings: {@code --spring.datasource.url=…}
 * or the environment), stops every other processor, resets the read model's tokens and replays the event store into
 * it, with a progress bar and the time it took. A running instance holding that read model makes it stop with a
 * clear message (use its {@code POST /api/v1/admin/projections/{name}/rebuild} then), once a claim it holds has had
 * the claim timeout to expire (a stopped instance's stale claim does). Exit codes: 0 done, 1 the
 * rebuild failed, 2 it could not run.
 */
public final class ProjectionCommand {

    static final List<String> OFFLINE = List.of(
            "--spring.main.web-application-type=none",
            "--spring.main.banner-mode=off",
            "--charter.publisher.enabled=false",
            "--charter.consumer.enabled=false",
            // deadlines stay registered (handlers need the deadline manager) but are not polled: the service fires them
            "--db-scheduler.polling-interval=PT24H",
            "--db-scheduler.immediate-execution-enabled=false",
            "--logging.level.root=WARN",
            "--logging.level.dev.charter.platform.projection=INFO");

    /** How long the command lets the service's processors claim their segments before it stops them. */
    static final Duration SETTLE = Duration.ofSeconds(10);

    static final String CLAIM_TIMEOUT = "axon.eventhandling.tokenstore.claim-timeout";
    static final String CLAIMED_ELSEWHERE = "projection-claimed-elsewhere";

    private ProjectionCommand() {
    }

    /** Whether the arguments ask for this command line rather than the service. */
    public static boolean asked(String... args) {
        return args.length > 0 && "projections".equals(args[0]);
    }

    public static int run(Class<?> application, String[] serviceArgs, PrintStream out) {
        List<String> words = new ArrayList<>();
        List<String> settings = new ArrayList<>(OFFLINE);
        for (String arg : serviceArgs) {
            (arg.startsWith("--") ? settings : words).add(arg);
        }
        words.remove("projections");
        boolean list = words.size() == 1 && "list".equals(words.get(0));
        boolean rebuild = words.size() == 2 && "rebuild".equals(words.get(0));
        if (!list && !rebuild) {
            out.println("usage: projections list | projections rebuild <name>   [--spring.datasource.url=... ...]");
            return 2;
        }
        ConfigurableApplicationContext context;
        try {
            context = SpringApplication.run(application, settings.toArray(String[]::new));
        } catch (RuntimeException e) {
            out.println("projections: cannot start the service offline: " + e.getMessage());
            return 2;
        }
        try (context) {
            ProjectionRebuilds rebuilds = context.getBean(ProjectionRebuilds.class);
            rebuilds.awaitSettled(SETTLE);
            if (list) {
                out.printf("%-24s %-12s %s%n", "read model", "mode", "position");
                rebuilds.list().forEach(s -> out.printf("%-24s %-12s %s%n", s.name(),
                        s.streaming() ? "streaming" : "subscribing", s.position() == null ? "" : s.position()));
                return 0;
            }
            String name = words.get(1);
            rebuilds.stopAllBut(name);
            ProjectionRebuilds.Status status = startRebuild(rebuilds, name, context.getEnvironment().getProperty(
                    CLAIM_TIMEOUT, Duration.class, Duration.ofSeconds(10)), out);
            while (status.state() == ProjectionRebuilds.State.REBUILDING) {
                out.print("\r" + bar(status));
                out.flush();
                Thread.sleep(250); // a terminal's progress bar, not a test: redraw four times a second
                status = rebuilds.status(name);
            }
            out.println("\r" + bar(status));
            if (status.state() == ProjectionRebuilds.State.FAILED) {
                out.println("Rebuilding " + name + " failed: " + status.error());
                return 1;
            }
            out.printf("Rebuilt %s: %,d events in %s%n", name, status.events(), human(status.elapsed()));
            return 0;
        } catch (GovernanceException e) {
            out.println("projections: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    /**
     * Starts the rebuild. The read model's token may still be claimed by an instance that stopped without releasing it
     * (killed, or an earlier command closed while its processor was starting; every instance has a node id of its
     * own): such a claim expires after the claim timeout, as for any replica, so the command waits that long before
     * it concludes that a running instance holds the read model.
     */
    static ProjectionRebuilds.Status startRebuild(ProjectionRebuilds rebuilds, String name, Duration claimTimeout,
                                                  PrintStream out) throws InterruptedException {
        long deadline = System.nanoTime() + claimTimeout.plusSeconds(5).toNanos();
        boolean told = false;
        while (true) {
            try {
                return rebuilds.rebuild(name);
            } catch (GovernanceException e) {
                if (!CLAIMED_ELSEWHERE.equals(e.code()) || System.nanoTime() > deadline) {
                    throw e;
                }
                if (!told) {
                    out.printf("%s is claimed by another instance; waiting up to %d s for a stale claim to expire%n",
                            name, claimTimeout.plusSeconds(5).toSeconds());
                    told = true;
                }
                Thread.sleep(1000); // an operator's command waiting for a claim to expire, not a test
            }
        }
    }

    static String bar(ProjectionRebuilds.Status status) {
        double progress = status.progress() == null ? 0 : status.progress();
        int filled = (int) Math.round(30 * progress);
        return String.format("%s [%s%s] %3d%%  %s", status.name(), "#".repeat(filled), " ".repeat(30 - filled),
                Math.round(100 * progress), human(status.elapsed()));
    }

    static String human(Duration elapsed) {
        return elapsed == null ? "" : String.format("%d.%03d s", elapsed.toSeconds(), elapsed.toMillisPart());
    }
}
