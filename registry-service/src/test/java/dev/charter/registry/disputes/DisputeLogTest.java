package dev.charter.registry.disputes;

import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.disputes.DecisionKind;
import dev.charter.contracts.disputes.DisputeEvent.DisputeAnswered;
import dev.charter.contracts.disputes.DisputeEvent.DisputeOpened;
import dev.charter.contracts.disputes.DisputeEvent.DisputeResolved;
import dev.charter.contracts.disputes.DisputeEvent.VetoCarried;
import dev.charter.contracts.disputes.DisputeEvent.VetoProposed;
import dev.charter.contracts.disputes.ModuleDecision;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.TallySummary;
import dev.charter.platform.config.CharterProperties;
import dev.charter.platform.consume.InboundEvent;
import dev.charter.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry's copy of the disputes stream on a real PostgreSQL: {@code on(event)}, then the query (R6). */
class DisputeLogTest {

    static final Instant AT = Instant.parse("2100-01-10T12:00:00Z");
    static final ModuleDecision MOTION = new ModuleDecision("motion:b-1", DecisionKind.MOTION, "nn", AT,
            new DecisionRef("charter.voting.v1", "BallotClosed", "e-1", "b-1"), "Adopt it?", null, null, "CARRIED",
            null, null);
    private static DisputeLog log;

    @BeforeAll
    static void database() {
        log = new DisputeLog(JdbcClient.create(TestInfrastructure.migratedDatabase("registry_dispute_log",
                "classpath:db/migration/platform", "classpath:db/migration/registry")),
                links("https://disputes.example.org/"));
    }

    private static CharterProperties links(String disputes) {
        CharterProperties properties = new CharterProperties();
        properties.getLinks().setDisputes(disputes);
        return properties;
    }

    @Test
    @DisplayName("R6: a group's disputes and the vetoes of its decisions are listed with their status and a link; a dispute open until settled")
    void disputesAndVetoes() {
        DisputeOpened opened = new DisputeOpened("d-1", MOTION, "vera", "vision", "It breaks us.", List.of(), "P14D",
                AT.plusSeconds(60), "rules");
        log.on(opened, envelope(opened));
        log.on(opened, envelope(opened));
        log.on(new DisputeAnswered("d-1", "nn", "dennis", "e", "a", "r"));
        assertThat(log.openDisputes()).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo("ANSWERED");
            assertThat(d.url()).isEqualTo("https://disputes.example.org/api/v1/disputes/d-1");
            assertThat(d.decisionSummary()).isEqualTo("Adopt it?");
        });
        assertThat(log.disputesOf("vision")).hasSize(1);
        log.on(new DisputeResolved("d-1", "vera"));
        assertThat(log.openDisputes()).isEmpty();
        assertThat(log.disputesOf("nn")).singleElement().satisfies(d -> assertThat(d.open()).isFalse());

        VetoProposed proposed = new VetoProposed("v-1", MOTION, "grace", "Bypassed.", "P90D", AT, null);
        log.on(proposed, envelope(proposed));
        log.on(new VetoCarried("v-1", MOTION, "grace", "Bypassed.", "linus", "b-2",
                new TallySummary(3, 0, 2, 1, 0, BallotOutcome.CARRIED), "rules"));
        assertThat(log.vetoesOf("nn")).singleElement().satisfies(v -> {
            assertThat(v.status()).isEqualTo("CARRIED");
            assertThat(v.url()).isEqualTo("https://disputes.example.org/api/v1/vetoes/v-1");
        });
        assertThat(log.vetoesOf("vision")).isEmpty();
    }

    private static <T> InboundEvent<T> envelope(T payload) {
        return new InboundEvent<>("id-" + payload.hashCode(), "type", "/charter/dispute", "s", AT, "x", null, null,
                "rules", payload, "t", 0, 0L);
    }
}
