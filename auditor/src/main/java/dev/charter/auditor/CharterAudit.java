package dev.charter.auditor;

import dev.charter.auditor.events.ArchiveSource;
import dev.charter.auditor.events.ArchiveWriter;
import dev.charter.auditor.events.EventSource;
import dev.charter.auditor.events.KafkaSource;
import dev.charter.auditor.events.Progress;
import dev.charter.auditor.events.SourceException;
import dev.charter.auditor.report.Report;
import dev.charter.auditor.report.ReportPrinter;
import dev.charter.contracts.EventStream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * {@code charter-audit}: replays Charter's governance history from its public streams alone (DESIGN §8). Exit code
 * 0 when clean, 1 when something was found, 2 when it could not run.
 */
@Command(name = "charter-audit", mixinStandardHelpOptions = true, version = "charter-audit 0.1.0",
        description = "Audits Charter's governance history from the public Kafka streams, or an archive of them, "
                + "trusting no service.",
        subcommands = {CharterAudit.Export.class, CharterAudit.Verify.class, CharterAudit.RosterAt.class,
                CharterAudit.Tallies.class, CharterAudit.Decisions.class, CharterAudit.Reconcile.class,
                CharterAudit.All.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:clean: nothing found", "1:something was found", "2:could not run (unreachable broker, "
                + "unreadable archive, bad arguments)"})
public class CharterAudit implements Callable<Integer> {

    public static final int CLEAN = 0;
    public static final int FOUND = 1;
    public static final int CANNOT_RUN = 2;

    @Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the tool as from the command line, with its output on these writers; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine line = new CommandLine(new CharterAudit());
        line.setOut(out);
        line.setErr(err);
        line.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof SourceException) {
                command.getErr().println("charter-audit: cannot run: " + e.getMessage());
                return CANNOT_RUN;
            }
            command.getErr().println("charter-audit: cannot run: " + e);
            return CANNOT_RUN;
        });
        line.setExitCodeExceptionMapper(e -> CANNOT_RUN);
        return line.execute(args);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CANNOT_RUN;
    }

    /** Where the events come from, and how the result is shown. */
    static class Input {
        /** The command this is part of: its errors are printed where that command prints. */
        @Spec(Spec.Target.MIXEE)
        CommandLine.Model.CommandSpec command;

        @Option(names = {"-b", "--bootstrap-servers"}, paramLabel = "HOST:PORT",
                description = "Kafka brokers: read every stream's topic from the beginning (read-only, no group)")
        String bootstrapServers;

        @Option(names = {"-a", "--archive"}, paramLabel = "FILE",
                description = "an archive written by 'charter-audit export' instead of Kafka")
        Path archive;

        @Option(names = "--topic-prefix", paramLabel = "PREFIX", defaultValue = "",
                description = "prefix of the topics (as the services' charter.kafka.topic-prefix)")
        String topicPrefix;

        @Option(names = "--sasl-username", paramLabel = "USER",
                description = "authenticate to the brokers as this user (SASL; Charter's brokers require it), e.g. "
                        + "the read-only charter-auditor")
        String saslUsername;

        @Option(names = "--sasl-password", paramLabel = "PASSWORD", defaultValue = "${env:CHARTER_AUDIT_SASL_PASSWORD}",
                description = "its password (default: the environment variable CHARTER_AUDIT_SASL_PASSWORD)")
        String saslPassword;

        @Option(names = "--sasl-mechanism", paramLabel = "MECHANISM", defaultValue = "SCRAM-SHA-512",
                description = "SCRAM-SHA-512 (default), SCRAM-SHA-256 or PLAIN")
        String saslMechanism;

        @Option(names = "--security-protocol", paramLabel = "PROTOCOL",
                description = "SASL_SSL, SASL_PLAINTEXT (the default with --sasl-username), SSL or PLAINTEXT")
        String securityProtocol;

        @Option(names = "--kafka-config", paramLabel = "FILE",
                description = "a Kafka client properties file (as Kafka's tools take with --command-config: "
                        + "security.protocol, sasl.*, ssl.truststore.*, bootstrap.servers…)")
        Path kafkaConfig;

        @Option(names = {"-X", "--kafka-property"}, paramLabel = "KEY=VALUE",
                description = "one more Kafka client setting; wins over --kafka-config (repeatable)")
        Map<String, String> kafkaProperties = new LinkedHashMap<>();

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT15S",
                description = "how long to wait for the brokers (ISO-8601, default ${DEFAULT-VALUE})")
        Duration timeout;

        @Option(names = "--json", description = "one JSON document on standard output instead of tables")
        boolean json;

        @Option(names = "--no-progress", description = "no progress bar on standard error")
        boolean noProgress;

        EventSource source() {
            Map<String, Object> client = kafkaClient();
            String servers = bootstrapServers != null ? bootstrapServers
                    : (String) client.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
            if ((servers == null) == (archive == null)) {
                throw new CommandLine.ParameterException(command.commandLine(),
                        "Name exactly one source: --bootstrap-servers (or bootstrap.servers in --kafka-config) or "
                                + "--archive");
            }
            return archive != null ? new ArchiveSource(archive) : new KafkaSource(servers, topicPrefix, timeout, client);
        }

        /** The Kafka client settings: the file, then the credentials options, then each --kafka-property. */
        Map<String, Object> kafkaClient() {
            Map<String, Object> client = new LinkedHashMap<>();
            if (kafkaConfig != null) {
                Properties file = new Properties();
                try (var in = java.nio.file.Files.newBufferedReader(kafkaConfig)) {
                    file.load(in);
                } catch (java.io.IOException e) {
                    throw new SourceException("Cannot read the Kafka client settings " + kafkaConfig + ": " + e, e);
                }
                file.stringPropertyNames().forEach(name -> client.put(name, file.getProperty(name).trim()));
            }
            if (saslUsername != null) {
                if (saslPassword == null) {
                    throw new CommandLine.ParameterException(command.commandLine(),
                            "--sasl-username needs --sasl-password (or CHARTER_AUDIT_SASL_PASSWORD)");
                }
                String module = saslMechanism.toUpperCase(java.util.Locale.ROOT).startsWith("SCRAM")
                        ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                        : "org.apache.kafka.common.security.plain.PlainLoginModule";
                client.put(SaslConfigs.SASL_MECHANISM, saslMechanism);
                client.put(SaslConfigs.SASL_JAAS_CONFIG, module + " required username=\"" + jaas(saslUsername)
                        + "\" password=\"" + jaas(saslPassword) + "\";");
                client.putIfAbsent(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
            }
            if (securityProtocol != null) {
                client.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, securityProtocol);
            }
            client.putAll(kafkaProperties);
            return client;
        }

        private static String jaas(String value) {
            return value.replace("\\", "\\\\").replace("\"", "\\\"");
        }

        Progress progress() {
            return new Progress(System.err, !noProgress && !json && System.console() != null);
        }
    }

    /** The live services to reconcile with. */
    static class Services {
        @Option(names = "--registry", paramLabel = "URL", description = "registry-service, e.g. http://localhost:8081")
        String registry;
        @Option(names = "--voting", paramLabel = "URL", description = "voting-service, e.g. http://localhost:8082")
        String voting;
        @Option(names = "--nominations", paramLabel = "URL",
                description = "nomination-service, e.g. http://localhost:8083")
        String nominations;
        @Option(names = "--disputes", paramLabel = "URL", description = "dispute-service")
        String disputes;

        Map<String, String> urls() {
            Map<String, String> urls = new LinkedHashMap<>();
            urls.put(EventStream.REGISTRY.streamName(), registry);
            urls.put(EventStream.VOTING.streamName(), voting);
            urls.put(EventStream.NOMINATIONS.streamName(), nominations);
            urls.put("disputes", disputes);
            urls.values().removeIf(v -> v == null || v.isBlank());
            return urls;
        }
    }

    abstract static class AuditCommand implements Callable<Integer> {
        @Mixin
        Input input;
        @Spec
        CommandLine.Model.CommandSpec spec;

        abstract Audit audit();

        @Override
        public Integer call() {
            EventSource source = input.source();
            Report report = audit().run(spec.name(), source, input.progress());
            ReportPrinter.print(report, input.json, spec.commandLine().getOut());
            return report.clean() ? CLEAN : FOUND;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Writes every stream to an archive (gzip, one CloudEvent per line in JSON, every header kept) "
                    + "that can be audited without the broker.")
    static class Export implements Callable<Integer> {
        @Mixin
        Input input;
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "the archive to write")
        Path output;

        @Override
        public Integer call() {
            EventSource source = input.source();
            long written;
            try (ArchiveWriter writer = new ArchiveWriter(output)) {
                source.readInto(writer, input.progress());
                written = writer.written();
            }
            spec.commandLine().getOut().println(input.json ? "{\"archive\":\"" + output + "\",\"events\":" + written + "}"
                    : "Wrote " + written + " events from " + source.describe() + " to " + output);
            return CLEAN;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verifies each stream's hash chain from the events alone: the first broken link, gaps, "
                    + "reorderings, duplicates, parked events; prints the chain heads computed.")
    static class Verify extends AuditCommand {
        @Override
        Audit audit() {
            return new Audit().verify();
        }
    }

    @Command(name = "roster", mixinStandardHelpOptions = true,
            description = "The roster (lead, core maintainers, modules, maintainers, emeritus) at any moment, rebuilt "
                    + "from the registry stream.")
    static class RosterAt extends AuditCommand {
        @Option(names = "--at", paramLabel = "TIME", description = "an ISO-8601 instant (default: now)")
        String at;

        @Override
        Audit audit() {
            return new Audit().roster(at == null ? null : OffsetDateTime.parse(at).toInstant());
        }
    }

    @Command(name = "tallies", mixinStandardHelpOptions = true,
            description = "Re-counts every closed ballot with the auditor's own counting rules and compares it field "
                    + "by field, every round included, with the published result.")
    static class Tallies extends AuditCommand {
        @Override
        Audit audit() {
            return new Audit().tallies();
        }
    }

    @Command(name = "decisions", mixinStandardHelpOptions = true,
            description = "Checks each decision's chain of effects across streams, its reasoning and its ballot's "
                    + "electorate (R8-R13).")
    static class Decisions extends AuditCommand {
        @Override
        Audit audit() {
            return new Audit().decisions();
        }
    }

    @Command(name = "reconcile", mixinStandardHelpOptions = true,
            description = "Compares the state rebuilt from the streams with the live APIs (roster, ballots, "
                    + "nominations, chain heads) and lists every difference.")
    static class Reconcile extends AuditCommand {
        @Mixin
        Services services;

        @Override
        Audit audit() {
            if (services.urls().isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "Name at least one service: --registry, --voting, --nominations, --disputes");
            }
            return new Audit().reconcile(services.urls());
        }
    }

    @Command(name = "all", mixinStandardHelpOptions = true,
            description = "Every check in one report: verify, roster, tallies, decisions, and reconcile with the "
                    + "services named.")
    static class All extends AuditCommand {
        @Mixin
        Services services;

        @Override
        Audit audit() {
            return new Audit().all(services.urls());
        }
    }
}
