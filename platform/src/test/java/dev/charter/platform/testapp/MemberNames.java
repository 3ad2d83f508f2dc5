package dev.charter.platform.testapp;

import dev.charter.contracts.registry.RegistryEvent.PersonRegistered;
import dev.charter.platform.projection.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A tracking read model of the test app, replayable alone; a test can hold its replay to look at it mid-way. */
@Component
@ProcessingGroup(MemberNames.PROCESSING_GROUP)
public class MemberNames {

    public static final String PROCESSING_GROUP = "member-names";
    private static volatile CountDownLatch held = new CountDownLatch(0);

    private final JdbcClient jdbc;

    public MemberNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static void holdReplay() {
        held = new CountDownLatch(1);
    }

    public static void releaseReplay() {
        held.countDown();
    }

    @EventHandler
    void on(PersonRegistered event, ReplayStatus status) throws InterruptedException {
        if (status.isReplay()) {
            held.await(30, TimeUnit.SECONDS);
        }
        jdbc.sql("INSERT INTO member_name (member_id, name) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(event.personId(), event.displayName()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM member_name").update();
    }

    public int count() {
        return jdbc.sql("SELECT count(*) FROM member_name").query(Integer.class).single();
    }

    @RestController
    @ReadModel(PROCESSING_GROUP)
    public static class Reads {
        private final JdbcClient jdbc;

        public Reads(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @GetMapping("/api/v1/member-names")
        public List<String> names() {
            return jdbc.sql("SELECT name FROM member_name ORDER BY name").query(String.class).list();
        }
    }
}
