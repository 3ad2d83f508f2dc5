package dev.charter.nomination.copy;

import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.CloseReason;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.Recusal;
import dev.charter.contracts.voting.Tally;
import dev.charter.contracts.voting.VotingEvent.BallotCancelled;
import dev.charter.contracts.voting.VotingEvent.BallotClosed;
import dev.charter.contracts.voting.VotingEvent.BallotOpened;
import dev.charter.contracts.voting.VotingEvent.MemberRecused;
import dev.charter.contracts.voting.VotingEvent.VoteCast;
import dev.charter.nomination.election.Election;
import dev.charter.nomination.proposal.ModuleProposal;
import dev.charter.nomination.seat.Nomination;
import dev.charter.platform.consume.InboundEvent;
import dev.charter.platform.consume.InboundEventHandler;
import dev.charter.platform.jdbc.Columns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.charter.platform.jdbc.Columns.instant;
import static dev.charter.platform.jdbc.Columns.ts;

/**
 * This service's copy of the ballots it requested, from the voting stream: status, frozen electorate,
 * recusals, every vote as cast, and the full tally with every round once closed — what the nomination and
 * election details show. Ballots of other services are skipped. Idempotent: the platform skips a re-delivered
 * event id, and every statement is an insert-if-absent, an upsert or an update to the same values.
 */
@Component
public class BallotCopy {

    private static final Set<String> OUR_SUBJECTS = Set.of(Nomination.SUBJECT_KIND, Election.SUBJECT_KIND,
            ModuleProposal.SUBJECT_KIND);

    private final JdbcClient jdbc;
    private final Columns columns;

    public BallotCopy(JdbcClient jdbc, Columns columns) {
        this.jdbc = jdbc;
        this.columns = columns;
    }

    public static boolean ours(String subjectKind) {
        return OUR_SUBJECTS.contains(subjectKind);
    }

    @InboundEventHandler
    public void on(BallotOpened event, InboundEvent<BallotOpened> envelope) {
        if (!ours(event.request().subjectKind())) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO ballot (ballot_id, request_id, subject_kind, subject_id, method, deadline, status,
                                            opened_at, electorate, recusals)
                        VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?) ON CONFLICT (ballot_id) DO NOTHING""")
                .params(event.ballotId(), event.request().requestId(), event.request().subjectKind(),
                        event.request().subjectId(), event.request().method().name(), ts(event.request().deadline()),
                        ts(envelope.time()), columns.json(event.electorate()), columns.json(event.recusals()))
                .update();
    }

    @InboundEventHandler
    public void on(VoteCast event, InboundEvent<VoteCast> envelope) {
        jdbc.sql("""
                        INSERT INTO ballot_vote (ballot_id, voter_id, choice, ranking, comment, cast_at)
                        SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM ballot WHERE ballot_id = ?)
                        ON CONFLICT (ballot_id, voter_id) DO UPDATE SET choice = EXCLUDED.choice,
                            ranking = EXCLUDED.ranking, comment = EXCLUDED.comment, cast_at = EXCLUDED.cast_at""")
                .params(event.ballotId(), event.voterId(), event.choice() == null ? null : event.choice().name(),
                        columns.json(event.ranking()), event.comment(), ts(envelope.time()),
                        event.ballotId())
                .update();
    }

    @InboundEventHandler
    public void on(MemberRecused event) {
        find(event.ballotId()).ifPresent(ballot -> {
            if (ballot.recusals().stream().anyMatch(r -> r.personId().equals(event.personId()))) {
                return; // already recorded
            }
            List<Recusal> recusals = new ArrayList<>(ballot.recusals());
            recusals.add(new Recusal(event.personId(), event.reason(), event.detail()));
            List<String> electorate = ballot.electorate().stream().filter(p -> !p.equals(event.personId())).toList();
            jdbc.sql("UPDATE ballot SET recusals = ?, electorate = ? WHERE ballot_id = ?")
                    .params(columns.json(recusals), columns.json(electorate), event.ballotId()).update();
        });
    }

    @InboundEventHandler
    public void on(BallotClosed event, InboundEvent<BallotClosed> envelope) {
        jdbc.sql("""
                        UPDATE ballot SET status = 'CLOSED', outcome = ?, close_reason = ?, closed_at = ?,
                                          decided_by = ?, tally = ?
                        WHERE ballot_id = ?""")
                .params(Columns.name(event.outcome()), Columns.name(event.closeReason()), ts(envelope.time()),
                        event.decidedBy(), columns.json(event.tally()), event.ballotId())
                .update();
    }

    @InboundEventHandler
    public void on(BallotCancelled event, InboundEvent<BallotCancelled> envelope) {
        jdbc.sql("UPDATE ballot SET status = 'CANCELLED', closed_at = ? WHERE ballot_id = ? AND status = 'OPEN'")
                .params(ts(envelope.time()), event.ballotId()).update();
    }

    /** The ballot as copied so far, with its votes. */
    public Optional<BallotView> find(String ballotId) {
        return jdbc.sql("SELECT * FROM ballot WHERE ballot_id = ?").param(ballotId)
                .query((rs, n) -> view(rs)).optional();
    }

    private BallotView view(ResultSet rs) throws SQLException {
        String ballotId = rs.getString("ballot_id");
        List<BallotView.VoteView> votes = jdbc.sql("""
                        SELECT voter_id, choice, ranking, comment, cast_at FROM ballot_vote WHERE ballot_id = ?
                        ORDER BY voter_id""")
                .param(ballotId)
                .query((v, i) -> new BallotView.VoteView(v.getString(1), v.getString(2),
                        columns.read(v.getString(3), Columns.STRINGS), v.getString(4),
                        instant(v, "cast_at")))
                .list();
        return new BallotView(ballotId, rs.getString("request_id"), rs.getString("subject_kind"),
                rs.getString("subject_id"), DecisionMethod.valueOf(rs.getString("method")),
                instant(rs, "deadline"), rs.getString("status"), instant(rs, "opened_at"),
                columns.read(rs.getString("electorate"), Columns.STRINGS),
                columns.read(rs.getString("recusals"), Columns.RECUSALS), votes,
                rs.getString("outcome") == null ? null : BallotOutcome.valueOf(rs.getString("outcome")),
                rs.getString("close_reason") == null ? null : CloseReason.valueOf(rs.getString("close_reason")),
                instant(rs, "closed_at"), rs.getString("decided_by"),
                columns.read(rs.getString("tally"), Tally.class));
    }
}
