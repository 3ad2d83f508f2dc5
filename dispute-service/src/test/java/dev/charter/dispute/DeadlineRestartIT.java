package dev.charter.dispute;

import dev.charter.dispute.dispute.DisputeCommands.OpenDispute;
import dev.charter.testsupport.ServiceInstances;
import dev.charter.testsupport.TestInfrastructure;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.charter.dispute.Fixtures.MOTION;
import static dev.charter.dispute.Fixtures.maintainerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The response window is a durable deadline (db-scheduler's table in the service's database): scheduled by one
 * instance, it fires in the instance that runs after a restart, and the dispute escalates once, as the service.
 */
class DeadlineRestartIT {

    @Test
    @DisplayName("R5: a dispute nobody answered escalates by itself when its response window ends, after a restart, once")
    void escalatesAfterRestart() {
        String database = TestInfrastructure.newDatabase("dispute_restart");
        String topicPrefix = TestInfrastructure.newTopicPrefix("dispute-restart");
        Map<String, String> settings = Map.of("charter.dispute.response-window", "PT12S");
        try (ConfigurableApplicationContext first = start(database, topicPrefix, settings)) {
            first.getBean(CommandGateway.class).sendAndWait(new OpenDispute("d-restart", MOTION,
                    maintainerOf("vera", "vision"), null, "It breaks our loaders.", List.of(), Instant.now(),
                    "rules-test"));
            assertThat(scheduledDeadlines(first.getBean(JdbcClient.class))).isEqualTo(1);
        }
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(database,
                TestInfrastructure.postgres().username(), TestInfrastructure.postgres().password()));
        assertThat(escalations(jdbc)).as("escalated before its deadline").isZero();

        try (ConfigurableApplicationContext second = start(database, topicPrefix, settings)) {
            await().atMost(Duration.ofSeconds(90)).until(() -> escalations(jdbc) == 1 && scheduledDeadlines(jdbc) == 0);
            assertThat(jdbc.sql("""
                            SELECT convert_from(payload, 'UTF8') FROM domainevententry
                            WHERE aggregateidentifier = 'd-restart' AND payloadtype LIKE '%DisputeEscalated'""")
                    .query(String.class).single()).contains("\"automatic\":true", "\"escalatedBy\":\"system:dispute\"");
            assertThat(jdbc.sql("""
                            SELECT convert_from(metadata, 'UTF8') FROM domainevententry
                            WHERE aggregateidentifier = 'd-restart' AND payloadtype LIKE '%DisputeEscalated'""")
                    .query(String.class).single()).contains("system:dispute");
            assertThat(second.isActive()).isTrue();
        }
    }

    private static int escalations(JdbcClient jdbc) {
        return jdbc.sql("""
                        SELECT count(*) FROM domainevententry
                        WHERE aggregateidentifier = 'd-restart' AND payloadtype LIKE '%DisputeEscalated'""")
                .query(Integer.class).single();
    }

    private static int scheduledDeadlines(JdbcClient jdbc) {
        // the response windows only (the platform schedules its own recurring tasks in the same table)
        return jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'AxonDeadline'").query(Integer.class)
                .single();
    }

    private static ConfigurableApplicationContext start(String database, String topicPrefix,
                                                        Map<String, String> settings) {
        return ServiceInstances.start(DisputeApplication.class, DisputeApplication.CONFIG_NAME, "dispute", database,
                topicPrefix, settings);
    }
}
