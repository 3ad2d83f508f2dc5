package dev.charter.dispute.veto;

import dev.charter.contracts.disputes.DisputeEvent.VetoAwaitingReasoning;
import dev.charter.contracts.disputes.DisputeEvent.VetoCarried;
import dev.charter.contracts.disputes.VetoOutcome;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.CloseReason;
import dev.charter.dispute.ProjectionDatabase;
import dev.charter.dispute.ballot.BallotState;
import dev.charter.dispute.veto.VetoViews.VetoFilter;
import dev.charter.dispute.veto.VetoViews.VetoView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static dev.charter.dispute.Fixtures.CONFIRMATION;
import static dev.charter.dispute.Fixtures.RULES;
import static dev.charter.dispute.Fixtures.T0;
import static dev.charter.dispute.Fixtures.tally;
import static org.assertj.core.api.Assertions.assertThat;

/** The veto projection on a real PostgreSQL: {@code on(event)}, then the query. */
class VetoProjectionTest {

    private static VetoProjection projection;
    private static VetoQueries queries;

    @BeforeAll
    static void database() {
        var jdbc = ProjectionDatabase.create();
        projection = new VetoProjection(jdbc, ProjectionDatabase.json());
        queries = new VetoQueries(jdbc, ProjectionDatabase.json());
    }

    @Test
    @DisplayName("R7: a carried veto is public with its proposal, window, ballot and reasoning, listed per module and per decision; a replay changes nothing")
    void carriedVeto() {
        projection.reset();
        for (int run = 0; run < 2; run++) {
            projection.on(VetoTest.proposedEvent(T0), T0);
            projection.on(VetoTest.ballotOpened());
            projection.on(new VetoAwaitingReasoning(VetoTest.ID, VetoTest.BALLOT_ID,
                    tally(3, 2, 1, BallotOutcome.CARRIED), CloseReason.OUTCOME_SETTLED, null));
            projection.on(new VetoCarried(VetoTest.ID, CONFIRMATION, "grace", "The group bypassed its process.",
                    "linus", VetoTest.BALLOT_ID, tally(3, 2, 1, BallotOutcome.CARRIED), RULES), T0.plusSeconds(60));
        }
        VetoView view = queries.find(VetoTest.ID).orElseThrow();
        assertThat(view.status()).isEqualTo(Veto.Status.CARRIED);
        assertThat(view.decision()).isEqualTo(CONFIRMATION);
        assertThat(view.proposalReasoning()).isEqualTo(VetoTest.REASONING);
        assertThat(view.vetoWindow()).isEqualTo("P90D");
        assertThat(view.windowEndsAt()).isEqualTo(VetoTest.WINDOW_ENDS);
        assertThat(view.ballot().status()).isEqualTo(BallotState.Status.CLOSED);
        assertThat(view.ballot().tally().yes()).isEqualTo(2);
        assertThat(view.outcome().outcome()).isEqualTo(VetoOutcome.CARRIED);
        assertThat(view.outcome().decidedBy()).isEqualTo("linus");
        assertThat(view.outcome().rulesVersion()).isEqualTo(RULES);
        assertThat(queries.list(new VetoFilter("nn-functional", null, null), 0, 10)).hasSize(1);
        assertThat(queries.list(new VetoFilter(null, Veto.Status.CARRIED, CONFIRMATION.decisionId()), 0, 10))
                .hasSize(1);
        assertThat(queries.list(new VetoFilter("nn", null, null), 0, 10)).isEmpty();
        assertThat(queries.list(new VetoFilter(null, Veto.Status.PROPOSED, null), 0, 10)).isEmpty();
    }
}
