package dev.charter.dispute.veto;

import dev.charter.contracts.disputes.DisputeEvent.VetoAwaitingReasoning;
import dev.charter.contracts.disputes.DisputeEvent.VetoBallotOpened;
import dev.charter.contracts.disputes.DisputeEvent.VetoCarried;
import dev.charter.contracts.disputes.DisputeEvent.VetoProposed;
import dev.charter.contracts.disputes.DisputeEvent.VetoReferredToLead;
import dev.charter.contracts.disputes.DisputeEvent.VetoRejected;
import dev.charter.contracts.disputes.VetoOutcome;
import dev.charter.contracts.voting.TallySummary;
import dev.charter.platform.jdbc.Columns;
import dev.charter.dispute.ballot.BallotColumns;
import dev.charter.dispute.ballot.BallotState;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.function.UnaryOperator;

import static dev.charter.platform.jdbc.Columns.ts;

/**
 * Vetoes with their reasoning (R7), per module and per decision, for the REST reads. A tracking processor of its
 * own ({@value #PROCESSING_GROUP}), replayable alone: a reset empties its table, and every handler is an
 * insert-if-absent or an update to the event's values.
 */
@Component
@ProcessingGroup(VetoProjection.PROCESSING_GROUP)
public class VetoProjection {

    public static final String PROCESSING_GROUP = "vetoes";
    private final JdbcClient jdbc;
    private final Columns json;

    public VetoProjection(JdbcClient jdbc, Columns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(VetoProposed event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO veto (veto_id, decision_id, decision, module_id, proposed_by, proposal_reasoning,
                                          veto_window, window_ends_at, proposed_at, status, ballot)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PROPOSED', ?) ON CONFLICT (veto_id) DO NOTHING""")
                .params(event.vetoId(), event.decision().decisionId(), json.json(event.decision()),
                        event.decision().moduleId(), event.proposedBy(), event.reasoning(), event.vetoWindow(),
                        ts(event.windowEndsAt()), ts(at),
                        json.json(BallotState.requested(event.ballotRequest().requestId())))
                .update();
    }

    @EventHandler
    void on(VetoBallotOpened event) {
        ballot(event.vetoId(), ballot -> ballot.opened(event.ballotId(), event.electorate(), event.recusals()));
    }

    @EventHandler
    void on(VetoReferredToLead event) {
        status(event.vetoId(), Veto.Status.REFERRED_TO_LEAD);
        ballot(event.vetoId(), ballot -> ballot.referred(event.lead(), event.tally()));
    }

    @EventHandler
    void on(VetoAwaitingReasoning event) {
        status(event.vetoId(), Veto.Status.AWAITING_REASONING);
        ballot(event.vetoId(), ballot -> ballot.closed(event.tally(), event.closeReason(), event.decidedBy()));
    }

    @EventHandler
    void on(VetoCarried event, @Timestamp Instant at) {
        decided(event.vetoId(), VetoOutcome.CARRIED, event.reasoning(), event.decidedBy(), at, event.rulesVersion(),
                event.tally());
    }

    @EventHandler
    void on(VetoRejected event, @Timestamp Instant at) {
        decided(event.vetoId(), VetoOutcome.REJECTED, event.reasoning(), event.decidedBy(), at,
                event.rulesVersion(), event.tally());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE veto").update();
    }

    private void decided(String vetoId, VetoOutcome outcome, String reasoning, String decidedBy, Instant at,
                         String rulesVersion, TallySummary tally) {
        jdbc.sql("""
                        UPDATE veto SET status = ?, outcome = ?, reasoning = ?, decided_by = ?, decided_at = ?,
                                        rules_version = ?
                        WHERE veto_id = ?""")
                .params(outcome.name(), outcome.name(), reasoning, decidedBy, ts(at), rulesVersion, vetoId).update();
        ballot(vetoId, ballot -> ballot.status() == BallotState.Status.CLOSED ? ballot
                : ballot.closed(tally, ballot.closeReason(), ballot.decidedBy()));
    }

    private void status(String vetoId, Veto.Status status) {
        jdbc.sql("UPDATE veto SET status = ? WHERE veto_id = ?").params(status.name(), vetoId).update();
    }

    private void ballot(String vetoId, UnaryOperator<BallotState> change) {
        BallotColumns.update(jdbc, json, "veto", "veto_id", vetoId, change);
    }
}
