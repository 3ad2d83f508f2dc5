package dev.charter.platform.roster;

import org.flywaydb.core.api.Location;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The roster copy of the services that need one ({@code charter.roster-copy.enabled=true}): its tables, the
 * {@link RosterCopy} that fills them from the registry's stream, and the {@link RosterReader} that answers from them.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "charter.roster-copy", name = "enabled", havingValue = "true")
public class RosterCopyAutoConfiguration {

    static final String MIGRATIONS = "classpath:db/migration/roster-copy";

    @Bean
    public RosterCopy rosterCopy(DataSource dataSource) {
        return new RosterCopy(JdbcClient.create(dataSource));
    }

    /** A person has standing while the copy shows them a seat in some body (a maintainer, the lead). */
    @Bean
    public dev.charter.platform.web.Standing rosterCopyStanding(RosterReader rosterReader) {
        return person -> rosterReader.standing(person).maintainer();
    }

    @Bean
    public RosterReader rosterReader(DataSource dataSource) {
        return new RosterReader(JdbcClient.create(dataSource));
    }

    @Bean
    public FlywayConfigurationCustomizer rosterCopyMigrations() {
        return configuration -> {
            List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
            locations.add(new Location(MIGRATIONS));
            configuration.locations(locations.toArray(Location[]::new));
        };
    }
}
