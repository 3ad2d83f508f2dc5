package dev.charter.nomination.proposal;

import dev.charter.contracts.nominations.NominationEvent.ModuleProposalAccepted;
import dev.charter.contracts.nominations.NominationEvent.ModuleProposalAwaitingReasoning;
import dev.charter.contracts.nominations.NominationEvent.ModuleProposalBallotOpened;
import dev.charter.contracts.nominations.NominationEvent.ModuleProposalDeclined;
import dev.charter.contracts.nominations.NominationEvent.ModuleProposalReviewRequested;
import dev.charter.contracts.nominations.NominationEvent.ModuleProposalSubmitted;
import dev.charter.contracts.nominations.NominationEvent.ModuleProposalWithdrawn;
import dev.charter.contracts.voting.BallotIds;
import dev.charter.contracts.voting.TallySummary;
import dev.charter.nomination.proposal.ModuleProposalCommands.ProposalVerdict;
import dev.charter.platform.jdbc.Columns;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static dev.charter.platform.jdbc.Columns.name;
import static dev.charter.platform.jdbc.Columns.ts;

/**
 * Module proposals (R15) with their ground work, ballot and decision, for the REST reads. A tracking processor of
 * its own ({@value #PROCESSING_GROUP}), replayable alone: a reset empties its table, and every handler is an
 * insert-if-absent or an update to the event's values.
 */
@Component
@ProcessingGroup(ModuleProposalProjection.PROCESSING_GROUP)
public class ModuleProposalProjection {

    public static final String PROCESSING_GROUP = "module-proposals";
    private final JdbcClient jdbc;
    private final Columns columns;

    public ModuleProposalProjection(JdbcClient jdbc, Columns columns) {
        this.jdbc = jdbc;
        this.columns = columns;
    }

    @EventHandler
    void on(ModuleProposalSubmitted event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO module_proposal (proposal_id, action, module_id, name, kind, location, description,
                            ground_work, settings, initial_maintainers, proposed_by, status, submitted_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'IN_REVIEW', ?)
                        ON CONFLICT (proposal_id) DO NOTHING""")
                .params(event.proposalId(), event.action().name(), event.moduleId(), event.name(), name(event.kind()),
                        event.location(), event.description(), columns.json(event.groundWork()),
                        columns.json(event.settings()), columns.json(event.initialMaintainers()), event.proposedBy(),
                        ts(at))
                .update();
    }

    @EventHandler
    void on(ModuleProposalReviewRequested event) {
        String requestId = event.ballotRequest().requestId();
        jdbc.sql("UPDATE module_proposal SET ballot_request_id = ?, ballot_id = ? WHERE proposal_id = ?")
                .params(requestId, BallotIds.forRequest(requestId), event.proposalId()).update();
    }

    @EventHandler
    void on(ModuleProposalBallotOpened event) {
        jdbc.sql("UPDATE module_proposal SET ballot_id = ? WHERE proposal_id = ?")
                .params(event.ballotId(), event.proposalId()).update();
    }

    @EventHandler
    void on(ModuleProposalAwaitingReasoning event) {
        jdbc.sql("UPDATE module_proposal SET status = 'AWAITING_REASONING', ballot_id = ? WHERE proposal_id = ?")
                .params(event.ballotId(), event.proposalId()).update();
    }

    @EventHandler
    void on(ModuleProposalAccepted event, @Timestamp Instant at) {
        decided(event.proposalId(), ProposalVerdict.ACCEPTED, event.reasoning(), event.decidedBy(), at,
                event.ballotId(), event.tally(), event.rulesVersion());
    }

    @EventHandler
    void on(ModuleProposalDeclined event, @Timestamp Instant at) {
        decided(event.proposalId(), ProposalVerdict.DECLINED, event.reasoning(), event.decidedBy(), at,
                event.ballotId(), event.tally(), event.rulesVersion());
    }

    @EventHandler
    void on(ModuleProposalWithdrawn event, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE module_proposal SET status = 'WITHDRAWN', withdrawn_by = ?, withdrawal_reason = ?,
                                                   withdrawn_at = ?
                        WHERE proposal_id = ?""")
                .params(event.withdrawnBy(), event.reason(), ts(at), event.proposalId()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE module_proposal").update();
    }

    private void decided(String proposalId, ProposalVerdict verdict, String reasoning, String decidedBy, Instant at,
                         String ballotId, TallySummary tally, String rulesVersion) {
        jdbc.sql("""
                        UPDATE module_proposal SET status = ?, reasoning = ?, decided_by = ?, decided_at = ?,
                            ballot_id = ?, decision_tally = ?, rules_version = ?
                        WHERE proposal_id = ?""")
                .params(verdict.name(), reasoning, decidedBy, ts(at), ballotId, columns.json(tally), rulesVersion,
                        proposalId)
                .update();
    }
}
