package dev.charter.nomination.proposal;

import dev.charter.contracts.disputes.ModuleSettings;
import dev.charter.contracts.nominations.GroundWork;
import dev.charter.contracts.nominations.ProposalAction;
import dev.charter.contracts.registry.ModuleKind;
import dev.charter.contracts.voting.CloseReason;
import dev.charter.contracts.voting.Recusal;
import dev.charter.contracts.voting.TallySummary;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Commands of the {@link ModuleProposal} aggregate (R15). */
public final class ModuleProposalCommands {

    private ModuleProposalCommands() {
    }

    /**
     * @param moduleId           normalised: the module added, re-scoped or retired
     * @param initialMaintainers ADD: normalised person ids
     * @param facts              what the roster copy says of the module and the initial maintainers now
     */
    public record SubmitModuleProposal(@TargetAggregateIdentifier String proposalId, ProposalAction action,
                                       String moduleId, String name, ModuleKind kind, String location,
                                       String description, GroundWork groundWork, ModuleSettings settings,
                                       List<String> initialMaintainers, String proposedBy, Instant submittedAt,
                                       ProposalFacts facts) {
    }

    public record WithdrawModuleProposal(@TargetAggregateIdentifier String proposalId, String withdrawnBy,
                                         String reason) {
    }

    /** From the voting stream: the core maintainers' ballot opened with this frozen electorate. */
    public record RecordProposalBallotOpened(@TargetAggregateIdentifier String proposalId, String ballotId,
                                             String requestId, List<String> electorate, List<Recusal> recusals) {
    }

    /** From the voting stream: the ballot closed. */
    public record RecordProposalBallotClosed(@TargetAggregateIdentifier String proposalId, String ballotId,
                                             String requestId, TallySummary tally, CloseReason closeReason,
                                             String decidedBy) {
    }

    /** Answered with the decision as published. */
    public record PublishProposalDecision(@TargetAggregateIdentifier String proposalId, String decidedBy,
                                          ProposalVerdict verdict, String reasoning, String rulesVersion,
                                          Instant decidedAt) {
    }

    /** What the core maintainers decided on a proposal (R15). */
    public enum ProposalVerdict {
        ACCEPTED, DECLINED
    }
}
