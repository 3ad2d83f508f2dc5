package dev.charter.nomination.election;

import dev.charter.contracts.nominations.VacancyReason;
import dev.charter.nomination.election.ElectionViews.CandidateView;
import dev.charter.nomination.election.ElectionViews.ElectionView;
import dev.charter.platform.jdbc.Columns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import static dev.charter.platform.jdbc.Columns.instant;

/** Reads the election projection. */
@Component
public class ElectionQueries {

    private final JdbcClient jdbc;
    private final Columns columns;

    public ElectionQueries(JdbcClient jdbc, Columns columns) {
        this.jdbc = jdbc;
        this.columns = columns;
    }

    /** Elections in opening order after the given position; {@code open}: not yet elected (null: all). */
    public List<ElectionView> list(Boolean open, long afterSeq, int limit) {
        String filter = open == null ? "" : open ? " AND status <> 'ELECTED'" : " AND status = 'ELECTED'";
        return jdbc.sql("SELECT * FROM election WHERE seq > ?" + filter + " ORDER BY seq LIMIT ?")
                .params(afterSeq, limit).query((rs, n) -> view(rs)).list();
    }

    public Optional<ElectionView> find(String electionId) {
        return jdbc.sql("SELECT * FROM election WHERE election_id = ?").param(electionId)
                .query((rs, n) -> view(rs)).optional();
    }

    private ElectionView view(ResultSet rs) throws SQLException {
        String electionId = rs.getString("election_id");
        List<CandidateView> candidates = jdbc.sql("""
                        SELECT person_id, status, nominated_by FROM election_candidate WHERE election_id = ?
                        ORDER BY person_id""")
                .param(electionId)
                .query((c, n) -> new CandidateView(c.getString(1), Election.CandidateStatus.valueOf(c.getString(2)),
                        c.getString(3)))
                .list();
        List<String> ballots = jdbc.sql("SELECT ballot_id FROM election_ballot WHERE election_id = ? "
                        + "ORDER BY requested_at, request_id")
                .param(electionId).query(String.class).list();
        return new ElectionView(rs.getLong("seq"), electionId, rs.getString("vacancy_id"),
                rs.getString("former_lead_id"), VacancyReason.valueOf(rs.getString("reason")),
                Election.Phase.valueOf(rs.getString("status")), instant(rs, "opened_at"),
                instant(rs, "candidacy_closes_at"), columns.read(rs.getString("eligible_candidates"), Columns.STRINGS),
                candidates, ballots, rs.getString("elected_lead_id"), instant(rs, "elected_at"));
    }
}
