package dev.charter.dispute.veto;

import dev.charter.contracts.disputes.ModuleDecision;
import dev.charter.contracts.disputes.VetoOutcome;
import dev.charter.platform.jdbc.Columns;
import dev.charter.platform.jdbc.PageQuery;
import dev.charter.dispute.ballot.BallotState;
import dev.charter.dispute.veto.VetoViews.VetoDecisionView;
import dev.charter.dispute.veto.VetoViews.VetoFilter;
import dev.charter.dispute.veto.VetoViews.VetoView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import static dev.charter.platform.jdbc.Columns.instant;

/** Reads the veto projection. */
@Component
public class VetoQueries {

    private final JdbcClient jdbc;
    private final Columns json;

    public VetoQueries(JdbcClient jdbc, Columns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** R7: vetoes matching the filter, in proposal order, after the given position. */
    public List<VetoView> list(VetoFilter filter, long afterSeq, int limit) {
        return new PageQuery("SELECT * FROM veto", "seq", afterSeq)
                .equal("module_id", filter.moduleId())
                .equal("status", filter.status())
                .equal("decision_id", filter.decisionId())
                .list(jdbc, limit, (rs, n) -> view(rs));
    }

    public Optional<VetoView> find(String vetoId) {
        return jdbc.sql("SELECT * FROM veto WHERE veto_id = ?").param(vetoId).query((rs, n) -> view(rs)).optional();
    }

    private VetoView view(ResultSet rs) throws SQLException {
        VetoDecisionView outcome = rs.getString("outcome") == null ? null
                : new VetoDecisionView(VetoOutcome.valueOf(rs.getString("outcome")), rs.getString("reasoning"),
                rs.getString("decided_by"), instant(rs, "decided_at"), rs.getString("rules_version"));
        return new VetoView(rs.getLong("seq"), rs.getString("veto_id"),
                json.read(rs.getString("decision"), ModuleDecision.class), rs.getString("proposed_by"),
                rs.getString("proposal_reasoning"), rs.getString("veto_window"), instant(rs, "window_ends_at"),
                instant(rs, "proposed_at"), Veto.Status.valueOf(rs.getString("status")),
                json.read(rs.getString("ballot"), BallotState.class), outcome);
    }
}
