package dev.charter.dispute.policy;

import dev.charter.contracts.voting.TallySummary;
import dev.charter.contracts.voting.VotingEvent.BallotClosed;
import dev.charter.contracts.voting.VotingEvent.BallotOpened;
import dev.charter.contracts.voting.VotingEvent.BallotReferredToLead;
import dev.charter.dispute.change.ChangeCommands.RecordApprovalClosed;
import dev.charter.dispute.change.ChangeCommands.RecordApprovalOpened;
import dev.charter.dispute.change.ChangeCommands.RecordApprovalReferredToLead;
import dev.charter.dispute.change.ChangeProposal;
import dev.charter.dispute.dispute.Dispute;
import dev.charter.dispute.dispute.DisputeCommands.RecordEscalationBallotClosed;
import dev.charter.dispute.dispute.DisputeCommands.RecordEscalationBallotOpened;
import dev.charter.dispute.dispute.DisputeCommands.RecordEscalationReferredToLead;
import dev.charter.dispute.veto.Veto;
import dev.charter.dispute.veto.VetoCommands.RecordVetoBallotClosed;
import dev.charter.dispute.veto.VetoCommands.RecordVetoBallotOpened;
import dev.charter.dispute.veto.VetoCommands.RecordVetoReferredToLead;
import dev.charter.platform.consume.InboundEventHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The ballots this service requested, as voting-service holds them (DESIGN §3): an opened ballot fixes who may
 * publish the reasoning of what the core maintainers decide; a tie referred to the lead (R8) and a closed ballot
 * move the dispute, veto or proposal on. Ballots of other services are none of its business. Idempotent: the
 * platform skips a re-delivered event id, and each aggregate ignores a ballot it has already recorded or that
 * is not one of its own.
 */
@Component
public class BallotPolicy {

    private static final Logger log = LoggerFactory.getLogger(BallotPolicy.class);

    /** What a ballot was requested for: its subject kind and the aggregate's id. */
    public record Subject(String kind, String id) {
    }

    /** Finds the subject of a ballot this service requested (a referral names only the ballot). */
    public interface Subjects {
        Optional<Subject> of(String ballotId);
    }

    private final CommandGateway commands;
    private final Subjects subjects;

    public BallotPolicy(CommandGateway commands, Subjects subjects) {
        this.commands = commands;
        this.subjects = subjects;
    }

    @InboundEventHandler
    public void on(BallotOpened event) {
        commandFor(event).ifPresent(this::send);
    }

    @InboundEventHandler
    public void on(BallotReferredToLead event) {
        subjects.of(event.ballotId()).flatMap(subject -> commandFor(event, subject)).ifPresent(this::send);
    }

    @InboundEventHandler
    public void on(BallotClosed event) {
        commandFor(event).ifPresent(this::send);
    }

    static Optional<Object> commandFor(BallotOpened event) {
        String id = event.request().subjectId();
        List<String> electorate = event.electorate() == null ? List.of() : event.electorate();
        var recusals = event.recusals() == null ? List.<dev.charter.contracts.voting.Recusal>of() : event.recusals();
        String requestId = event.request().requestId();
        return Optional.ofNullable(switch (event.request().subjectKind()) {
            case Dispute.SUBJECT_KIND -> new RecordEscalationBallotOpened(id, event.ballotId(), requestId, electorate,
                    recusals);
            case Veto.SUBJECT_KIND -> new RecordVetoBallotOpened(id, event.ballotId(), requestId, electorate,
                    recusals);
            case ChangeProposal.SUBJECT_KIND -> new RecordApprovalOpened(id, event.ballotId(), requestId, electorate,
                    recusals);
            default -> null;
        });
    }

    static Optional<Object> commandFor(BallotReferredToLead event, Subject subject) {
        TallySummary tally = TallySummary.of(event.tally(), dev.charter.contracts.voting.BallotOutcome.TIED);
        return Optional.ofNullable(switch (subject.kind()) {
            case Dispute.SUBJECT_KIND -> new RecordEscalationReferredToLead(subject.id(), event.ballotId(),
                    event.lead(), tally);
            case Veto.SUBJECT_KIND -> new RecordVetoReferredToLead(subject.id(), event.ballotId(), event.lead(), tally);
            case ChangeProposal.SUBJECT_KIND -> new RecordApprovalReferredToLead(subject.id(), event.ballotId(),
                    event.lead(), tally);
            default -> null;
        });
    }

    static Optional<Object> commandFor(BallotClosed event) {
        String id = event.subjectId();
        TallySummary tally = TallySummary.of(event.tally(), event.outcome());
        return Optional.ofNullable(switch (event.subjectKind()) {
            case Dispute.SUBJECT_KIND -> new RecordEscalationBallotClosed(id, event.ballotId(), event.requestId(),
                    tally, event.closeReason(), event.decidedBy());
            case Veto.SUBJECT_KIND -> new RecordVetoBallotClosed(id, event.ballotId(), event.requestId(), tally,
                    event.closeReason(), event.decidedBy());
            case ChangeProposal.SUBJECT_KIND -> new RecordApprovalClosed(id, event.ballotId(), event.requestId(),
                    event.outcome(), tally, event.closeReason(), event.decidedBy());
            default -> null;
        });
    }

    private void send(Object command) {
        log.info("Ballot result: {}", command.getClass().getSimpleName());
        commands.sendAndWait(command);
    }
}
