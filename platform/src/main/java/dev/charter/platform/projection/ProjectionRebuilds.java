package dev.charter.platform.projection;

import dev.charter.platform.publish.EventPublisher;
import dev.charter.platform.web.GovernanceException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds a service's read models from its event store (DESIGN §4, replay): the projection's tracking processor is
 * stopped, its tokens reset (its {@code @ResetHandler} empties its tables) and started again, so it replays every
 * event; the progress (position against the store's last event when the rebuild started) and the time it took are
 * kept. The publisher's processor is not a read model and is never offered. A read model updated in the command's
 * transaction (a subscribing processor, e.g. a directory the command handlers check) is always current and is not
 * rebuilt.
 */
public class ProjectionRebuilds implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);

    /**
     * How long a rebuilding processor may make no progress before it is restarted. Axon's tracking processor can, in
     * rare cases, fail to claim its segment again right after a shut-down, reset and start (AxonFramework issue
     * 2848): it then sleeps for ever with its replay token. A restart lets it claim the segment.
     */
    static final Duration STALL = Duration.ofSeconds(15);

    /**
     * How many restarts a stalled rebuild gets before it is reported failed (with what the processor and the token
     * store said), so an operator — or a build — sees an error instead of a rebuild that never ends.
     */
    static final int RESTARTS = 3;

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "charter-projection-rebuilds");
        thread.setDaemon(true);
        return thread;
    });

    public ProjectionRebuilds(EventProcessingConfiguration processing, JdbcClient jdbc, Clock clock) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a read model's processor is doing. */
    public enum State {
        UP_TO_DATE, REBUILDING, REBUILT, FAILED, RUNNING
    }

    /** A read model and its last rebuild. */
    public record Status(String name, boolean streaming, State state, Long position, Long target, Double progress,
                         Instant startedAt, Instant finishedAt, Duration elapsed, Long events, String error) {
    }

    private static final class Rebuild {
        final Instant startedAt;
        final long from;
        final long target;
        volatile Instant finishedAt;
        volatile String error;
        long lastPosition = Long.MIN_VALUE;
        Instant lastProgressAt;
        int restarts;

        Rebuild(Instant startedAt, long from, long target) {
            this.startedAt = startedAt;
            this.from = from;
            this.target = target;
            this.lastProgressAt = startedAt;
        }
    }

    public List<Status> list() {
        Map<String, Status> all = new TreeMap<>();
        processors().forEach((name, processor) -> all.put(name, status(name, processor)));
        return List.copyOf(all.values());
    }

    public Status status(String name) {
        return status(name, processor(name));
    }

    /** Whether the read model is being rebuilt (its reads are not complete). */
    public boolean rebuilding(String name) {
        Rebuild rebuild = rebuilds.get(name);
        return rebuild != null && rebuild.finishedAt == null && rebuild.error == null;
    }

    /** Starts rebuilding the read model; answers at once. */
    public synchronized Status rebuild(String name) {
        EventProcessor processor = processor(name);
        if (!(processor instanceof StreamingEventProcessor streaming) || !streaming.supportsReset()) {
            throw new GovernanceException.Conflict("projection-not-rebuildable", "Read model " + name
                    + " is updated in the command's transaction, so it is always current; it is not rebuilt.");
        }
        if (rebuilding(name)) {
            throw new GovernanceException.Conflict("projection-rebuilding", "Read model " + name
                    + " is being rebuilt already.");
        }
        long target = jdbc.sql("SELECT coalesce(max(globalindex), -1) FROM domainevententry").query(Long.class).single();
        long from = jdbc.sql("SELECT coalesce(min(globalindex), 0) FROM domainevententry").query(Long.class).single();
        streaming.shutDown();
        try {
            streaming.resetTokens();
        } catch (UnableToClaimTokenException e) {
            streaming.start();
            throw new GovernanceException.Conflict("projection-claimed-elsewhere", "Another instance of the service "
                    + "holds read model " + name + "; rebuild it there, or stop that instance first.");
        }
        Rebuild rebuild = new Rebuild(clock.instant(), from, target);
        rebuilds.put(name, rebuild);
        log.info("Rebuilding read model {} from the event store ({} events up to global index {})", name,
                target - from + 1, target);
        streaming.start();
        watch(name, streaming, rebuild);
        return status(name, streaming);
    }

    private void watch(String name, StreamingEventProcessor processor, Rebuild rebuild) {
        watcher.schedule(() -> {
            try {
                Optional<String> error = processor.processingStatus().values().stream()
                        .filter(EventTrackerStatus::isErrorState)
                        .map(s -> String.valueOf(s.getError())).findFirst();
                if (error.isPresent()) {
                    rebuild.error = error.get();
                    log.error("Rebuilding read model {} failed: {}", name, rebuild.error);
                    return;
                }
                if (done(processor, rebuild)) {
                    rebuild.finishedAt = clock.instant();
                    log.info("Read model {} rebuilt: {} events in {} ms", name, rebuild.target - rebuild.from + 1,
                            Duration.between(rebuild.startedAt, rebuild.finishedAt).toMillis());
                    return;
                }
                restartIfStalled(name, processor, rebuild);
                if (rebuild.error == null) {
                    watch(name, processor, rebuild);
                }
            } catch (RuntimeException e) {
                rebuild.error = e.toString();
                log.error("Rebuilding read model {} failed", name, e);
            }
        }, 20, TimeUnit.MILLISECONDS);
    }

    private void restartIfStalled(String name, StreamingEventProcessor processor, Rebuild rebuild) {
        Instant now = clock.instant();
        long position = position(processor).orElse(Long.MIN_VALUE);
        if (position != rebuild.lastPosition) {
            rebuild.lastPosition = position;
            rebuild.lastProgressAt = now;
            return;
        }
        if (Duration.between(rebuild.lastProgressAt, now).compareTo(STALL) > 0) {
            String where = "position " + (position == Long.MIN_VALUE ? "none" : position) + ", target "
                    + rebuild.target + ", segments " + processor.processingStatus() + ", claims " + claims(name);
            if (rebuild.restarts == RESTARTS) {
                processor.shutDown();
                rebuild.error = "no progress for " + STALL.multipliedBy(RESTARTS + 1L).toSeconds() + " s, "
                        + RESTARTS + " restarts of its processor did not help (" + where + ")";
                log.error("Rebuilding read model {} failed: {}", name, rebuild.error);
                return;
            }
            rebuild.restarts++;
            log.warn("Read model {} made no progress for {} s while rebuilding ({}): restarting its processor ({} of "
                    + "{})", name, STALL.toSeconds(), where, rebuild.restarts, RESTARTS);
            processor.shutDown();
            processor.start();
            rebuild.lastProgressAt = clock.instant();
        }
    }

    /** Who holds the read model's segments in the token store, and since when: what a stalled rebuild waits on. */
    private List<String> claims(String name) {
        return jdbc.sql("SELECT segment, owner, timestamp FROM tokenentry WHERE processorname = ? ORDER BY segment")
                .param(name)
                .query((rs, row) -> rs.getInt(1) + ":" + rs.getString(2) + "@" + rs.getString(3)).list();
    }

    /**
     * Done once the read model applied the store's last event of when the rebuild started (Axon keeps calling it a
     * replay until a newer event arrives, so its replay flag is not the signal).
     */
    private static boolean done(StreamingEventProcessor processor, Rebuild rebuild) {
        if (processor.processingStatus().isEmpty()) {
            return false;
        }
        return rebuild.target < 0 || position(processor).orElse(-1) >= rebuild.target;
    }

    private static OptionalLong position(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream().map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).max();
    }

    private Status status(String name, EventProcessor processor) {
        Rebuild rebuild = rebuilds.get(name);
        boolean streaming = processor instanceof StreamingEventProcessor;
        Long position = streaming ? boxed(position((StreamingEventProcessor) processor)) : null;
        if (rebuild == null) {
            return new Status(name, streaming, streaming ? State.UP_TO_DATE : State.RUNNING, position, null, null,
                    null, null, null, null, null);
        }
        Instant end = rebuild.finishedAt != null ? rebuild.finishedAt : clock.instant();
        State state = rebuild.error != null ? State.FAILED : rebuild.finishedAt != null ? State.REBUILT
                : State.REBUILDING;
        long span = Math.max(1, rebuild.target - rebuild.from + 1);
        double progress = rebuild.finishedAt != null ? 1.0 : position == null ? 0.0
                : Math.max(0, Math.min(1.0, (double) (position - rebuild.from + 1) / span));
        return new Status(name, streaming, state, position, rebuild.target, progress, rebuild.startedAt,
                rebuild.finishedAt, Duration.between(rebuild.startedAt, end), rebuild.target - rebuild.from + 1,
                rebuild.error);
    }

    private Map<String, EventProcessor> processors() {
        Map<String, EventProcessor> all = new TreeMap<>(processing.eventProcessors());
        all.remove(EventPublisher.PROCESSING_GROUP);
        return all;
    }

    private EventProcessor processor(String name) {
        EventProcessor processor = processors().get(name);
        if (processor == null) {
            throw new GovernanceException.NotFound("no-such-projection", "No read model named '" + name
                    + "' in this service; see GET /api/v1/admin/projections.");
        }
        return processor;
    }

    /**
     * Offline use (the command line): waits, at most {@code max}, until every running streaming processor has claimed
     * its segments, so it is not shut down while its launcher is still claiming them (a shut-down racing the launcher
     * can leave the processor unable to start again — AxonFramework issue 2293). A processor whose segments another
     * instance holds never claims them; the wait ends at {@code max} then.
     */
    public void awaitSettled(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        for (EventProcessor processor : processing.eventProcessors().values()) {
            while (processor instanceof StreamingEventProcessor streaming && streaming.isRunning()
                    && streaming.processingStatus().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20); // an operator's command waiting for a processor's launcher, not a test
            }
        }
    }

    /** Offline use (the command line): stops every processor but the one named. */
    public void stopAllBut(String name) {
        processing.eventProcessors().forEach((other, processor) -> {
            if (!other.equals(name)) {
                processor.shutDown();
            }
        });
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }

    @Override
    public void destroy() {
        watcher.shutdownNow();
    }
}
