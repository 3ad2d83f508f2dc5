package dev.charter.dispute.dispute;

import dev.charter.contracts.disputes.ModuleDecision;
import dev.charter.contracts.disputes.RulingOutcome;
import dev.charter.platform.jdbc.Columns;
import dev.charter.platform.jdbc.PageQuery;
import dev.charter.dispute.ballot.BallotState;
import dev.charter.dispute.dispute.DisputeViews.AnswerView;
import dev.charter.dispute.dispute.DisputeViews.DisputeFilter;
import dev.charter.dispute.dispute.DisputeViews.DisputeView;
import dev.charter.dispute.dispute.DisputeViews.EscalationView;
import dev.charter.dispute.dispute.DisputeViews.ResolutionView;
import dev.charter.dispute.dispute.DisputeViews.RulingView;
import dev.charter.dispute.dispute.DisputeViews.WithdrawalView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import static dev.charter.platform.jdbc.Columns.instant;

/** Reads the dispute projection. */
@Component
public class DisputeQueries {

    private static final List<String> ENDED = List.of("RESOLVED", "RULED", "WITHDRAWN");
    private final JdbcClient jdbc;
    private final Columns json;

    public DisputeQueries(JdbcClient jdbc, Columns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** R6: disputes matching the filter, in opening order, after the given position. */
    public List<DisputeView> list(DisputeFilter filter, long afterSeq, int limit) {
        Boolean open = filter.open();
        return new PageQuery("SELECT * FROM dispute", "seq", afterSeq)
                .where("(respondent_module_id = :module OR disputant_module_id = :module)", "module",
                        filter.moduleId())
                .equal("status", filter.status())
                .equal("decision_id", filter.decisionId())
                .where(Boolean.TRUE.equals(open) ? "status NOT IN (:ended)" : "status IN (:ended)", "ended",
                        open == null ? null : ENDED)
                .list(jdbc, limit, (rs, n) -> view(rs));
    }

    public Optional<DisputeView> find(String disputeId) {
        return jdbc.sql("SELECT * FROM dispute WHERE dispute_id = ?").param(disputeId)
                .query((rs, n) -> view(rs)).optional();
    }

    private DisputeView view(ResultSet rs) throws SQLException {
        AnswerView answer = rs.getString("answered_by") == null ? null : new AnswerView(rs.getString("answered_by"),
                rs.getString("explanation"), rs.getString("arguments"), rs.getString("resolution"),
                instant(rs, "answered_at"));
        ResolutionView resolution = rs.getString("accepted_by") == null ? null
                : new ResolutionView(rs.getString("accepted_by"), instant(rs, "resolved_at"));
        EscalationView escalation = rs.getString("escalated_by") == null ? null
                : new EscalationView(rs.getString("escalated_by"), rs.getString("escalation_reason"),
                rs.getBoolean("escalated_by_itself"), instant(rs, "escalated_at"));
        RulingView ruling = rs.getString("ruling_outcome") == null ? null
                : new RulingView(RulingOutcome.valueOf(rs.getString("ruling_outcome")),
                rs.getString("ruling_reasoning"), rs.getString("ruled_by"), instant(rs, "ruled_at"),
                rs.getString("ruling_rules_version"));
        WithdrawalView withdrawal = rs.getString("withdrawn_by") == null ? null
                : new WithdrawalView(rs.getString("withdrawn_by"), rs.getString("withdrawal_reason"),
                instant(rs, "withdrawn_at"));
        return new DisputeView(rs.getLong("seq"), rs.getString("dispute_id"),
                json.read(rs.getString("decision"), ModuleDecision.class), rs.getString("respondent_module_id"),
                rs.getString("disputant_module_id"), rs.getString("disputed_by"), rs.getString("statement"),
                json.read(rs.getString("links"), Columns.STRINGS), Dispute.Status.valueOf(rs.getString("status")),
                instant(rs, "opened_at"), rs.getString("response_window"), instant(rs, "response_due_at"),
                rs.getString("rules_version"), answer, resolution, escalation,
                json.read(rs.getString("ballot"), BallotState.class), ruling, withdrawal);
    }
}
