package dev.charter.console.api;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Calls several services at once for one page, so a page waits for its slowest call rather than for all of
 * them in turn. A part of a page that failed is shown as its problem ({@link Part}); the page itself fails
 * only when its main subject cannot be read.
 */
@Component
public class Fetch implements DisposableBean {

    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService executor = Executors.newFixedThreadPool(16, task -> {
        Thread thread = new Thread(task, "console-fetch-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    /** The value, or the problem that kept it from the page. */
    public record Part<T>(T value, ApiProblem problem) {

        public boolean ok() {
            return problem == null;
        }
    }

    public <T> CompletableFuture<T> async(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, executor);
    }

    /** The result; a failed call rethrows its {@link ApiCallException}. */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /** The result as a part of a page: a failed call becomes its problem. */
    public static <T> Part<T> part(CompletableFuture<T> future) {
        try {
            return new Part<>(join(future), null);
        } catch (ApiCallException e) {
            return new Part<>(null, e.problem());
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
