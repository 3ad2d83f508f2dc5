package dev.charter.dispute.change;

import dev.charter.contracts.disputes.ChangeKind;
import dev.charter.contracts.disputes.ChangeVerdict;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.CloseReason;
import dev.charter.contracts.voting.Recusal;
import dev.charter.contracts.voting.TallySummary;
import dev.charter.platform.roster.ModuleFacts;
import dev.charter.platform.roster.PersonStanding;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Commands of the {@link ChangeProposal} aggregate. */
public final class ChangeCommands {

    private ChangeCommands() {
    }

    /**
     * @param affectedModules the module ids as given
     * @param modules         the roster's facts of those modules, by id (an unknown module is absent)
     */
    public record ProposeChange(@TargetAggregateIdentifier String proposalId, ChangeKind kind, String title,
                                String summary, List<String> affectedModules, Map<String, ModuleFacts> modules,
                                String discussionIssue, PersonStanding proposer, Instant proposedAt,
                                String rulesVersion) {
    }

    /** From the voting stream: an approval ballot opened with this frozen electorate. */
    public record RecordApprovalOpened(@TargetAggregateIdentifier String proposalId, String ballotId,
                                       String requestId, List<String> electorate, List<Recusal> recusals) {
    }

    /** From the voting stream: the core maintainers tied; the lead decides (R8). */
    public record RecordApprovalReferredToLead(@TargetAggregateIdentifier String proposalId, String ballotId,
                                               String lead, TallySummary tally) {
    }

    /** From the voting stream: an approval ballot closed. */
    public record RecordApprovalClosed(@TargetAggregateIdentifier String proposalId, String ballotId,
                                       String requestId, BallotOutcome outcome, TallySummary tally,
                                       CloseReason closeReason, String decidedBy) {
    }

    public record PublishChangeResult(@TargetAggregateIdentifier String proposalId, PersonStanding person,
                                      ChangeVerdict verdict, String reasoning, String rulesVersion) {
    }

    public record WithdrawChange(@TargetAggregateIdentifier String proposalId, String personId, String reason) {
    }
}
