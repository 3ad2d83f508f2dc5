package dev.charter.voting.ballot;

import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.Recusal;
import dev.charter.contracts.voting.VotingEvent.BallotCancelled;
import dev.charter.contracts.voting.VotingEvent.BallotClosed;
import dev.charter.contracts.voting.VotingEvent.BallotOpened;
import dev.charter.contracts.voting.VotingEvent.BallotReferredToLead;
import dev.charter.contracts.voting.VotingEvent.BallotVetoed;
import dev.charter.contracts.voting.VotingEvent.MemberRecused;
import dev.charter.contracts.voting.VotingEvent.VoteCast;
import dev.charter.platform.jdbc.Columns;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static dev.charter.platform.jdbc.Columns.ts;

/**
 * The ballots read model: every ballot with its frozen electorate, recusals, votes and result. A tracking
 * processor of its own ({@value #PROCESSING_GROUP}), so it can be replayed alone; a reset empties its tables.
 * Each handler writes the state after its event (insert-if-absent, upsert or update), so handling an event
 * again leaves the same rows.
 */
@Component
@ProcessingGroup(BallotProjection.PROCESSING_GROUP)
public class BallotProjection {

    public static final String PROCESSING_GROUP = "ballots";

    private final JdbcClient jdbc;
    private final Columns json;

    BallotProjection(JdbcClient jdbc, Columns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(BallotOpened event, @Timestamp Instant at) {
        var request = event.request();
        int inserted = jdbc.sql("""
                        INSERT INTO ballot (ballot_id, request_id, subject_kind, subject_id, body, method, status,
                                            request, electorate, recusals, lead, seed, rules_version, opened_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (ballot_id) DO NOTHING""")
                .params(event.ballotId(), request.requestId(), request.subjectKind(), request.subjectId(),
                        request.body().name(), request.method().name(), json.json(request), json.json(event.electorate()),
                        json.json(event.recusals()), event.lead(), event.seed(), event.rulesVersion(), ts(at))
                .update();
        if (inserted == 0) {
            return; // already projected
        }
        Set<String> modules = new LinkedHashSet<>();
        if (request.moduleId() != null) {
            modules.add(request.moduleId());
        }
        modules.addAll(request.affectedModules());
        modules.forEach(module -> jdbc.sql("INSERT INTO ballot_module (ballot_id, module_id) VALUES (?, ?) "
                + "ON CONFLICT DO NOTHING").params(event.ballotId(), module).update());
    }

    @EventHandler
    void on(VoteCast event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO ballot_vote (ballot_id, voter_id, choice, ranking, comment, changed, cast_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (ballot_id, voter_id) DO UPDATE SET choice = EXCLUDED.choice,
                            ranking = EXCLUDED.ranking, comment = EXCLUDED.comment, changed = EXCLUDED.changed,
                            cast_at = EXCLUDED.cast_at""")
                .params(event.ballotId(), event.voterId(), event.choice() == null ? null : event.choice().name(),
                        json.json(event.ranking() == null ? List.of() : event.ranking()), event.comment(), event.changed(),
                        ts(at))
                .update();
    }

    /** R10: the member leaves the electorate; their vote no longer counts. */
    @EventHandler
    void on(MemberRecused event) {
        jdbc.sql("SELECT electorate, recusals FROM ballot WHERE ballot_id = ?").param(event.ballotId())
                .query((rs, n) -> {
                    List<String> electorate = new ArrayList<>(json.read(rs.getString(1), Columns.STRINGS));
                    List<Recusal> recusals = new ArrayList<>(json.read(rs.getString(2), Columns.RECUSALS));
                    electorate.remove(event.personId());
                    recusals.removeIf(r -> r.personId().equals(event.personId()));
                    recusals.add(new Recusal(event.personId(), event.reason(), event.detail()));
                    return new Object[]{json.json(electorate), json.json(recusals)};
                })
                .optional()
                .ifPresent(row -> jdbc.sql("UPDATE ballot SET electorate = ?, recusals = ? WHERE ballot_id = ?")
                        .params(row[0], row[1], event.ballotId()).update());
        jdbc.sql("DELETE FROM ballot_vote WHERE ballot_id = ? AND voter_id = ?")
                .params(event.ballotId(), event.personId()).update();
    }

    @EventHandler
    void on(BallotReferredToLead event) {
        jdbc.sql("UPDATE ballot SET status = 'AWAITING_LEAD', outcome = ?, tally = ? WHERE ballot_id = ?")
                .params(BallotOutcome.TIED.name(), json.json(event.tally()), event.ballotId()).update();
    }

    @EventHandler
    void on(BallotClosed event, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE ballot SET status = 'CLOSED', closed_at = ?, outcome = ?, close_reason = ?, decided_by = ?,
                                          reasoning = ?, tally = ?
                        WHERE ballot_id = ?""")
                .params(ts(at), event.outcome().name(), event.closeReason().name(), event.decidedBy(),
                        event.reasoning(), json.json(event.tally()), event.ballotId())
                .update();
    }

    @EventHandler
    void on(BallotCancelled event, @Timestamp Instant at) {
        jdbc.sql("UPDATE ballot SET status = 'CANCELLED', closed_at = ?, cancel_reason = ? WHERE ballot_id = ?")
                .params(ts(at), event.reason(), event.ballotId()).update();
    }

    /** R7: the ballot keeps its outcome and tally and is shown as vetoed. */
    @EventHandler
    void on(BallotVetoed event, @Timestamp Instant at) {
        jdbc.sql("UPDATE ballot SET veto_id = ?, veto_reasoning = ?, vetoed_by = ?, vetoed_at = ? WHERE ballot_id = ?")
                .params(event.vetoId(), event.reasoning(), event.decidedBy(), ts(at), event.ballotId()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE ballot, ballot_module, ballot_vote").update();
    }
}
