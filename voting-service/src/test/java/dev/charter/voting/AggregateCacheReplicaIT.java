package dev.charter.voting;

import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.registry.RegistryEvent.MaintainerAppointed;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.Choice;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.platform.roster.RosterCopy;
import dev.charter.testsupport.TestInfrastructure;
import dev.charter.voting.ballot.BallotCommands.CastVote;
import dev.charter.voting.ballot.BallotOpener;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The aggregate cache (platform's AggregateCache) with two replicas on one event store: a replica's cached ballot is
 * stale once the other replica appended to it. A command decided on the stale state cannot be stored: its event
 * collides with the other replica's on the event store's unique key, the command fails as a concurrent write (409
 * over REST), the stale entry is evicted, and the next command loads the ballot afresh and succeeds.
 */
class AggregateCacheReplicaIT {

    @Test
    @DisplayName("A ballot cached by one replica and changed by another is never written from stale state; the retry succeeds")
    void staleCachedAggregateIsRefusedThenReloaded() {
        String database = TestInfrastructure.newDatabase("voting_cache");
        String topicPrefix = TestInfrastructure.newTopicPrefix("voting-cache");
        try (ConfigurableApplicationContext a = start(database, topicPrefix);
             ConfigurableApplicationContext b = start(database, topicPrefix)) {
            RosterCopy roster = a.getBean(RosterCopy.class);
            for (String core : List.of("ada", "grace", "linus", "ken", "dennis")) {
                roster.on(new MaintainerAppointed(core, Role.CORE_MAINTAINER, null, DecisionRef.bootstrap("test")));
            }
            String ballotId = a.getBean(BallotOpener.class).open(new BallotRequest("cache-" + System.nanoTime(),
                    "MOTION", "cache", "Cache me?", BallotBody.CORE_MAINTAINERS, null, List.of(),
                    DecisionMethod.MAJORITY, null, null, null, List.of(), Instant.now().plus(Duration.ofHours(1)),
                    List.of(), "ada")).opened().ballotId();
            CommandGateway onA = a.getBean(CommandGateway.class);
            CommandGateway onB = b.getBean(CommandGateway.class);

            onA.sendAndWait(vote(ballotId, "grace", Choice.YES)); // replica A now holds the ballot in its cache
            onB.sendAndWait(vote(ballotId, "ada", Choice.NO)); // replica B appends to it

            assertThatThrownBy(() -> onA.sendAndWait(vote(ballotId, "linus", Choice.YES)))
                    .isInstanceOf(ConcurrencyException.class);
            onA.sendAndWait(vote(ballotId, "linus", Choice.YES)); // reloaded from the store

            JdbcClient jdbc = a.getBean(JdbcClient.class);
            List<Long> sequences = jdbc.sql("SELECT sequencenumber FROM domainevententry WHERE aggregateidentifier = ? "
                    + "ORDER BY sequencenumber").param(ballotId).query(Long.class).list();
            assertThat(sequences).containsExactly(0L, 1L, 2L, 3L);
            assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? "
                    + "AND payloadtype LIKE '%VoteCast'").param(ballotId).query(Integer.class).single()).isEqualTo(3);
        }
    }

    private static CastVote vote(String ballotId, String voter, Choice choice) {
        return new CastVote(ballotId, voter, choice, null, null, voter, Instant.now());
    }

    private static ConfigurableApplicationContext start(String database, String topicPrefix) {
        return VotingInstances.start(database, topicPrefix, Map.of());
    }
}
