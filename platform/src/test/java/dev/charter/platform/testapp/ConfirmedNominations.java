package dev.charter.platform.testapp;

import dev.charter.contracts.nominations.NominationEvent.NominationConfirmed;
import dev.charter.platform.consume.InboundEvent;
import dev.charter.platform.consume.InboundEventHandler;
import dev.charter.platform.messaging.MessageContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Records consumed decisions in a table, to count effects. */
@Component
public class ConfirmedNominations {

    /** Persons whose confirmations fail while listed: a fault an operator fixes, then re-drives. */
    public static final java.util.Set<String> FAILING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final JdbcClient jdbc;

    public ConfirmedNominations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @InboundEventHandler
    public void on(NominationConfirmed event, InboundEvent<NominationConfirmed> envelope) {
        if ("poison".equals(event.personId()) || FAILING.contains(event.personId())) {
            throw new IllegalStateException("cannot handle this one");
        }
        // idempotent: the platform skips a re-delivered event id (this insert has no key of its own on purpose)
        String actor = MessageContext.current().map(MessageContext::actor).orElse("?");
        jdbc.sql("INSERT INTO test_effect (nomination_id, event_id, actor) VALUES (?, ?, ?)")
                .params(event.nominationId(), envelope.id(), actor).update();
    }

    public int effects(String nominationId) {
        return jdbc.sql("SELECT count(*) FROM test_effect WHERE nomination_id = ?").param(nominationId)
                .query(Integer.class).single();
    }
}
