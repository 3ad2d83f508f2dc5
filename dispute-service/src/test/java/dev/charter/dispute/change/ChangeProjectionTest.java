package dev.charter.dispute.change;

import dev.charter.contracts.disputes.Approval;
import dev.charter.contracts.disputes.ApprovalOutcome;
import dev.charter.contracts.disputes.ChangeKind;
import dev.charter.contracts.disputes.ChangeVerdict;
import dev.charter.contracts.disputes.DisputeEvent.ChangeApprovalCancelled;
import dev.charter.contracts.disputes.DisputeEvent.ChangeApprovalClosed;
import dev.charter.contracts.disputes.DisputeEvent.ChangeApprovalOpened;
import dev.charter.contracts.disputes.DisputeEvent.ChangeAwaitingReasoning;
import dev.charter.contracts.disputes.DisputeEvent.ChangeProposed;
import dev.charter.contracts.disputes.DisputeEvent.ChangeRejected;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotIds;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.CloseReason;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.dispute.ProjectionDatabase;
import dev.charter.dispute.ballot.BallotState;
import dev.charter.dispute.change.ChangeViews.ApprovalView;
import dev.charter.dispute.change.ChangeViews.ChangeFilter;
import dev.charter.dispute.change.ChangeViews.ChangeView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.charter.dispute.Fixtures.RULES;
import static dev.charter.dispute.Fixtures.T0;
import static dev.charter.dispute.Fixtures.tally;
import static org.assertj.core.api.Assertions.assertThat;

/** The controversial-change projection on a real PostgreSQL: {@code on(event)}, then the query. */
class ChangeProjectionTest {

    static final String ID = "c-1";
    static final String CORE = ChangeProposal.coreRequestId(ID);
    static final String NN = ChangeProposal.moduleRequestId(ID, "nn");
    static final String ISSUE = "https://github.com/org/repo/issues/100";
    private static ChangeProjection projection;
    private static ChangeQueries queries;

    @BeforeAll
    static void database() {
        var jdbc = ProjectionDatabase.create();
        projection = new ChangeProjection(jdbc, ProjectionDatabase.json());
        queries = new ChangeQueries(jdbc, ProjectionDatabase.json());
    }

    @Test
    @DisplayName("R17: every body's approval is shown — opened, closed, cancelled — with the verdict and its reasoning; a replay changes nothing")
    void rejectedProposal() {
        projection.reset();
        List<Approval> approvals = List.of(approval(CORE, BallotBody.CORE_MAINTAINERS, null),
                approval(NN, BallotBody.MODULE_MAINTAINERS, "nn"));
        for (int run = 0; run < 2; run++) {
            projection.on(new ChangeProposed(ID, ChangeKind.CORE_REMOVAL, "Drop Python 3.8", "Support ends.",
                    List.of("nn"), ISSUE, "dennis", approvals, RULES), T0);
            projection.on(new ChangeApprovalOpened(ID, BallotIds.forRequest(CORE), BallotBody.CORE_MAINTAINERS, null,
                    List.of("ada", "grace"), List.of()));
            projection.on(new ChangeApprovalClosed(ID, BallotIds.forRequest(NN), BallotBody.MODULE_MAINTAINERS, "nn",
                    BallotOutcome.REJECTED, tally(2, 0, 2, BallotOutcome.REJECTED), CloseReason.OUTCOME_SETTLED,
                    null));
            projection.on(new ChangeApprovalCancelled(ID, CORE, "Rejected by nn."));
            projection.on(new ChangeAwaitingReasoning(ID, ChangeVerdict.REJECTED, approvals));
            projection.on(new ChangeRejected(ID, ChangeKind.CORE_REMOVAL, "Drop Python 3.8", List.of("nn"), ISSUE,
                    approvals, "nn still needs 3.8.", "grace", RULES), T0.plusSeconds(60));
        }
        ChangeView view = queries.find(ID).orElseThrow();
        assertThat(view.status()).isEqualTo(ChangeProposal.Status.REJECTED);
        assertThat(view.discussionIssue()).isEqualTo(ISSUE);
        assertThat(view.result().verdict()).isEqualTo(ChangeVerdict.REJECTED);
        assertThat(view.result().decidedBy()).isEqualTo("grace");
        assertThat(view.approvals()).extracting(ApprovalView::outcome)
                .containsExactly(ApprovalOutcome.CANCELLED, ApprovalOutcome.REJECTED);
        assertThat(view.approvals().get(0).ballot().status()).isEqualTo(BallotState.Status.CANCELLED);
        assertThat(view.approvals().get(0).ballot().electorate()).containsExactly("ada", "grace");
        assertThat(view.approvals().get(1).ballot().tally().no()).isEqualTo(2);
        assertThat(queries.list(new ChangeFilter("nn", null), 0, 10)).hasSize(1);
        assertThat(queries.list(new ChangeFilter("vision", null), 0, 10)).isEmpty();
        assertThat(queries.list(new ChangeFilter(null, ChangeProposal.Status.VOTING), 0, 10)).isEmpty();
    }

    private static Approval approval(String requestId, BallotBody body, String moduleId) {
        return new Approval(body, moduleId, DecisionRule.majority(), requestId, BallotIds.forRequest(requestId),
                ApprovalOutcome.PENDING, null, null);
    }
}
