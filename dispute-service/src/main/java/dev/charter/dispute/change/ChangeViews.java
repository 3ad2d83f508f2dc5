package dev.charter.dispute.change;

import dev.charter.contracts.disputes.ApprovalOutcome;
import dev.charter.contracts.disputes.ChangeKind;
import dev.charter.contracts.disputes.ChangeVerdict;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.dispute.ballot.BallotState;

import java.time.Instant;
import java.util.List;

/** What the controversial-change queries answer. */
public final class ChangeViews {

    private ChangeViews() {
    }

    /**
     * A controversial-change proposal (R17) with every body's approval.
     *
     * @param seq position in proposal order (the pagination key)
     */
    public record ChangeView(long seq, String proposalId, ChangeKind kind, String title, String summary,
                             List<String> affectedModules, String discussionIssue, String proposedBy,
                             Instant proposedAt, ChangeProposal.Status status, String rulesVersion,
                             List<ApprovalView> approvals, ResultView result, WithdrawalView withdrawal) {
    }

    /** One body's approval: its rule, its ballot and how it ended. */
    public record ApprovalView(BallotBody body, String moduleId, DecisionRule rule, ApprovalOutcome outcome,
                               BallotState ballot) {

        ApprovalView with(ApprovalOutcome newOutcome, BallotState newBallot) {
            return new ApprovalView(body, moduleId, rule, newOutcome, newBallot);
        }
    }

    /** The verdict (known once the ballots decided it) and the reasoning published by a core maintainer. */
    public record ResultView(ChangeVerdict verdict, String reasoning, String decidedBy, Instant decidedAt,
                             String rulesVersion) {
    }

    public record WithdrawalView(String withdrawnBy, String reason, Instant withdrawnAt) {
    }

    /** Filters of the proposal list; null means any. */
    public record ChangeFilter(String moduleId, ChangeProposal.Status status) {
    }
}
