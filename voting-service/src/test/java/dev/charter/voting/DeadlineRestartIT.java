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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The closing deadline is durable (db-scheduler's table in the service's database): scheduled by one instance,
 * it survives that instance's stop and fires in the instances that run later; with two replicas running, the
 * ballot still closes exactly once.
 */
class DeadlineRestartIT {

    @Test
    @DisplayName("R4: a ballot's deadline survives a restart, and with two replicas running the ballot closes exactly once")
    void deadlineSurvivesRestartAndClosesOnce() {
        String database = TestInfrastructure.newDatabase("voting_restart");
        String topicPrefix = TestInfrastructure.newTopicPrefix("voting-restart");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        BallotRequest request = new BallotRequest("restart-" + deadline.toEpochMilli(), "MOTION", "restart",
                "Close me after a restart?", BallotBody.CORE_MAINTAINERS, null, List.of(), DecisionMethod.MAJORITY, null,
                null, null, List.of(), deadline, List.of(), "grace");
        String ballotId;
        try (ConfigurableApplicationContext only = start(database, topicPrefix)) {
            RosterCopy roster = only.getBean(RosterCopy.class);
            for (String core : List.of("ada", "grace", "linus")) {
                roster.on(new MaintainerAppointed(core, Role.CORE_MAINTAINER, null, DecisionRef.bootstrap("test")));
            }
            ballotId = only.getBean(BallotOpener.class).open(request).opened().ballotId();
            only.getBean(CommandGateway.class).sendAndWait(new CastVote(ballotId, "grace", Choice.YES, null, null,
                    "grace", Instant.now()));
            assertThat(scheduledDeadlines(only)).isEqualTo(1);
        }
        JdbcClient jdbc = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(database,
                TestInfrastructure.postgres().username(), TestInfrastructure.postgres().password()));
        assertThat(closings(jdbc, ballotId)).as("closed before its deadline").isZero();

        try (ConfigurableApplicationContext replicaA = start(database, topicPrefix);
             ConfigurableApplicationContext replicaB = start(database, topicPrefix)) {
            await().atMost(Duration.ofSeconds(90)).until(() -> closings(jdbc, ballotId) == 1
                    && scheduledDeadlines(replicaA) == 0);
            // both replicas poll the same table: the task ran once, so one closing is stored, never two
            assertThat(closings(jdbc, ballotId)).isEqualTo(1);
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?
                            AND payloadtype LIKE '%BallotClosed' AND convert_from(payload, 'UTF8') LIKE '%"DEADLINE"%'""")
                    .param(ballotId).query(Integer.class).single()).isEqualTo(1);
            assertThat(replicaB.isActive()).isTrue();
        }
    }

    private static int closings(JdbcClient jdbc, String ballotId) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE '%BallotClosed'")
                .param(ballotId).query(Integer.class).single();
    }

    private static int scheduledDeadlines(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class).sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'AxonDeadline'").query(Integer.class).single();
    }

    private static ConfigurableApplicationContext start(String database, String topicPrefix) {
        return VotingInstances.start(database, topicPrefix, Map.of());
    }
}
