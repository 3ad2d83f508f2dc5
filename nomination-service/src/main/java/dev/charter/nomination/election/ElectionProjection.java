package dev.charter.nomination.election;

import dev.charter.contracts.nominations.NominationEvent.CandidacyAccepted;
import dev.charter.contracts.nominations.NominationEvent.CandidacyDeclared;
import dev.charter.contracts.nominations.NominationEvent.CandidacyDeclined;
import dev.charter.contracts.nominations.NominationEvent.CandidacyWindowReopened;
import dev.charter.contracts.nominations.NominationEvent.CandidateNominated;
import dev.charter.contracts.nominations.NominationEvent.ElectionOpened;
import dev.charter.contracts.nominations.NominationEvent.LeadElected;
import dev.charter.contracts.nominations.NominationEvent.LeadElectionBallotRequested;
import dev.charter.contracts.voting.BallotIds;
import dev.charter.nomination.election.Election.CandidateStatus;
import dev.charter.platform.jdbc.Columns;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static dev.charter.platform.jdbc.Columns.ts;

/**
 * Lead elections with their candidates and ballots, for the REST reads. A tracking processor of its own
 * ({@value #PROCESSING_GROUP}), replayable alone: a reset empties its tables, and every handler is an
 * insert-if-absent, an upsert or an update to the event's values.
 */
@Component
@ProcessingGroup(ElectionProjection.PROCESSING_GROUP)
public class ElectionProjection {

    public static final String PROCESSING_GROUP = "elections";
    private final JdbcClient jdbc;
    private final Columns columns;

    public ElectionProjection(JdbcClient jdbc, Columns columns) {
        this.jdbc = jdbc;
        this.columns = columns;
    }

    @EventHandler
    void on(ElectionOpened event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO election (election_id, vacancy_id, former_lead_id, reason, status, opened_at,
                                              candidacy_closes_at, eligible_candidates)
                        VALUES (?, ?, ?, ?, 'CANDIDACY', ?, ?, ?) ON CONFLICT (election_id) DO NOTHING""")
                .params(event.electionId(), event.vacancyId(), event.formerLeadId(), event.reason().name(), ts(at),
                        ts(event.candidacyClosesAt()), columns.json(event.eligibleCandidates()))
                .update();
    }

    @EventHandler
    void on(CandidacyDeclared event) {
        candidate(event.electionId(), event.personId(), CandidateStatus.STANDING, null);
    }

    @EventHandler
    void on(CandidateNominated event) {
        candidate(event.electionId(), event.personId(), CandidateStatus.NOMINATED, event.nominatedBy());
    }

    @EventHandler
    void on(CandidacyAccepted event) {
        candidate(event.electionId(), event.personId(), CandidateStatus.STANDING, null);
    }

    @EventHandler
    void on(CandidacyDeclined event) {
        candidate(event.electionId(), event.personId(), CandidateStatus.DECLINED, null);
    }

    @EventHandler
    void on(CandidacyWindowReopened event) {
        jdbc.sql("UPDATE election SET status = 'CANDIDACY', candidacy_closes_at = ? WHERE election_id = ?")
                .params(ts(event.candidacyClosesAt()), event.electionId()).update();
        jdbc.sql("DELETE FROM election_candidate WHERE election_id = ? AND status = 'DECLINED'")
                .param(event.electionId()).update();
    }

    @EventHandler
    void on(LeadElectionBallotRequested event, @Timestamp Instant at) {
        String requestId = event.ballotRequest().requestId();
        jdbc.sql("UPDATE election SET status = 'VOTING' WHERE election_id = ?").param(event.electionId()).update();
        jdbc.sql("""
                        INSERT INTO election_ballot (ballot_id, election_id, request_id, requested_at)
                        VALUES (?, ?, ?, ?) ON CONFLICT (ballot_id) DO NOTHING""")
                .params(BallotIds.forRequest(requestId), event.electionId(), requestId, ts(at)).update();
    }

    @EventHandler
    void on(LeadElected event, @Timestamp Instant at) {
        jdbc.sql("UPDATE election SET status = 'ELECTED', elected_lead_id = ?, elected_at = ? WHERE election_id = ?")
                .params(event.personId(), ts(at), event.electionId()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE election, election_candidate, election_ballot").update();
    }

    private void candidate(String electionId, String personId, CandidateStatus status, String nominatedBy) {
        jdbc.sql("""
                        INSERT INTO election_candidate (election_id, person_id, status, nominated_by)
                        VALUES (?, ?, ?, ?)
                        ON CONFLICT (election_id, person_id) DO UPDATE SET status = EXCLUDED.status,
                            nominated_by = COALESCE(EXCLUDED.nominated_by, election_candidate.nominated_by)""")
                .params(electionId, personId, status.name(), nominatedBy).update();
    }
}
