package dev.charter.dispute.dispute;

import dev.charter.contracts.disputes.ModuleDecision;
import dev.charter.contracts.disputes.RulingOutcome;
import dev.charter.contracts.voting.CloseReason;
import dev.charter.contracts.voting.Recusal;
import dev.charter.contracts.voting.TallySummary;
import dev.charter.platform.roster.PersonStanding;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Commands of the {@link Dispute} aggregate. */
public final class DisputeCommands {

    private DisputeCommands() {
    }

    /**
     * @param decision   the disputed decision, as found in this service's copies of the streams (or given)
     * @param onBehalfOf the disputant's module the dispute is for; may be omitted when they maintain one module
     */
    public record OpenDispute(@TargetAggregateIdentifier String disputeId, ModuleDecision decision,
                              PersonStanding disputant, String onBehalfOf, String statement, List<String> links,
                              Instant openedAt, String rulesVersion) {
    }

    public record AnswerDispute(@TargetAggregateIdentifier String disputeId, PersonStanding responder,
                                String explanation, String arguments, String resolution) {
    }

    public record AcceptResolution(@TargetAggregateIdentifier String disputeId, PersonStanding person) {
    }

    public record EscalateDispute(@TargetAggregateIdentifier String disputeId, PersonStanding person, String reason,
                                  Instant at) {
    }

    public record WithdrawDispute(@TargetAggregateIdentifier String disputeId, String personId, String reason) {
    }

    /** From the voting stream: the escalation ballot opened with this frozen electorate. */
    public record RecordEscalationBallotOpened(@TargetAggregateIdentifier String disputeId, String ballotId,
                                               String requestId, List<String> electorate,
                                               List<Recusal> recusals) {
    }

    /** From the voting stream: the core maintainers tied; the lead decides (R8). */
    public record RecordEscalationReferredToLead(@TargetAggregateIdentifier String disputeId, String ballotId,
                                                 String lead, TallySummary tally) {
    }

    /** From the voting stream: the escalation ballot closed. */
    public record RecordEscalationBallotClosed(@TargetAggregateIdentifier String disputeId, String ballotId,
                                               String requestId, TallySummary tally, CloseReason closeReason,
                                               String decidedBy) {
    }

    public record PublishRuling(@TargetAggregateIdentifier String disputeId, String personId, RulingOutcome outcome,
                                String reasoning, String rulesVersion) {
    }
}
