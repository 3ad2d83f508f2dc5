package dev.charter.nomination.proposal;

import dev.charter.contracts.disputes.ModuleSettings;
import dev.charter.contracts.nominations.GroundWork;
import dev.charter.contracts.nominations.ProposalAction;
import dev.charter.contracts.registry.ModuleKind;
import dev.charter.contracts.voting.TallySummary;
import dev.charter.nomination.proposal.ModuleProposalCommands.ProposalVerdict;
import dev.charter.nomination.seat.NominationViews.WithdrawalView;

import java.time.Instant;
import java.util.List;

/** What the module proposal queries answer. */
public final class ModuleProposalViews {

    private ModuleProposalViews() {
    }

    /**
     * @param seq             position in submission order (the pagination key)
     * @param ballotRequestId the core maintainers' ballot's request
     */
    public record ModuleProposalView(long seq, String proposalId, ProposalAction action, String moduleId, String name,
                                     ModuleKind kind, String location, String description, GroundWork groundWork,
                                     ModuleSettings settings, List<String> initialMaintainers, String proposedBy,
                                     ModuleProposal.Status status, Instant submittedAt, String ballotRequestId,
                                     String ballotId, ProposalDecisionView decision, WithdrawalView withdrawal) {
    }

    public record ProposalDecisionView(ProposalVerdict outcome, String reasoning, String decidedBy, Instant decidedAt,
                                       String ballotId, TallySummary tally, String rulesVersion) {
    }

    /** Filters of the proposal list; null means any. */
    public record ProposalFilter(Boolean open, ModuleProposal.Status status, ProposalAction action, String moduleId) {
    }
}
