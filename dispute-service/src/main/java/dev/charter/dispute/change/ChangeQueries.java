package dev.charter.dispute.change;

import dev.charter.contracts.disputes.ChangeKind;
import dev.charter.contracts.disputes.ChangeVerdict;
import dev.charter.platform.jdbc.Columns;
import dev.charter.platform.jdbc.PageQuery;
import dev.charter.dispute.change.ChangeViews.ChangeFilter;
import dev.charter.dispute.change.ChangeViews.ChangeView;
import dev.charter.dispute.change.ChangeViews.ResultView;
import dev.charter.dispute.change.ChangeViews.WithdrawalView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import static dev.charter.platform.jdbc.Columns.instant;

/** Reads the controversial-change projection. */
@Component
public class ChangeQueries {

    private final JdbcClient jdbc;
    private final Columns json;

    public ChangeQueries(JdbcClient jdbc, Columns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** R17: proposals matching the filter, in proposal order, after the given position. */
    public List<ChangeView> list(ChangeFilter filter, long afterSeq, int limit) {
        return new PageQuery("SELECT * FROM change_proposal p", "seq", afterSeq)
                .where("EXISTS (SELECT 1 FROM change_proposal_module m WHERE m.proposal_id = p.proposal_id"
                        + " AND m.module_id = :module)", "module", filter.moduleId())
                .equal("status", filter.status())
                .list(jdbc, limit, (rs, n) -> view(rs));
    }

    public Optional<ChangeView> find(String proposalId) {
        return jdbc.sql("SELECT * FROM change_proposal WHERE proposal_id = ?").param(proposalId)
                .query((rs, n) -> view(rs)).optional();
    }

    private ChangeView view(ResultSet rs) throws SQLException {
        String verdict = rs.getString("verdict");
        ResultView result = verdict == null ? null : new ResultView(ChangeVerdict.valueOf(verdict),
                rs.getString("reasoning"), rs.getString("decided_by"), instant(rs, "decided_at"),
                rs.getString("result_rules_version"));
        WithdrawalView withdrawal = rs.getString("withdrawn_by") == null ? null
                : new WithdrawalView(rs.getString("withdrawn_by"), rs.getString("withdrawal_reason"),
                instant(rs, "withdrawn_at"));
        return new ChangeView(rs.getLong("seq"), rs.getString("proposal_id"), ChangeKind.valueOf(rs.getString("kind")),
                rs.getString("title"), rs.getString("summary"),
                json.read(rs.getString("affected_modules"), Columns.STRINGS), rs.getString("discussion_issue"),
                rs.getString("proposed_by"), instant(rs, "proposed_at"),
                ChangeProposal.Status.valueOf(rs.getString("status")), rs.getString("rules_version"),
                json.read(rs.getString("approvals"), ChangeProjection.APPROVALS), result, withdrawal);
    }
}
