package dev.charter.benchmarks;

import dev.charter.dispute.DisputeApplication;
import dev.charter.nomination.NominationApplication;
import dev.charter.registry.RegistryApplication;
import dev.charter.testsupport.ServiceInstances;
import dev.charter.testsupport.TestInfrastructure;
import dev.charter.voting.VotingApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * P6: each service started in a JVM of its own (same JVM options, same class path) on the benchmark's PostgreSQL
 * and Kafka, beside the bare web application ({@link BareWebApp}): the time from the JVM's start to a ready
 * context, and the heap in use after start (after a full collection).
 */
final class Startup {

    private static final String MARK = "CHARTER-STARTUP ";

    private Startup() {
    }

    /** In the child JVM: starts {@code args[0]} with the remaining arguments, prints the figures, exits. */
    public static void main(String[] args) throws Exception {
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Class.forName(args[0]))
                .registerShutdownHook(false).run(rest);
        long startupMs = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.println(MARK + startupMs + " " + heap);
        System.out.flush();
        context.close();
        System.exit(0);
    }

    record Figures(long startupMs, long heapBytes) {
    }

    static void run(Results results) throws Exception {
        System.out.printf("%nP6: start-up time and heap after start, each service in its own JVM%n");
        Figures bare = best(BareWebApp.class, Map.of("server.port", "0", "spring.main.banner-mode", "off"));
        Map<String, Figures> services = new LinkedHashMap<>();
        services.put("registry", service(RegistryApplication.class, RegistryApplication.CONFIG_NAME, "registry",
                Map.of("charter.registry.bootstrap-operators", "bench-operator")));
        services.put("voting", service(VotingApplication.class, VotingApplication.CONFIG_NAME, "voting", Map.of()));
        services.put("nomination", service(NominationApplication.class, NominationApplication.CONFIG_NAME,
                "nomination", Map.of()));
        services.put("dispute", service(DisputeApplication.class, DisputeApplication.CONFIG_NAME, "dispute", Map.of()));
        double worstStartup = 0;
        double worstHeap = 0;
        for (Map.Entry<String, Figures> service : services.entrySet()) {
            Figures f = service.getValue();
            double startup = (double) f.startupMs() / bare.startupMs();
            double heap = (double) f.heapBytes() / bare.heapBytes();
            worstStartup = Math.max(worstStartup, startup);
            worstHeap = Math.max(worstHeap, heap);
            results.put("p6_" + service.getKey() + "_startup_ms", f.startupMs());
            results.put("p6_" + service.getKey() + "_heap_mb", f.heapBytes() / 1e6);
            results.row("P6 " + service.getKey() + " start-up", f.startupMs(), "ms", "bare Spring Boot web app",
                    bare.startupMs(), startup);
            results.row("P6 " + service.getKey() + " heap after start", f.heapBytes() / 1e6, "MB",
                    "bare Spring Boot web app", bare.heapBytes() / 1e6, heap);
        }
        results.put("p6_bare_startup_ms", bare.startupMs());
        results.put("p6_bare_heap_mb", bare.heapBytes() / 1e6);
        results.put("p6_startup_ratio", worstStartup);
        results.put("p6_heap_ratio", worstHeap);
    }

    private static Figures service(Class<?> application, String configName, String service,
                                   Map<String, String> extra) throws Exception {
        Map<String, String> settings = new LinkedHashMap<>(ServiceInstances.settings(configName, service,
                TestInfrastructure.newDatabase("startup_" + service), TestInfrastructure.newTopicPrefix("startup"),
                Map.of("logging.level.root", "WARN")));
        settings.putAll(extra);
        return best(application, settings);
    }

    /** The better of two starts (the first also warms the disk cache). */
    private static Figures best(Class<?> application, Map<String, String> settings) throws Exception {
        Figures first = child(application, settings);
        Figures second = child(application, settings);
        return new Figures(Math.min(first.startupMs(), second.startupMs()),
                Math.min(first.heapBytes(), second.heapBytes()));
    }

    private static Figures child(Class<?> application, Map<String, String> settings) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Daxoniq.update-checker.disabled=true", "-cp", System.getProperty("java.class.path"),
                Startup.class.getName(), application.getName()));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Figures figures = null;
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith(MARK)) {
                    String[] parts = line.substring(MARK.length()).trim().split(" ");
                    figures = new Figures(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
                } else if (output.length() < 20_000) {
                    output.append(line).append('\n');
                }
            }
        }
        process.waitFor();
        if (figures == null) {
            throw new IllegalStateException(application.getSimpleName() + " did not start:\n" + output);
        }
        System.out.printf(Locale.ROOT, "  %s: %d ms, %.1f MB%n", application.getSimpleName(), figures.startupMs(),
                figures.heapBytes() / 1e6);
        return figures;
    }
}
