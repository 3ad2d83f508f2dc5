package dev.charter.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Registry settings ({@code charter.registry.*}).
 *
 * @param coreRepository      the core repository (owner/name) whose directories are DIRECTORY modules
 * @param bootstrapOperators  persons allowed to import a roster into an empty registry; empty means any
 *                            authenticated person, allowed only under the {@code dev} profile (the registry refuses
 *                            to start otherwise)
 * @param ballotDuration      how long the ballots the registry requests stay open at most (a group's settings
 *                            motion, R4; a reinstatement, R14)
 * @param inactivity          R14: the sweep, the grace period and the core maintainers' period
 * @param activity            who may report activity over REST
 * @param github              the GitHub webhook
 */
@ConfigurationProperties("charter.registry")
public record RegistryProperties(String coreRepository, List<String> bootstrapOperators, Duration ballotDuration,
                                 Inactivity inactivity, Activity activity, Github github) {

    public RegistryProperties {
        coreRepository = coreRepository == null ? "example-org/core" : coreRepository;
        bootstrapOperators = bootstrapOperators == null ? new ArrayList<>() : List.copyOf(bootstrapOperators);
        ballotDuration = ballotDuration == null ? Duration.ofDays(7) : ballotDuration;
        inactivity = inactivity == null ? new Inactivity(null, null, null) : inactivity;
        activity = activity == null ? new Activity(null) : activity;
        github = github == null ? new Github(null) : github;
    }

    /**
     * R14.
     *
     * @param sweepInterval   how often the sweep looks for inactive maintainers (a durable recurring task that runs
     *                        once across replicas); default a day
     * @param gracePeriod     between the public notice and the move to emeritus; default 30 days
     * @param corePeriodDays  the core maintainers' project-wide inactivity period in days; default 365
     */
    public record Inactivity(Duration sweepInterval, Duration gracePeriod, Integer corePeriodDays) {
        public Inactivity {
            sweepInterval = sweepInterval == null ? Duration.ofDays(1) : sweepInterval;
            gracePeriod = gracePeriod == null ? Duration.ofDays(30) : gracePeriod;
            corePeriodDays = corePeriodDays == null ? 365 : corePeriodDays;
        }
    }

    /** @param reporters persons (bots) who may report activity over REST; empty means any authenticated person */
    public record Activity(List<String> reporters) {
        public Activity {
            reporters = reporters == null ? new ArrayList<>() : List.copyOf(reporters);
        }
    }

    /** @param webhookSecret the secret GitHub signs its webhook deliveries with; without one, every delivery is refused */
    public record Github(String webhookSecret) {
        @Override
        public String toString() {
            return "Github[webhookSecret=" + (webhookSecret == null || webhookSecret.isBlank() ? "none" : "***") + "]";
        }
    }
}
