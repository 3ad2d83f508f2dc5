package dev.charter.dispute.dispute;

import dev.charter.contracts.disputes.DisputeEvent.DisputeAnswered;
import dev.charter.contracts.disputes.DisputeEvent.DisputeAwaitingRuling;
import dev.charter.contracts.disputes.DisputeEvent.DisputeEscalated;
import dev.charter.contracts.disputes.DisputeEvent.DisputeOpened;
import dev.charter.contracts.disputes.DisputeEvent.DisputeResolved;
import dev.charter.contracts.disputes.DisputeEvent.DisputeRuled;
import dev.charter.contracts.disputes.DisputeEvent.DisputeWithdrawn;
import dev.charter.contracts.disputes.DisputeEvent.EscalationBallotOpened;
import dev.charter.contracts.disputes.DisputeEvent.EscalationReferredToLead;
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
 * Disputes with everything published about them (R6), listed per module, for the REST reads. A tracking processor
 * of its own ({@value #PROCESSING_GROUP}), replayable alone: a reset empties its table, and every handler is an
 * insert-if-absent or an update to the event's values, so re-running events rebuilds the same rows.
 */
@Component
@ProcessingGroup(DisputeProjection.PROCESSING_GROUP)
public class DisputeProjection {

    public static final String PROCESSING_GROUP = "disputes";
    private final JdbcClient jdbc;
    private final Columns json;

    public DisputeProjection(JdbcClient jdbc, Columns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(DisputeOpened event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO dispute (dispute_id, decision_id, decision, respondent_module_id,
                            disputant_module_id, disputed_by, statement, links, status, opened_at, response_window,
                            response_due_at, rules_version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?) ON CONFLICT (dispute_id) DO NOTHING""")
                .params(event.disputeId(), event.decision().decisionId(), json.json(event.decision()),
                        event.decision().moduleId(), event.disputantModuleId(), event.disputedBy(), event.statement(),
                        json.json(event.links()), ts(at), event.responseWindow(), ts(event.responseDueAt()),
                        event.rulesVersion())
                .update();
    }

    @EventHandler
    void on(DisputeAnswered event, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE dispute SET status = 'ANSWERED', answered_by = ?, explanation = ?, arguments = ?,
                                           resolution = ?, answered_at = ?
                        WHERE dispute_id = ?""")
                .params(event.answeredBy(), event.explanation(), event.arguments(), event.resolution(), ts(at),
                        event.disputeId())
                .update();
    }

    @EventHandler
    void on(DisputeResolved event, @Timestamp Instant at) {
        jdbc.sql("UPDATE dispute SET status = 'RESOLVED', accepted_by = ?, resolved_at = ? WHERE dispute_id = ?")
                .params(event.acceptedBy(), ts(at), event.disputeId()).update();
    }

    @EventHandler
    void on(DisputeEscalated event, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE dispute SET status = 'ESCALATED', escalated_by = ?, escalation_reason = ?,
                                           escalated_by_itself = ?, escalated_at = ?, ballot = ?
                        WHERE dispute_id = ?""")
                .params(event.escalatedBy(), event.reason(), event.automatic(), ts(at),
                        json.json(BallotState.requested(event.ballotRequest().requestId())), event.disputeId())
                .update();
    }

    @EventHandler
    void on(EscalationBallotOpened event) {
        ballot(event.disputeId(), ballot -> ballot.opened(event.ballotId(), event.electorate(), event.recusals()));
    }

    @EventHandler
    void on(EscalationReferredToLead event) {
        status(event.disputeId(), Dispute.Status.REFERRED_TO_LEAD);
        ballot(event.disputeId(), ballot -> ballot.referred(event.lead(), event.tally()));
    }

    @EventHandler
    void on(DisputeAwaitingRuling event) {
        status(event.disputeId(), Dispute.Status.AWAITING_RULING);
        ballot(event.disputeId(), ballot -> ballot.closed(event.tally(), event.closeReason(), event.decidedBy()));
    }

    @EventHandler
    void on(DisputeRuled event, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE dispute SET status = 'RULED', ruling_outcome = ?, ruling_reasoning = ?, ruled_by = ?,
                                           ruled_at = ?, ruling_rules_version = ?
                        WHERE dispute_id = ?""")
                .params(event.outcome().name(), event.reasoning(), event.ruledBy(), ts(at), event.rulesVersion(),
                        event.disputeId())
                .update();
    }

    @EventHandler
    void on(DisputeWithdrawn event, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE dispute SET status = 'WITHDRAWN', withdrawn_by = ?, withdrawal_reason = ?,
                                           withdrawn_at = ?
                        WHERE dispute_id = ?""")
                .params(event.withdrawnBy(), event.reason(), ts(at), event.disputeId()).update();
        ballot(event.disputeId(), BallotState::cancelled);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE dispute").update();
    }

    private void status(String disputeId, Dispute.Status status) {
        jdbc.sql("UPDATE dispute SET status = ? WHERE dispute_id = ?").params(status.name(), disputeId).update();
    }

    private void ballot(String disputeId, UnaryOperator<BallotState> change) {
        BallotColumns.update(jdbc, json, "dispute", "dispute_id", disputeId, change);
    }
}
