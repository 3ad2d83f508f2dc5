package dev.charter.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs timed calls over concurrent clients and summarises their latencies. */
final class Load {

    private Load() {
    }

    /** Throughput (calls/s over the whole run) and latency percentiles in ms. */
    record Result(double perSecond, double p50, double p95, double p99, double seconds, int calls) {
    }

    /** {@code total} calls spread over one thread per caller; each call returns its own latency in nanoseconds. */
    static Result run(List<Callable<Long>> callers, int total) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers.size());
        try {
            AtomicInteger remaining = new AtomicInteger(total);
            long start = System.nanoTime();
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (Callable<Long> caller : callers) {
                futures.add(pool.submit(() -> {
                    List<Long> latencies = new ArrayList<>();
                    while (remaining.getAndDecrement() > 0) {
                        latencies.add(caller.call());
                    }
                    return latencies;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> future : futures) {
                all.addAll(future.get());
            }
            return summary(all, (System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    static Result summary(List<Long> latencies, double seconds) {
        long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Result(sorted.length / seconds, percentile(sorted, 50), percentile(sorted, 95),
                percentile(sorted, 99), seconds, sorted.length);
    }

    static double percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
