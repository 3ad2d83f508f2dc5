package dev.charter.dispute;

import dev.charter.platform.axon.AxonPersistenceAutoConfiguration;
import dev.charter.platform.jdbc.Columns;
import dev.charter.testsupport.TestInfrastructure;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fresh database on the test PostgreSQL with the platform's and this service's migrations, for projection tests
 * that call {@code on(event)} and then the query, without a Spring context.
 */
public final class ProjectionDatabase {

    private ProjectionDatabase() {
    }

    public static JdbcClient create() {
        return JdbcClient.create(TestInfrastructure.migratedDatabase("dispute_projection",
                "classpath:db/migration/platform", "classpath:db/migration/roster-copy", "classpath:db/migration/dispute"));
    }

    public static Columns json() {
        return new Columns(AxonPersistenceAutoConfiguration.eventObjectMapper());
    }
}
