package dev.charter.contracts.disputes;

import dev.charter.contracts.EventRevision;
import dev.charter.contracts.PublicEvent;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotCancelling;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.BallotRequesting;
import dev.charter.contracts.voting.CloseReason;
import dev.charter.contracts.voting.Recusal;
import dev.charter.contracts.voting.TallySummary;

import java.time.Instant;
import java.util.List;

/**
 * The events of the disputes stream ({@code charter.disputes.v1}): disputes between maintainer groups and their
 * escalation to the core maintainers (R5, R6, R8), vetoes of module-level decisions (R7) and controversial-change
 * proposals (R17). The aggregate id is the dispute id, the veto id or the proposal id. Everything here is public
 * (R6); the decision events carry their public reasoning (R7) and the rules version they were taken under.
 */
public sealed interface DisputeEvent extends PublicEvent {

    // --- disputes (R5, R6)

    /**
     * R5: a maintainer of one module disputes a decision of another module's group. The respondent group (the
     * decision's module) answers by {@code responseDueAt}; without an answer by then the dispute escalates by
     * itself.
     *
     * @param disputedBy        the disputing person
     * @param disputantModuleId the module on whose behalf they dispute (one they maintain)
     * @param links             supporting links (https)
     * @param responseWindow    the response window in force, ISO-8601 (e.g. {@code P14D})
     */
    @EventRevision(1)
    record DisputeOpened(String disputeId, ModuleDecision decision, String disputedBy, String disputantModuleId,
                         String statement, List<String> links, String responseWindow, Instant responseDueAt,
                         String rulesVersion) implements DisputeEvent {
    }

    /**
     * R5, R6: a member of the respondent group published the group's answer: a public explanation, the relevant
     * arguments and the resolution.
     */
    @EventRevision(1)
    record DisputeAnswered(String disputeId, String respondentModuleId, String answeredBy, String explanation,
                           String arguments, String resolution) implements DisputeEvent {
    }

    /** R5: the disputing side accepted the respondent group's resolution; the dispute is resolved. */
    @EventRevision(1)
    record DisputeResolved(String disputeId, String acceptedBy) implements DisputeEvent {
    }

    /**
     * R5: the dispute escalated to the core maintainers — by the disputing side after the answer, or by itself
     * ({@code automatic}) when the response window passed without an answer. voting-service opens the core
     * maintainers' ballot on upholding the disputed decision (majority; a tie goes to the lead, R8).
     *
     * @param escalatedBy the person, or {@code system:dispute} for an automatic escalation
     */
    @EventRevision(1)
    record DisputeEscalated(String disputeId, String escalatedBy, String reason, boolean automatic,
                            BallotRequest ballotRequest) implements DisputeEvent, BallotRequesting {
    }

    /**
     * The disputing person withdrew the dispute before a ruling. voting-service cancels the escalation ballot if
     * one is open.
     *
     * @param ballotRequestId the escalation ballot's request, or null when the dispute had not escalated
     */
    @EventRevision(1)
    record DisputeWithdrawn(String disputeId, String withdrawnBy, String reason, String ballotRequestId)
            implements DisputeEvent, BallotCancelling {

        @Override
        public String cancellationReason() {
            return "Dispute " + disputeId + " was withdrawn by " + withdrawnBy + ": " + reason;
        }
    }

    /** The escalation ballot opened (copied from the voting stream): its frozen electorate and recusals. */
    @EventRevision(1)
    record EscalationBallotOpened(String disputeId, String ballotId, List<String> electorate,
                                  List<Recusal> recusals) implements DisputeEvent {
    }

    /** R8: the core maintainers tied on the escalation; the lead decides (on the voting ballot). */
    @EventRevision(1)
    record EscalationReferredToLead(String disputeId, String ballotId, String lead, TallySummary tally)
            implements DisputeEvent {
    }

    /**
     * The escalation ballot closed; the dispute waits for the ruling's public reasoning, whose outcome must be the
     * ballot's.
     *
     * @param decidedBy the lead, when the lead decided a tie (R8): then the lead publishes the ruling
     */
    @EventRevision(1)
    record DisputeAwaitingRuling(String disputeId, String ballotId, TallySummary tally, CloseReason closeReason,
                                 String decidedBy) implements DisputeEvent {
    }

    /**
     * R5, R7, R8: the core maintainers ruled on the escalated dispute, with public reasoning published by one of
     * them (by the lead when the lead decided a tie).
     */
    @EventRevision(1)
    record DisputeRuled(String disputeId, ModuleDecision decision, RulingOutcome outcome, String reasoning,
                        String ruledBy, String ballotId, TallySummary tally, String rulesVersion)
            implements DisputeEvent {
    }

    // --- vetoes (R7)

    /**
     * R7: a core maintainer proposed to veto a module-level decision, with reasoning; voting-service opens the
     * core maintainers' ballot (majority; a tie goes to the lead, R8). One veto per decision: the veto id is
     * derived from the decision id.
     *
     * @param vetoWindow   the veto window in force, ISO-8601 (e.g. {@code P90D})
     * @param windowEndsAt the end of the window: the decision's time plus the window
     */
    @EventRevision(1)
    record VetoProposed(String vetoId, ModuleDecision decision, String proposedBy, String reasoning,
                        String vetoWindow, Instant windowEndsAt, BallotRequest ballotRequest)
            implements DisputeEvent, BallotRequesting {
    }

    /** The veto ballot opened (copied from the voting stream): its frozen electorate and recusals. */
    @EventRevision(1)
    record VetoBallotOpened(String vetoId, String ballotId, List<String> electorate, List<Recusal> recusals)
            implements DisputeEvent {
    }

    /** R8: the core maintainers tied on the veto; the lead decides (on the voting ballot). */
    @EventRevision(1)
    record VetoReferredToLead(String vetoId, String ballotId, String lead, TallySummary tally)
            implements DisputeEvent {
    }

    /**
     * The veto ballot closed; a core maintainer of its electorate (the lead, when the lead decided a tie)
     * publishes the decision's reasoning, whose outcome must be the ballot's.
     */
    @EventRevision(1)
    record VetoAwaitingReasoning(String vetoId, String ballotId, TallySummary tally, CloseReason closeReason,
                                 String decidedBy) implements DisputeEvent {
    }

    /**
     * R7: the core maintainers vetoed the decision, with public reasoning. The owning services undo it: the
     * registry ends a vetoed appointment (MODULE_NOMINATION confirmed) and restores vetoed settings
     * (SETTINGS_CHANGE); voting-service shows a vetoed motion as vetoed (MOTION).
     */
    @EventRevision(1)
    record VetoCarried(String vetoId, ModuleDecision decision, String proposedBy, String reasoning, String decidedBy,
                       String ballotId, TallySummary tally, String rulesVersion) implements DisputeEvent {
    }

    /** R7: the core maintainers did not veto the decision, with public reasoning; the decision stands. */
    @EventRevision(1)
    record VetoRejected(String vetoId, ModuleDecision decision, String proposedBy, String reasoning,
                        String decidedBy, String ballotId, TallySummary tally, String rulesVersion)
            implements DisputeEvent {
    }

    // --- controversial changes (R17)

    /**
     * R17: a controversial change was proposed with its linked discussion issue. Every body that must approve it
     * decides separately, by its own rule; their ballots are requested together, one
     * {@link ChangeApprovalRequested} each, right after this event.
     *
     * @param discussionIssue the https URL of the GitHub issue opened for discussion
     * @param approvals       the bodies that must approve: the core maintainers first, then each affected module
     */
    @EventRevision(1)
    record ChangeProposed(String proposalId, ChangeKind kind, String title, String summary,
                          List<String> affectedModules, String discussionIssue, String proposedBy,
                          List<Approval> approvals, String rulesVersion) implements DisputeEvent {
    }

    /** R17: one body's approval ballot is requested; voting-service opens it. */
    @EventRevision(1)
    record ChangeApprovalRequested(String proposalId, BallotRequest ballotRequest)
            implements DisputeEvent, BallotRequesting {
    }

    /** An approval ballot opened (copied from the voting stream): its frozen electorate and recusals. */
    @EventRevision(1)
    record ChangeApprovalOpened(String proposalId, String ballotId, BallotBody body, String moduleId,
                                List<String> electorate, List<Recusal> recusals) implements DisputeEvent {
    }

    /** R8: the core maintainers tied on the proposal; the lead decides (on the voting ballot). */
    @EventRevision(1)
    record ChangeApprovalReferredToLead(String proposalId, String ballotId, String lead, TallySummary tally)
            implements DisputeEvent {
    }

    /**
     * An approval ballot closed (copied from the voting stream).
     *
     * @param decidedBy the lead, when the lead decided a tie of the core maintainers (R8)
     */
    @EventRevision(1)
    record ChangeApprovalClosed(String proposalId, String ballotId, BallotBody body, String moduleId,
                                BallotOutcome outcome, TallySummary tally, CloseReason closeReason,
                                String decidedBy) implements DisputeEvent {
    }

    /**
     * An approval ballot still open is moot — another body rejected the proposal, or it was withdrawn:
     * voting-service cancels it.
     */
    @EventRevision(1)
    record ChangeApprovalCancelled(String proposalId, String ballotRequestId, String reason)
            implements DisputeEvent, BallotCancelling {

        @Override
        public String cancellationReason() {
            return reason;
        }
    }

    /**
     * R17: the verdict is known — every ballot carried (APPROVED), or one did not (REJECTED, as soon as it
     * closed). A core maintainer publishes the reasoning of the result.
     */
    @EventRevision(1)
    record ChangeAwaitingReasoning(String proposalId, ChangeVerdict verdict, List<Approval> approvals)
            implements DisputeEvent {
    }

    /** R17: the core maintainers and every affected module's group approved the change, with public reasoning. */
    @EventRevision(1)
    record ChangeApproved(String proposalId, ChangeKind kind, String title, List<String> affectedModules,
                          String discussionIssue, List<Approval> approvals, String reasoning, String decidedBy,
                          String rulesVersion) implements DisputeEvent {
    }

    /** R17: the change was rejected, by the body whose ballot did not carry, with public reasoning. */
    @EventRevision(1)
    record ChangeRejected(String proposalId, ChangeKind kind, String title, List<String> affectedModules,
                          String discussionIssue, List<Approval> approvals, String reasoning, String decidedBy,
                          String rulesVersion) implements DisputeEvent {
    }

    /** The proposer withdrew the proposal before its result; its open ballots are cancelled. */
    @EventRevision(1)
    record ChangeWithdrawn(String proposalId, String withdrawnBy, String reason) implements DisputeEvent {
    }
}
