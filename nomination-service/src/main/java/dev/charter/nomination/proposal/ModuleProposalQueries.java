package dev.charter.nomination.proposal;

import dev.charter.contracts.disputes.ModuleSettings;
import dev.charter.contracts.nominations.GroundWork;
import dev.charter.contracts.nominations.ProposalAction;
import dev.charter.contracts.registry.ModuleKind;
import dev.charter.contracts.voting.TallySummary;
import dev.charter.nomination.proposal.ModuleProposalCommands.ProposalVerdict;
import dev.charter.nomination.proposal.ModuleProposalViews.ModuleProposalView;
import dev.charter.nomination.proposal.ModuleProposalViews.ProposalDecisionView;
import dev.charter.nomination.proposal.ModuleProposalViews.ProposalFilter;
import dev.charter.nomination.seat.NominationViews.WithdrawalView;
import dev.charter.platform.jdbc.Columns;
import dev.charter.platform.jdbc.PageQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import static dev.charter.platform.jdbc.Columns.enumOrNull;
import static dev.charter.platform.jdbc.Columns.instant;

/** Reads the module proposal projection. */
@Component
public class ModuleProposalQueries {

    private static final List<String> OPEN = List.of("IN_REVIEW", "AWAITING_REASONING");
    private final JdbcClient jdbc;
    private final Columns columns;

    public ModuleProposalQueries(JdbcClient jdbc, Columns columns) {
        this.jdbc = jdbc;
        this.columns = columns;
    }

    /** Proposals matching the filter, in submission order, after the given position. */
    public List<ModuleProposalView> list(ProposalFilter filter, long afterSeq, int limit) {
        Boolean open = filter.open();
        return new PageQuery("SELECT * FROM module_proposal", "seq", afterSeq)
                .where(Boolean.TRUE.equals(open) ? "status IN (:open)" : "status NOT IN (:open)", "open",
                        open == null ? null : OPEN)
                .equal("status", filter.status())
                .equal("action", filter.action())
                .equal("module_id", filter.moduleId())
                .list(jdbc, limit, (rs, n) -> view(rs));
    }

    public Optional<ModuleProposalView> find(String proposalId) {
        return jdbc.sql("SELECT * FROM module_proposal WHERE proposal_id = ?").param(proposalId)
                .query((rs, n) -> view(rs)).optional();
    }

    private ModuleProposalView view(ResultSet rs) throws SQLException {
        ModuleProposal.Status status = ModuleProposal.Status.valueOf(rs.getString("status"));
        ProposalDecisionView decision = status != ModuleProposal.Status.ACCEPTED
                && status != ModuleProposal.Status.DECLINED ? null
                : new ProposalDecisionView(ProposalVerdict.valueOf(status.name()), rs.getString("reasoning"),
                rs.getString("decided_by"), instant(rs, "decided_at"), rs.getString("ballot_id"),
                columns.read(rs.getString("decision_tally"), TallySummary.class), rs.getString("rules_version"));
        WithdrawalView withdrawal = rs.getString("withdrawn_by") == null ? null
                : new WithdrawalView(rs.getString("withdrawn_by"), rs.getString("withdrawal_reason"),
                instant(rs, "withdrawn_at"));
        return new ModuleProposalView(rs.getLong("seq"), rs.getString("proposal_id"),
                ProposalAction.valueOf(rs.getString("action")), rs.getString("module_id"), rs.getString("name"),
                enumOrNull(rs, "kind", ModuleKind::valueOf), rs.getString("location"), rs.getString("description"),
                columns.read(rs.getString("ground_work"), GroundWork.class),
                columns.read(rs.getString("settings"), ModuleSettings.class),
                columns.read(rs.getString("initial_maintainers"), Columns.STRINGS), rs.getString("proposed_by"),
                status, instant(rs, "submitted_at"), rs.getString("ballot_request_id"), rs.getString("ballot_id"),
                decision, withdrawal);
    }
}
