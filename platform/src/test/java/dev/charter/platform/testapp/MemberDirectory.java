package dev.charter.platform.testapp;

import dev.charter.contracts.registry.RegistryEvent.AffiliationChanged;
import dev.charter.contracts.registry.RegistryEvent.PersonRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A tracking projection of the test app: its row and its token move in one transaction, so each event is applied
 * exactly once (counted in {@code events}) whatever fails in between.
 */
@Component
@ProcessingGroup("member-directory")
public class MemberDirectory {

    private final JdbcClient jdbc;

    public MemberDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PersonRegistered event) {
        TestHooks.pauseIfProjectionHeld();
        jdbc.sql("INSERT INTO member_directory (member_id, events) VALUES (?, 1)").param(event.personId()).update();
    }

    @EventHandler
    void on(AffiliationChanged event) {
        jdbc.sql("UPDATE member_directory SET affiliation = ?, events = events + 1 WHERE member_id = ?")
                .params(event.affiliation(), event.personId()).update();
    }
}
