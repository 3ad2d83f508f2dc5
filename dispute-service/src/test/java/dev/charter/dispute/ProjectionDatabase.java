package dev.charter.dispute;

import dev.charter.platform.axon.AxonPersistenceAutoConfiguration;
import dev.charter.testsupport.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh database on the test PostgreSQL with the platform's and this service's migrations, for projection tests
 * that call {@code on(event)} and then the query, without a Spring context.
 */
public final class ProjectionDatabase {

    private ProjectionDatabase() {
    }

    public static JdbcClient create() {
        TestInfrastructure.Postgres postgres = TestInfrastructure.postgres();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                TestInfrastructure.newDatabase("dispute_projection"), postgres.username(), postgres.password());
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/platform", "classpath:db/migration/dispute")
                .load().migrate();
        return JdbcClient.create(dataSource);
    }

    public static JsonColumns json() {
        return new JsonColumns(AxonPersistenceAutoConfiguration.eventObjectMapper());
    }
}
