package dev.charter.registry.person;

import dev.charter.contracts.registry.RegistryEvent.PersonRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Which persons are registered, updated in the same transaction as the events (a subscribing processor),
 * so command handlers can check that a seat goes to a registered individual (R2) and that a handle is
 * free, without waiting for a projection.
 */
@Component
@ProcessingGroup(PersonDirectory.PROCESSING_GROUP)
public class PersonDirectory implements RegisteredPersons {

    public static final String PROCESSING_GROUP = "person-directory";
    private final JdbcClient jdbc;

    public PersonDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PersonRegistered event) {
        jdbc.sql("INSERT INTO person_directory (person_id, display_name) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(event.personId(), event.displayName()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM person_directory").update();
    }

    @Override
    public boolean isRegistered(String personId) {
        return displayName(personId).isPresent();
    }

    public Optional<String> displayName(String personId) {
        return jdbc.sql("SELECT display_name FROM person_directory WHERE person_id = ?").param(personId)
                .query(String.class).optional();
    }
}
