package dev.charter.nomination.seat;

import dev.charter.contracts.nominations.Contributions;
import dev.charter.contracts.nominations.DossierAuthor;
import dev.charter.contracts.nominations.NominationKind;
import dev.charter.contracts.nominations.RemovalGrounds;
import dev.charter.contracts.nominations.Standing;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.contracts.voting.TallySummary;
import dev.charter.nomination.seat.NominationViews.DecisionView;
import dev.charter.nomination.seat.NominationViews.DossierEntryView;
import dev.charter.nomination.seat.NominationViews.EntryType;
import dev.charter.nomination.seat.NominationViews.NominationFilter;
import dev.charter.nomination.seat.NominationViews.NominationView;
import dev.charter.nomination.seat.NominationViews.WithdrawalView;
import dev.charter.platform.jdbc.Columns;
import dev.charter.platform.jdbc.PageQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import static dev.charter.platform.jdbc.Columns.instant;

/** Reads the nomination projection. */
@Component
public class NominationQueries {

    private static final List<String> OPEN = List.of("SCHEDULED", "IN_REVIEW", "AWAITING_REASONING");
    private final JdbcClient jdbc;
    private final Columns columns;

    public NominationQueries(JdbcClient jdbc, Columns columns) {
        this.jdbc = jdbc;
        this.columns = columns;
    }

    /** Nominations matching the filter, in submission order, after the given position. */
    public List<NominationView> list(NominationFilter filter, long afterSeq, int limit) {
        Boolean open = filter.open();
        return new PageQuery("SELECT * FROM nomination", "seq", afterSeq)
                .where(Boolean.TRUE.equals(open) ? "status IN (:open)" : "status NOT IN (:open)", "open",
                        open == null ? null : OPEN)
                .equal("status", filter.status())
                .equal("kind", filter.kind())
                .equal("module_id", filter.moduleId())
                .equal("person_id", filter.personId())
                .equal("cycle_id", filter.cycleId())
                .list(jdbc, limit, (rs, n) -> view(rs));
    }

    public Optional<NominationView> find(String nominationId) {
        return jdbc.sql("SELECT * FROM nomination WHERE nomination_id = ?").param(nominationId)
                .query((rs, n) -> view(rs)).optional();
    }

    /** The dossier's entries, in the order they were added. */
    public List<DossierEntryView> dossier(String nominationId) {
        return jdbc.sql("SELECT * FROM dossier_entry WHERE nomination_id = ? ORDER BY seq").param(nominationId)
                .query((rs, n) -> new DossierEntryView(rs.getString("entry_id"),
                        EntryType.valueOf(rs.getString("entry_type")),
                        new DossierAuthor(rs.getString("author_id"), Standing.valueOf(rs.getString("author_standing")),
                                columns.read(rs.getString("author_modules"), Columns.STRINGS)),
                        rs.getString("label"), rs.getString("text"),
                        columns.read(rs.getString("links"), Columns.STRINGS), instant(rs, "added_at")))
                .list();
    }

    private NominationView view(ResultSet rs) throws SQLException {
        String cycleId = rs.getString("cycle_id");
        ReviewCycle cycle = cycleId == null ? null
                : new ReviewCycle(cycleId, instant(rs, "meeting_at"), instant(rs, "cut_off_at"));
        String outcome = rs.getString("decision_outcome");
        DecisionView decision = outcome == null ? null : new DecisionView(Verdict.valueOf(outcome),
                rs.getString("reasoning"), rs.getString("decided_by"), instant(rs, "decided_at"),
                rs.getString("ballot_id"), columns.read(rs.getString("decision_tally"), TallySummary.class),
                rs.getString("rules_version"));
        WithdrawalView withdrawal = rs.getString("withdrawn_by") == null ? null
                : new WithdrawalView(rs.getString("withdrawn_by"), rs.getString("withdrawal_reason"),
                instant(rs, "withdrawn_at"));
        DecisionRule rule = Columns.decisionRule(rs, "rule");
        return new NominationView(rs.getLong("seq"), rs.getString("nomination_id"),
                NominationKind.valueOf(rs.getString("kind")), rs.getString("person_id"),
                Role.valueOf(rs.getString("role")), rs.getString("module_id"),
                new DossierAuthor(rs.getString("nominated_by"), Standing.valueOf(rs.getString("nominator_standing")),
                        columns.read(rs.getString("nominator_modules"), Columns.STRINGS)),
                Nomination.Status.valueOf(rs.getString("status")), instant(rs, "submitted_at"),
                rs.getString("statement"), columns.read(rs.getString("contributions"), Contributions.class),
                columns.read(rs.getString("grounds"), RemovalGrounds.class),
                BallotBody.valueOf(rs.getString("body")), rs.getString("body_module_id"), rule, cycle,
                rs.getString("ballot_request_id"), rs.getString("ballot_id"), decision, withdrawal);
    }
}
