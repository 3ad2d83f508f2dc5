package dev.charter.dispute.veto;

import dev.charter.contracts.disputes.ModuleDecision;
import dev.charter.contracts.disputes.VetoOutcome;
import dev.charter.contracts.voting.CloseReason;
import dev.charter.contracts.voting.Recusal;
import dev.charter.contracts.voting.TallySummary;
import dev.charter.platform.roster.PersonStanding;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Commands of the {@link Veto} aggregate. */
public final class VetoCommands {

    private VetoCommands() {
    }

    /** @param vetoId {@link Veto#idFor} the decision's id: one veto per decision */
    public record ProposeVeto(@TargetAggregateIdentifier String vetoId, ModuleDecision decision,
                              PersonStanding proposer, String reasoning, Instant proposedAt) {
    }

    /** From the voting stream: the veto ballot opened with this frozen electorate. */
    public record RecordVetoBallotOpened(@TargetAggregateIdentifier String vetoId, String ballotId, String requestId,
                                         List<String> electorate, List<Recusal> recusals) {
    }

    /** From the voting stream: the core maintainers tied; the lead decides (R8). */
    public record RecordVetoReferredToLead(@TargetAggregateIdentifier String vetoId, String ballotId, String lead,
                                           TallySummary tally) {
    }

    /** From the voting stream: the veto ballot closed. */
    public record RecordVetoBallotClosed(@TargetAggregateIdentifier String vetoId, String ballotId, String requestId,
                                         TallySummary tally, CloseReason closeReason, String decidedBy) {
    }

    public record PublishVetoDecision(@TargetAggregateIdentifier String vetoId, String personId, VetoOutcome outcome,
                                      String reasoning, String rulesVersion) {
    }
}
