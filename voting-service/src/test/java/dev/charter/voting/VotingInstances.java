package dev.charter.voting;

import dev.charter.testsupport.ServiceInstances;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Map;

/** Starts a voting-service instance outside the test context cache (a replica, a restart, a benchmark). */
public final class VotingInstances {

    private VotingInstances() {
    }

    /**
     * An instance on the given database and topic prefix of the test servers, on a free port, with the development
     * issuer; {@code extra} adds or overrides settings.
     */
    public static ConfigurableApplicationContext start(String database, String topicPrefix, Map<String, String> extra) {
        return ServiceInstances.start(VotingApplication.class, VotingApplication.CONFIG_NAME, "voting", database,
                topicPrefix, extra);
    }
}
