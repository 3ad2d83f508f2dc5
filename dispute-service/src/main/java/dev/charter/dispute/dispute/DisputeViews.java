package dev.charter.dispute.dispute;

import dev.charter.contracts.disputes.ModuleDecision;
import dev.charter.contracts.disputes.RulingOutcome;
import dev.charter.dispute.ballot.BallotState;

import java.time.Instant;
import java.util.List;

/** What the dispute queries answer. */
public final class DisputeViews {

    private DisputeViews() {
    }

    /**
     * A dispute and everything published about it (R6).
     *
     * @param seq position in opening order (the pagination key)
     */
    public record DisputeView(long seq, String disputeId, ModuleDecision decision, String respondentModuleId,
                              String disputantModuleId, String disputedBy, String statement, List<String> links,
                              Dispute.Status status, Instant openedAt, String responseWindow, Instant responseDueAt,
                              String rulesVersion, AnswerView answer, ResolutionView resolution,
                              EscalationView escalation, BallotState ballot, RulingView ruling,
                              WithdrawalView withdrawal) {
    }

    /** R5, R6: the respondent group's public answer. */
    public record AnswerView(String answeredBy, String explanation, String arguments, String resolution,
                             Instant answeredAt) {
    }

    /** R5: the disputing side accepted the resolution. */
    public record ResolutionView(String acceptedBy, Instant resolvedAt) {
    }

    /** @param automatic whether it escalated by itself when the response window passed */
    public record EscalationView(String escalatedBy, String reason, boolean automatic, Instant escalatedAt) {
    }

    public record RulingView(RulingOutcome outcome, String reasoning, String ruledBy, Instant ruledAt,
                             String rulesVersion) {
    }

    public record WithdrawalView(String withdrawnBy, String reason, Instant withdrawnAt) {
    }

    /**
     * Filters of the dispute list; null means any.
     *
     * @param moduleId the respondent or the disputing module
     * @param open     true: not resolved, ruled or withdrawn yet
     */
    public record DisputeFilter(String moduleId, Dispute.Status status, String decisionId, Boolean open) {
    }
}
