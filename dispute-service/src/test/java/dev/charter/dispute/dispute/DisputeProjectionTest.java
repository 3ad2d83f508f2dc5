package dev.charter.dispute.dispute;

import dev.charter.contracts.disputes.DisputeEvent.DisputeAwaitingRuling;
import dev.charter.contracts.disputes.DisputeEvent.DisputeResolved;
import dev.charter.contracts.disputes.DisputeEvent.DisputeRuled;
import dev.charter.contracts.disputes.DisputeEvent.DisputeWithdrawn;
import dev.charter.contracts.disputes.DisputeEvent.EscalationReferredToLead;
import dev.charter.contracts.disputes.RulingOutcome;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.CloseReason;
import dev.charter.dispute.ProjectionDatabase;
import dev.charter.dispute.ballot.BallotState;
import dev.charter.dispute.dispute.DisputeViews.DisputeFilter;
import dev.charter.dispute.dispute.DisputeViews.DisputeView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;

import static dev.charter.dispute.Fixtures.MOTION;
import static dev.charter.dispute.Fixtures.RULES;
import static dev.charter.dispute.Fixtures.T0;
import static dev.charter.dispute.Fixtures.tally;
import static org.assertj.core.api.Assertions.assertThat;

/** The dispute projection on a real PostgreSQL: {@code on(event)}, then the query. */
class DisputeProjectionTest {

    static final Instant AT = T0.plusSeconds(60);
    private static JdbcClient jdbc;
    private static DisputeProjection projection;
    private static DisputeQueries queries;

    @BeforeAll
    static void database() {
        jdbc = ProjectionDatabase.create();
        projection = new DisputeProjection(jdbc, ProjectionDatabase.json());
        queries = new DisputeQueries(jdbc, ProjectionDatabase.json());
    }

    @Test
    @DisplayName("R5, R6, R8: a dispute's answer, escalation, ballot, referral to the lead and ruling are all shown, and a replay changes nothing")
    void wholeDispute() {
        projection.reset();
        for (int run = 0; run < 2; run++) {
            projection.on(DisputeTest.opened(), T0);
            projection.on(DisputeTest.answeredEvent(), AT);
            projection.on(DisputeTest.escalatedEvent(), AT);
            projection.on(DisputeTest.ballotOpened());
            projection.on(new EscalationReferredToLead(DisputeTest.ID, DisputeTest.BALLOT_ID, "ada",
                    tally(2, 1, 1, BallotOutcome.TIED)));
            projection.on(new DisputeAwaitingRuling(DisputeTest.ID, DisputeTest.BALLOT_ID,
                    tally(2, 1, 1, BallotOutcome.REJECTED), CloseReason.DECIDED_BY_LEAD, "ada"));
            projection.on(new DisputeRuled(DisputeTest.ID, MOTION, RulingOutcome.OVERTURNED, "Vision's case is "
                    + "stronger.", "ada", DisputeTest.BALLOT_ID, tally(2, 1, 1, BallotOutcome.REJECTED), RULES), AT);
        }
        DisputeView view = queries.find(DisputeTest.ID).orElseThrow();
        assertThat(view.status()).isEqualTo(Dispute.Status.RULED);
        assertThat(view.decision()).isEqualTo(MOTION);
        assertThat(view.respondentModuleId()).isEqualTo("nn");
        assertThat(view.disputantModuleId()).isEqualTo("vision");
        assertThat(view.responseWindow()).isEqualTo("P14D");
        assertThat(view.answer().resolution()).isEqualTo("We keep the API and ship an adapter for vision.");
        assertThat(view.escalation().automatic()).isFalse();
        assertThat(view.ballot().status()).isEqualTo(BallotState.Status.CLOSED);
        assertThat(view.ballot().electorate()).containsExactly("ada", "grace", "linus");
        assertThat(view.ballot().lead()).isEqualTo("ada");
        assertThat(view.ballot().decidedBy()).isEqualTo("ada");
        assertThat(view.ruling().outcome()).isEqualTo(RulingOutcome.OVERTURNED);
        assertThat(view.ruling().ruledBy()).isEqualTo("ada");
        assertThat(queries.list(new DisputeFilter(null, null, null, null), 0, 10)).hasSize(1);
    }

    @Test
    @DisplayName("R6: disputes are listed per module (respondent or disputing), status, decision and whether open")
    void listedPerModule() {
        projection.reset();
        projection.on(DisputeTest.opened(), T0);
        projection.on(DisputeTest.answeredEvent(), AT);
        projection.on(new DisputeResolved(DisputeTest.ID, "vera"), AT);
        assertThat(ids(new DisputeFilter("nn", null, null, null))).containsExactly(DisputeTest.ID);
        assertThat(ids(new DisputeFilter("vision", null, null, null))).containsExactly(DisputeTest.ID);
        assertThat(ids(new DisputeFilter("audio", null, null, null))).isEmpty();
        assertThat(ids(new DisputeFilter(null, Dispute.Status.RESOLVED, MOTION.decisionId(), false)))
                .containsExactly(DisputeTest.ID);
        assertThat(ids(new DisputeFilter(null, null, null, true))).isEmpty();
        assertThat(ids(new DisputeFilter(null, null, "motion:other", null))).isEmpty();
        assertThat(queries.find(DisputeTest.ID).orElseThrow().resolution().acceptedBy()).isEqualTo("vera");
    }

    @Test
    @DisplayName("R5: a withdrawal after the escalation shows the ballot cancelled")
    void withdrawnCancelsBallot() {
        projection.reset();
        projection.on(DisputeTest.opened(), T0);
        projection.on(DisputeTest.answeredEvent(), AT);
        projection.on(DisputeTest.escalatedEvent(), AT);
        projection.on(new DisputeWithdrawn(DisputeTest.ID, "vera", "Settled.", DisputeTest.REQUEST), AT);
        DisputeView view = queries.find(DisputeTest.ID).orElseThrow();
        assertThat(view.status()).isEqualTo(Dispute.Status.WITHDRAWN);
        assertThat(view.withdrawal().reason()).isEqualTo("Settled.");
        assertThat(view.ballot().status()).isEqualTo(BallotState.Status.CANCELLED);
    }

    private static java.util.List<String> ids(DisputeFilter filter) {
        return queries.list(filter, 0, 10).stream().map(DisputeView::disputeId).toList();
    }
}
