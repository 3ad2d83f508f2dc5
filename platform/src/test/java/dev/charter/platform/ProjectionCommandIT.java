package dev.charter.platform;

import dev.charter.contracts.registry.RegistryEvent.PersonRegistered;
import dev.charter.platform.axon.AxonPersistenceAutoConfiguration;
import dev.charter.platform.projection.ProjectionCommand;
import dev.charter.platform.testapp.PlatformTestApplication;
import dev.charter.testsupport.TestInfrastructure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The service jar's offline command line rebuilds a read model from the event store, with its progress and time. */
class ProjectionCommandIT {

    @Test
    @DisplayName("projections list, then projections rebuild <name>: the read model is replayed from the event store")
    void rebuildsOffline() throws Exception {
        TestInfrastructure.Postgres pg = TestInfrastructure.postgres();
        String url = TestInfrastructure.newDatabase("offline");
        String[] database = {"--spring.datasource.url=" + url, "--spring.datasource.username=" + pg.username(),
                "--spring.datasource.password=" + pg.password(), "--axon.eventhandling.tokenstore.claim-timeout=3s"};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(run(out, "projections", "list", database[0], database[1], database[2], database[3])).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("member-names", "streaming");

        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url, pg.username(), pg.password()));
        for (int i = 0; i < 3; i++) {
            jdbc.sql("""
                            INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,
                                metadata, payload, payloadrevision, payloadtype, timestamp)
                            VALUES (?, 0, 'Member', ?, ?, ?, '1', ?, ?)""")
                    .params("off" + i, UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                            AxonPersistenceAutoConfiguration.eventObjectMapper().writeValueAsBytes(
                                    new PersonRegistered("off" + i, "Offline " + i, null)),
                            PersonRegistered.class.getName(), Instant.now().toString())
                    .update();
        }
        // an instance that was killed left its claim on the read model: the command waits for it to expire
        jdbc.sql("UPDATE tokenentry SET owner = 'killed-instance', timestamp = ? WHERE processorname = 'member-names'")
                .param(Instant.now().toString()).update();
        out.reset();
        assertThat(run(out, "projections", "rebuild", "member-names", database[0], database[1], database[2],
                database[3])).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Rebuilt member-names: 3 events in", "100%");
        assertThat(jdbc.sql("SELECT count(*) FROM member_name").query(Integer.class).single()).isEqualTo(3);

        out.reset();
        assertThat(run(out, "projections", "rebuild", "nothing-such", database[0], database[1], database[2],
                database[3]))
                .isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("No read model named 'nothing-such'");
    }

    private static int run(ByteArrayOutputStream out, String... args) {
        return ProjectionCommand.run(PlatformTestApplication.class, args, new PrintStream(out, true,
                StandardCharsets.UTF_8));
    }
}
