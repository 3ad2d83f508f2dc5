package dev.charter.nomination.seat;

import dev.charter.contracts.nominations.DossierAuthor;
import dev.charter.contracts.nominations.NominationEvent.EvidenceAdded;
import dev.charter.contracts.nominations.NominationEvent.LetterOfSupportAdded;
import dev.charter.contracts.nominations.NominationEvent.NominationAwaitingReasoning;
import dev.charter.contracts.nominations.NominationEvent.NominationConfirmed;
import dev.charter.contracts.nominations.NominationEvent.NominationDeclined;
import dev.charter.contracts.nominations.NominationEvent.NominationReviewRequested;
import dev.charter.contracts.nominations.NominationEvent.NominationScheduledForReview;
import dev.charter.contracts.nominations.NominationEvent.NominationSubmitted;
import dev.charter.contracts.nominations.NominationEvent.NominationWithdrawn;
import dev.charter.contracts.nominations.NominationEvent.ReviewBallotOpened;
import dev.charter.contracts.nominations.NominationEvent.TestimonialAdded;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotIds;
import dev.charter.contracts.voting.TallySummary;
import dev.charter.nomination.seat.NominationViews.EntryType;
import dev.charter.platform.jdbc.Columns;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

import static dev.charter.platform.jdbc.Columns.name;
import static dev.charter.platform.jdbc.Columns.ts;

/**
 * Nominations with their dossiers and decisions, for the REST reads. A tracking processor of its own
 * ({@value #PROCESSING_GROUP}), replayable alone: a reset empties its tables, and every handler is an
 * insert-if-absent or an update to the event's values, so re-running events rebuilds the same rows.
 */
@Component
@ProcessingGroup(NominationProjection.PROCESSING_GROUP)
public class NominationProjection {

    public static final String PROCESSING_GROUP = "nominations";
    private final JdbcClient jdbc;
    private final Columns columns;

    public NominationProjection(JdbcClient jdbc, Columns columns) {
        this.jdbc = jdbc;
        this.columns = columns;
    }

    @EventHandler
    void on(NominationSubmitted event, @Timestamp Instant at) {
        DossierAuthor nominator = event.nominatedBy();
        jdbc.sql("""
                        INSERT INTO nomination (nomination_id, kind, person_id, role, module_id, nominated_by,
                            nominator_standing, nominator_modules, status, submitted_at, statement, contributions,
                            grounds, body, body_module_id, rule_method, rule_threshold, rule_base, rule_quorum)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'IN_REVIEW', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (nomination_id) DO NOTHING""")
                .params(event.nominationId(), event.kind().name(), event.personId(), event.role().name(),
                        event.moduleId(), nominator.personId(), nominator.standing().name(),
                        columns.json(nominator.modules()), ts(at), event.statement(),
                        columns.json(event.contributions()), columns.json(event.grounds()),
                        event.decidingBody().name(),
                        event.decidingBody() == BallotBody.MODULE_MAINTAINERS
                                ? event.moduleId() : null,
                        event.decisionRule().method().name(), event.decisionRule().threshold(),
                        name(event.decisionRule().base()), event.decisionRule().quorum())
                .update();
    }

    @EventHandler
    void on(NominationScheduledForReview event) {
        jdbc.sql("""
                        UPDATE nomination SET status = 'SCHEDULED', cycle_id = ?, meeting_at = ?, cut_off_at = ?
                        WHERE nomination_id = ? AND status = 'IN_REVIEW' AND ballot_request_id IS NULL""")
                .params(event.cycleId(), ts(event.meetingAt()), ts(event.cutOffAt()), event.nominationId()).update();
    }

    @EventHandler
    void on(NominationReviewRequested event) {
        String requestId = event.ballotRequest().requestId();
        jdbc.sql("""
                        UPDATE nomination SET status = 'IN_REVIEW', ballot_request_id = ?, ballot_id = ?
                        WHERE nomination_id = ? AND status IN ('SCHEDULED', 'IN_REVIEW')""")
                .params(requestId, BallotIds.forRequest(requestId), event.nominationId()).update();
    }

    @EventHandler
    void on(ReviewBallotOpened event) {
        jdbc.sql("UPDATE nomination SET ballot_id = ? WHERE nomination_id = ?")
                .params(event.ballotId(), event.nominationId()).update();
    }

    @EventHandler
    void on(TestimonialAdded event, @Timestamp Instant at) {
        entry(event.entryId(), event.nominationId(), EntryType.TESTIMONIAL, event.author(), event.stance().name(),
                event.text(), List.of(), at);
    }

    @EventHandler
    void on(LetterOfSupportAdded event, @Timestamp Instant at) {
        entry(event.entryId(), event.nominationId(), EntryType.LETTER, event.author(), event.kind().name(),
                event.text(), List.of(), at);
    }

    @EventHandler
    void on(EvidenceAdded event, @Timestamp Instant at) {
        entry(event.entryId(), event.nominationId(), EntryType.EVIDENCE, event.author(), event.category().name(),
                event.summary(), event.links(), at);
    }

    @EventHandler
    void on(NominationAwaitingReasoning event) {
        jdbc.sql("UPDATE nomination SET status = 'AWAITING_REASONING', ballot_id = ? WHERE nomination_id = ?")
                .params(event.ballotId(), event.nominationId()).update();
    }

    @EventHandler
    void on(NominationConfirmed event, @Timestamp Instant at) {
        decided(event.nominationId(), Verdict.CONFIRMED, event.reasoning(), event.decidedBy(), at, event.ballotId(),
                event.tally(), event.rulesVersion());
    }

    @EventHandler
    void on(NominationDeclined event, @Timestamp Instant at) {
        decided(event.nominationId(), Verdict.DECLINED, event.reasoning(), event.decidedBy(), at, event.ballotId(),
                event.tally(), event.rulesVersion());
    }

    @EventHandler
    void on(NominationWithdrawn event, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE nomination SET status = 'WITHDRAWN', withdrawn_by = ?, withdrawal_reason = ?,
                                              withdrawn_at = ?
                        WHERE nomination_id = ?""")
                .params(event.withdrawnBy(), event.reason(), ts(at), event.nominationId()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE nomination, dossier_entry").update();
    }

    private void decided(String nominationId, Verdict verdict, String reasoning, String decidedBy, Instant at,
                         String ballotId, TallySummary tally, String rulesVersion) {
        jdbc.sql("""
                        UPDATE nomination SET status = ?, decision_outcome = ?, reasoning = ?, decided_by = ?,
                            decided_at = ?, ballot_id = ?, decision_tally = ?, rules_version = ?
                        WHERE nomination_id = ?""")
                .params(verdict.name(), verdict.name(), reasoning, decidedBy, ts(at), ballotId, columns.json(tally),
                        rulesVersion, nominationId)
                .update();
    }

    private void entry(String entryId, String nominationId, EntryType type, DossierAuthor author, String label,
                       String text, List<String> links, Instant at) {
        jdbc.sql("""
                        INSERT INTO dossier_entry (entry_id, nomination_id, entry_type, author_id, author_standing,
                                                   author_modules, label, text, links, added_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (entry_id) DO NOTHING""")
                .params(entryId, nominationId, type.name(), author.personId(), author.standing().name(),
                        columns.json(author.modules()), label, text, columns.json(links == null ? List.of() : links),
                        ts(at))
                .update();
    }
}
