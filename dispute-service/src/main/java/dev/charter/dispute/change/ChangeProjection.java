package dev.charter.dispute.change;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.charter.contracts.disputes.Approval;
import dev.charter.contracts.disputes.ApprovalOutcome;
import dev.charter.contracts.disputes.ChangeVerdict;
import dev.charter.contracts.disputes.DisputeEvent.ChangeApprovalCancelled;
import dev.charter.contracts.disputes.DisputeEvent.ChangeApprovalClosed;
import dev.charter.contracts.disputes.DisputeEvent.ChangeApprovalOpened;
import dev.charter.contracts.disputes.DisputeEvent.ChangeApprovalReferredToLead;
import dev.charter.contracts.disputes.DisputeEvent.ChangeApproved;
import dev.charter.contracts.disputes.DisputeEvent.ChangeAwaitingReasoning;
import dev.charter.contracts.disputes.DisputeEvent.ChangeProposed;
import dev.charter.contracts.disputes.DisputeEvent.ChangeRejected;
import dev.charter.contracts.disputes.DisputeEvent.ChangeWithdrawn;
import dev.charter.platform.jdbc.Columns;
import dev.charter.dispute.ballot.BallotState;
import dev.charter.dispute.change.ChangeViews.ApprovalView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import static dev.charter.platform.jdbc.Columns.ts;

/**
 * Controversial-change proposals (R17) with every body's approval ballot, for the REST reads. A tracking processor
 * of its own ({@value #PROCESSING_GROUP}), replayable alone: a reset empties its tables, and every handler is an
 * insert-if-absent or an update to the event's values.
 */
@Component
@ProcessingGroup(ChangeProjection.PROCESSING_GROUP)
public class ChangeProjection {

    public static final String PROCESSING_GROUP = "change-proposals";
    static final TypeReference<List<ApprovalView>> APPROVALS = new TypeReference<>() {
    };
    private final JdbcClient jdbc;
    private final Columns json;

    public ChangeProjection(JdbcClient jdbc, Columns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(ChangeProposed event, @Timestamp Instant at) {
        List<ApprovalView> approvals = event.approvals().stream().map(ChangeProjection::pending).toList();
        int inserted = jdbc.sql("""
                        INSERT INTO change_proposal (proposal_id, kind, title, summary, affected_modules,
                            discussion_issue, proposed_by, proposed_at, status, rules_version, approvals)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'VOTING', ?, ?) ON CONFLICT (proposal_id) DO NOTHING""")
                .params(event.proposalId(), event.kind().name(), event.title(), event.summary(),
                        json.json(event.affectedModules()), event.discussionIssue(), event.proposedBy(), ts(at),
                        event.rulesVersion(), json.json(approvals))
                .update();
        if (inserted > 0) {
            event.affectedModules().forEach(module -> jdbc.sql("""
                            INSERT INTO change_proposal_module (proposal_id, module_id) VALUES (?, ?)
                            ON CONFLICT DO NOTHING""")
                    .params(event.proposalId(), module).update());
        }
    }

    private static ApprovalView pending(Approval approval) {
        return new ApprovalView(approval.body(), approval.moduleId(), approval.rule(), ApprovalOutcome.PENDING,
                BallotState.requested(approval.requestId()));
    }

    @EventHandler
    void on(ChangeApprovalOpened event) {
        approval(event.proposalId(), event.ballotId(), a -> a.with(a.outcome(),
                a.ballot().opened(event.ballotId(), event.electorate(), event.recusals())));
    }

    @EventHandler
    void on(ChangeApprovalReferredToLead event) {
        approval(event.proposalId(), event.ballotId(), a -> a.with(a.outcome(),
                a.ballot().referred(event.lead(), event.tally())));
    }

    @EventHandler
    void on(ChangeApprovalClosed event) {
        approval(event.proposalId(), event.ballotId(), a -> a.with(ApprovalOutcome.valueOf(event.outcome().name()),
                a.ballot().closed(event.tally(), event.closeReason(), event.decidedBy())));
    }

    @EventHandler
    void on(ChangeApprovalCancelled event) {
        jdbc.sql("SELECT approvals FROM change_proposal WHERE proposal_id = ?").param(event.proposalId())
                .query(String.class).optional().ifPresent(text -> store(event.proposalId(),
                        json.read(text, APPROVALS).stream()
                                .map(a -> a.ballot().requestId().equals(event.ballotRequestId())
                                        && a.outcome() == ApprovalOutcome.PENDING
                                        ? a.with(ApprovalOutcome.CANCELLED, a.ballot().cancelled()) : a)
                                .toList()));
    }

    @EventHandler
    void on(ChangeAwaitingReasoning event) {
        jdbc.sql("UPDATE change_proposal SET status = 'AWAITING_REASONING', verdict = ? WHERE proposal_id = ?")
                .params(event.verdict().name(), event.proposalId()).update();
    }

    @EventHandler
    void on(ChangeApproved event, @Timestamp Instant at) {
        decided(event.proposalId(), ChangeVerdict.APPROVED, event.reasoning(), event.decidedBy(), at,
                event.rulesVersion());
    }

    @EventHandler
    void on(ChangeRejected event, @Timestamp Instant at) {
        decided(event.proposalId(), ChangeVerdict.REJECTED, event.reasoning(), event.decidedBy(), at,
                event.rulesVersion());
    }

    @EventHandler
    void on(ChangeWithdrawn event, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE change_proposal SET status = 'WITHDRAWN', withdrawn_by = ?, withdrawal_reason = ?,
                                                   withdrawn_at = ?
                        WHERE proposal_id = ?""")
                .params(event.withdrawnBy(), event.reason(), ts(at), event.proposalId()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE change_proposal, change_proposal_module").update();
    }

    private void decided(String proposalId, ChangeVerdict verdict, String reasoning, String decidedBy, Instant at,
                         String rulesVersion) {
        jdbc.sql("""
                        UPDATE change_proposal SET status = ?, verdict = ?, reasoning = ?, decided_by = ?,
                                                   decided_at = ?, result_rules_version = ?
                        WHERE proposal_id = ?""")
                .params(verdict.name(), verdict.name(), reasoning, decidedBy, ts(at), rulesVersion, proposalId)
                .update();
    }

    private void approval(String proposalId, String ballotId, UnaryOperator<ApprovalView> change) {
        jdbc.sql("SELECT approvals FROM change_proposal WHERE proposal_id = ?").param(proposalId).query(String.class)
                .optional().ifPresent(text -> store(proposalId, json.read(text, APPROVALS).stream()
                        .map(a -> a.ballot().ballotId().equals(ballotId) ? change.apply(a) : a).toList()));
    }

    private void store(String proposalId, List<ApprovalView> approvals) {
        jdbc.sql("UPDATE change_proposal SET approvals = ? WHERE proposal_id = ?")
                .params(json.json(approvals), proposalId).update();
    }
}
