package dev.charter.voting.ballot;

import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.Choice;
import dev.charter.contracts.voting.CloseReason;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.Recusal;
import dev.charter.contracts.voting.Tally;
import dev.charter.platform.config.CharterProperties;
import dev.charter.platform.jdbc.Columns;
import dev.charter.voting.ballot.BallotViews.BallotFilter;
import dev.charter.voting.ballot.BallotViews.BallotSummaryView;
import dev.charter.voting.ballot.BallotViews.BallotView;
import dev.charter.voting.ballot.BallotViews.VetoView;
import dev.charter.voting.ballot.BallotViews.VoteView;
import dev.charter.voting.ballot.tally.Counted;
import dev.charter.voting.ballot.tally.CountedVote;
import dev.charter.voting.ballot.tally.CountingRule;
import dev.charter.voting.ballot.tally.Tallies;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.charter.platform.jdbc.Columns.instant;

/**
 * Reads the ballots projection. The tally of an open ballot is counted live, by the same pure function that
 * closes it ({@link Tallies}); a closed ballot shows its published tally.
 */
@Component
public class BallotQueries {

    private final JdbcClient jdbc;
    private final Columns json;
    private final CharterProperties.Links links;

    BallotQueries(JdbcClient jdbc, Columns json, CharterProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.links = properties.getLinks();
    }

    /** Ballots matching the filter, newest first, after the given position (0 for the first page). */
    public List<BallotSummaryView> list(BallotFilter filter, long beforePosition, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM ballot b WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (beforePosition > 0) {
            sql.append(" AND b.position < ?");
            params.add(beforePosition);
        }
        if (filter.status() != null) {
            sql.append(" AND b.status = ?");
            params.add(filter.status().name());
        }
        if (filter.subjectKind() != null) {
            sql.append(" AND b.subject_kind = ?");
            params.add(filter.subjectKind());
        }
        if (filter.subjectId() != null) {
            sql.append(" AND b.subject_id = ?");
            params.add(filter.subjectId());
        }
        if (filter.body() != null) {
            sql.append(" AND b.body = ?");
            params.add(filter.body().name());
        }
        if (filter.moduleId() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM ballot_module m WHERE m.ballot_id = b.ballot_id AND m.module_id = ?)");
            params.add(filter.moduleId());
        }
        sql.append(" ORDER BY b.position DESC LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(this::summary).list();
    }

    public Optional<BallotView> ballot(String ballotId) {
        return jdbc.sql("SELECT * FROM ballot WHERE ballot_id = ?").param(ballotId)
                .query((rs, n) -> view(rs, votes(ballotId))).optional();
    }

    /** A ballot just opened, before the projection has it: the opening and the (empty) count. */
    public static BallotView opened(dev.charter.contracts.voting.VotingEvent.BallotOpened opened, BallotStatus status,
                                    Instant at) {
        Counted count = Tallies.count(CountingRule.of(opened.request()), opened.electorate().size(),
                opened.recusals().size(), List.of(), opened.seed());
        return new BallotView(opened.ballotId(), status, opened.request(), opened.lead(), opened.electorate(),
                opened.recusals(), List.of(), count, null, null, null, null, opened.seed(), opened.rulesVersion(), at,
                null, null);
    }

    private List<VoteView> votes(String ballotId) {
        return jdbc.sql("SELECT * FROM ballot_vote WHERE ballot_id = ? ORDER BY cast_at, voter_id").param(ballotId)
                .query((rs, n) -> new VoteView(rs.getString("voter_id"),
                        rs.getString("choice") == null ? null : Choice.valueOf(rs.getString("choice")),
                        json.read(rs.getString("ranking"), Columns.STRINGS), rs.getString("comment"),
                        rs.getBoolean("changed"), instant(rs, "cast_at")))
                .list();
    }

    private BallotView view(ResultSet rs, List<VoteView> votes) throws SQLException {
        BallotRequest request = json.read(rs.getString("request"), BallotRequest.class);
        List<String> electorate = json.read(rs.getString("electorate"), Columns.STRINGS);
        List<Recusal> recusals = json.read(rs.getString("recusals"), Columns.RECUSALS);
        long seed = rs.getLong("seed");
        String tally = rs.getString("tally");
        Counted counted = tally != null
                ? new Counted(BallotOutcome.valueOf(rs.getString("outcome")), json.read(tally, Tally.class))
                : Tallies.count(CountingRule.of(request), electorate.size(), recusals.size(),
                votes.stream().map(v -> new CountedVote(v.choice(), v.ranking())).toList(), seed);
        String closeReason = rs.getString("close_reason");
        String vetoId = rs.getString("veto_id");
        return new BallotView(rs.getString("ballot_id"), BallotStatus.valueOf(rs.getString("status")), request,
                rs.getString("lead"), electorate, recusals, votes, counted,
                closeReason == null ? null : CloseReason.valueOf(closeReason), rs.getString("decided_by"),
                rs.getString("reasoning"), rs.getString("cancel_reason"), seed, rs.getString("rules_version"),
                instant(rs, "opened_at"), instant(rs, "closed_at"), vetoId == null ? null
                : new VetoView(vetoId, rs.getString("veto_reasoning"), rs.getString("vetoed_by"),
                instant(rs, "vetoed_at"), links.veto(vetoId)));
    }

    private BallotSummaryView summary(ResultSet rs, int row) throws SQLException {
        BallotRequest request = json.read(rs.getString("request"), BallotRequest.class);
        String outcome = rs.getString("outcome");
        return new BallotSummaryView(rs.getLong("position"), rs.getString("ballot_id"),
                BallotStatus.valueOf(rs.getString("status")), request.subjectKind(), request.subjectId(),
                request.question(), BallotBody.valueOf(rs.getString("body")), request.moduleId(),
                DecisionMethod.valueOf(rs.getString("method")), request.deadline(), instant(rs, "opened_at"),
                instant(rs, "closed_at"), outcome == null ? null : BallotOutcome.valueOf(outcome),
                rs.getString("veto_id"));
    }
}
