package dev.charter.registry.inactivity;

import dev.charter.client.registry.model.ActivityBatch;
import dev.charter.client.registry.model.ActivityItem;
import dev.charter.client.registry.model.ActivityKind;
import dev.charter.client.registry.model.InactivityNotice;
import dev.charter.client.registry.model.RosterMember;
import dev.charter.platform.security.DevTokenIssuer;
import dev.charter.registry.RegistryApplication;
import dev.charter.registry.RegistryClients;
import dev.charter.testsupport.ServiceInstances;
import dev.charter.testsupport.TestInfrastructure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * R14: the sweep on a real PostgreSQL, as a durable recurring task (db-scheduler, every second here), with the
 * services' clock injected: an imported maintainer whose tenure started long ago gets one notice, keeps it across a
 * restart, and — with two replicas sweeping and the clock past the grace period — moves to emeritus once. Activity
 * withdraws a notice at once.
 */
class InactivitySweepIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The services' clock: real time, moved on by the test. */
    static final MovableClock CLOCK = new MovableClock();

    private static final String ROSTER = """
            lead: ada
            coreMaintainers: [ada]
            persons:
              - {id: ada, name: Ada}
              - {id: alan, name: Alan Quiet}
              - {id: carol, name: Carol Busy}
              - {id: bob, name: Bob New}
            modules:
              - id: legacy
                name: Legacy
                kind: DIRECTORY
                location: torch/legacy
                inactivityPeriodDays: 30
                maintainers: [alan, carol, bob]
                appointedOn: {alan: 2020-01-01, carol: 2020-01-01}
            """;

    @Test
    @DisplayName("R14: one notice for an inactive maintainer across a restart, activity withdraws another's, and with two replicas after the grace period one move to emeritus")
    void sweepAcrossRestartAndReplicas() throws Exception {
        String database = TestInfrastructure.newDatabase("registry_sweep");
        String prefix = TestInfrastructure.newTopicPrefix("sweep");
        Path keyFile = Files.createTempDirectory("sweep").resolve("dev-issuer.jwk");
        Map<String, String> settings = Map.of(
                "charter.registry.inactivity.sweep-interval", "PT1S",
                "charter.registry.inactivity.grace-period", "P30D",
                "charter.security.dev-issuer.key-file", keyFile.toString(),
                "charter.registry.bootstrap-operators", "ada");

        try (ConfigurableApplicationContext first = start(database, prefix, settings)) {
            clients(first, "ada").bootstrap().importRoster(ROSTER, null);
            RegistryClients anyone = clients(first, null);
            await().atMost(WAIT).until(() -> notices(anyone, "alan").size() == 1 && notices(anyone, "carol").size() == 1);
            assertThat(notices(anyone, "bob")).isEmpty(); // appointed now: not inactive
            assertThat(notices(anyone, "alan").get(0).getInactiveSince().toInstant())
                    .isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));

            // R14: activity withdraws the notice at once
            clients(first, "ada").activity().reportActivity(new ActivityBatch().items(List.of(new ActivityItem()
                    .personId("carol").moduleId("legacy").kind(ActivityKind.PULL_REQUEST_MERGED)
                    .occurredAt(CLOCK.instant().atOffset(ZoneOffset.UTC)).url("https://github.com/o/core/pull/9"))),
                    null);
            assertThat(notices(anyone, "carol")).isEmpty();
        }

        Instant restarted = Instant.now();
        try (ConfigurableApplicationContext second = start(database, prefix, settings)) {
            JdbcClient jdbc = JdbcClient.create(second.getBean(DataSource.class));
            await().atMost(WAIT).until(() -> lastSweep(jdbc).isAfter(restarted));
            RegistryClients anyone = clients(second, null);
            assertThat(notices(anyone, "alan")).hasSize(1);
            assertThat(notices(anyone, "carol")).isEmpty();
            assertThat(events(jdbc, "InactivityNoticeIssued", "alan")).isEqualTo(1);

            try (ConfigurableApplicationContext replica = start(database, prefix, settings)) {
                CLOCK.advance(Duration.ofDays(31));
                await().atMost(WAIT).until(() -> emeritus(anyone).contains("alan"));
                Instant moved = Instant.now();
                await().atMost(WAIT).until(() -> lastSweep(jdbc).isAfter(moved.plusSeconds(1)));
                assertThat(events(jdbc, "InactivityNoticeIssued", "alan")).isEqualTo(1);
                assertThat(events(jdbc, "MovedToEmeritus", "alan")).isEqualTo(1);
                assertThat(emeritus(anyone)).doesNotContain("carol", "bob");
                assertThat(clients(replica, null).modules().getModule("legacy", null).getMaintainers())
                        .extracting(RosterMember::getPersonId).containsExactlyInAnyOrder("carol", "bob");
                assertThat(clients(replica, null).files().getCodeowners(null, null)).doesNotContain("@alan");
            }
        } finally {
            CLOCK.reset();
        }
    }

    private static List<InactivityNotice> notices(RegistryClients clients, String personId) throws Exception {
        return clients.activity().getPersonActivity(personId).getNotices();
    }

    private static List<String> emeritus(RegistryClients clients) throws Exception {
        return clients.modules().getModule("legacy", null).getEmeritus().stream().map(RosterMember::getPersonId)
                .toList();
    }

    private static Instant lastSweep(JdbcClient jdbc) {
        return jdbc.sql("SELECT last_success FROM scheduled_tasks WHERE task_name = ?")
                .param(InactivityConfiguration.TASK)
                .query((rs, n) -> rs.getTimestamp(1) == null ? Instant.EPOCH : rs.getTimestamp(1).toInstant())
                .optional().orElse(Instant.EPOCH);
    }

    private static int events(JdbcClient jdbc, String type, String personId) {
        return jdbc.sql("""
                        SELECT count(*) FROM domainevententry
                        WHERE payloadtype LIKE ? AND convert_from(payload, 'UTF8') LIKE ?""")
                .params("%$" + type, "%\"personId\":\"" + personId + "\"%")
                .query(Integer.class).single();
    }

    private static ConfigurableApplicationContext start(String database, String prefix, Map<String, String> settings) {
        return ServiceInstances.start(RegistryApplication.class, RegistryApplication.CONFIG_NAME, "registry", database,
                prefix, settings, TestClock.class);
    }

    private static RegistryClients clients(ConfigurableApplicationContext context, String person) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return RegistryClients.as("http://localhost:" + port, context.getBean(DevTokenIssuer.class), person);
    }

    /** The services' clock is the test's. */
    @Configuration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    /** Real time plus an offset the test moves on. */
    static final class MovableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void advance(Duration by) {
            offset = offset.plus(by);
        }

        void reset() {
            offset = Duration.ZERO;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}
