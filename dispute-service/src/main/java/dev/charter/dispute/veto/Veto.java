package dev.charter.dispute.veto;

import dev.charter.platform.axon.AggregateCache;
import dev.charter.contracts.disputes.DisputeEvent;
import dev.charter.contracts.disputes.DisputeEvent.VetoAwaitingReasoning;
import dev.charter.contracts.disputes.DisputeEvent.VetoBallotOpened;
import dev.charter.contracts.disputes.DisputeEvent.VetoCarried;
import dev.charter.contracts.disputes.DisputeEvent.VetoProposed;
import dev.charter.contracts.disputes.DisputeEvent.VetoReferredToLead;
import dev.charter.contracts.disputes.DisputeEvent.VetoRejected;
import dev.charter.contracts.disputes.ModuleDecision;
import dev.charter.contracts.disputes.VetoOutcome;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.TallySummary;
import dev.charter.dispute.DisputeSettings;
import dev.charter.dispute.ballot.CoreBallot;
import dev.charter.dispute.ballot.CoreBallots;
import dev.charter.dispute.ballot.Durations;
import dev.charter.dispute.veto.VetoCommands.ProposeVeto;
import dev.charter.dispute.veto.VetoCommands.PublishVetoDecision;
import dev.charter.dispute.veto.VetoCommands.RecordVetoBallotClosed;
import dev.charter.dispute.veto.VetoCommands.RecordVetoBallotOpened;
import dev.charter.dispute.veto.VetoCommands.RecordVetoReferredToLead;
import dev.charter.platform.web.GovernanceException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A veto of a module-level decision (R7): a core maintainer proposes it with reasoning, within the veto window
 * after the decision (DESIGN §7: 90 days, configurable, recorded); the core maintainers decide by ballot
 * (majority; a tie goes to the lead, R8); a core maintainer of its electorate — the lead, when the lead decided —
 * publishes the reasoning of the decision, whose outcome must be the ballot's. One veto per decision: the
 * aggregate's id is derived from the decision's, so a second proposal about the same decision finds this one
 * (and two racing proposals clash on the event store). A carried veto is undone by the services that own the
 * decision, reacting to {@link VetoCarried}.
 */
@Aggregate(cache = AggregateCache.BEAN)
public class Veto {

    public static final String SUBJECT_KIND = "VETO";
    private static final Logger log = LoggerFactory.getLogger(Veto.class);

    /** The lifecycle of a veto. */
    public enum Status {
        PROPOSED, REFERRED_TO_LEAD, AWAITING_REASONING, CARRIED, REJECTED
    }

    @AggregateIdentifier
    private String vetoId;
    private ModuleDecision decision;
    private String proposedBy;
    private Status status;
    private CoreBallot ballot;

    public Veto() {
    }

    /** The id of the veto of a decision: one per decision (DESIGN §7). */
    public static String idFor(String decisionId) {
        return "veto-" + UUID.nameUUIDFromBytes(("veto:" + decisionId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * R7: a core maintainer proposes to veto a module-level decision, with reasoning, within the veto window; a
     * decision already vetoed (or whose veto is pending or was decided) is refused.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public VetoProposed handle(ProposeVeto command, DisputeSettings settings) {
        if (status != null) {
            throw switch (status) {
                case CARRIED -> new GovernanceException.Conflict("already-vetoed", "R7", "The core maintainers "
                        + "vetoed this decision already (veto " + vetoId + ").");
                case REJECTED -> new GovernanceException.Conflict("veto-already-decided", "R7", "The core "
                        + "maintainers decided not to veto this decision (veto " + vetoId
                        + "); one veto per decision.");
                default -> new GovernanceException.Conflict("veto-pending", "R7", "A veto of this decision is "
                        + "before the core maintainers already (veto " + vetoId + ").");
            };
        }
        ModuleDecision vetoed = command.decision();
        if (!idFor(vetoed.decisionId()).equals(command.vetoId())) {
            throw new GovernanceException.BadInput("invalid-veto-id", "Veto " + command.vetoId()
                    + " is not the veto of decision " + vetoed.decisionId() + ".");
        }
        if (!command.proposer().core()) {
            throw new GovernanceException.NotAllowed("not-a-core-maintainer", "R7",
                    "The core maintainers veto module-level decisions; " + command.proposer().personId()
                            + " is not a core maintainer.");
        }
        String reasoning = CoreBallots.requireText(command.reasoning(), "reasoning");
        Instant windowEndsAt = vetoed.decidedAt().plus(settings.vetoWindow());
        String window = Durations.iso(settings.vetoWindow());
        if (command.proposedAt().isAfter(windowEndsAt)) {
            throw new GovernanceException.RuleViolation("veto-window-passed", "R7", "Decision "
                    + vetoed.decisionId() + " was taken at " + vetoed.decidedAt() + "; the veto window (" + window
                    + ") ended at " + windowEndsAt + ".");
        }
        String by = command.proposer().personId();
        VetoProposed proposed = new VetoProposed(command.vetoId(), vetoed, by, reasoning, window, windowEndsAt,
                CoreBallots.core(requestId(command.vetoId()), SUBJECT_KIND, command.vetoId(),
                        "Veto module " + vetoed.moduleId() + "'s decision \"" + vetoed.summary() + "\"? (R7)",
                        command.proposedAt().plus(settings.ballotDuration()),
                        vetoed.personId() == null ? List.of() : List.of(vetoed.personId()), by));
        apply(proposed);
        return proposed;
    }

    /** From the voting stream. Idempotent: a ballot already recorded, or not this veto's, changes nothing. */
    @CommandHandler
    public void handle(RecordVetoBallotOpened command) {
        if (status != Status.PROPOSED || !ballot.awaitsOpening(command.requestId())) {
            log.info("Veto {} ignores the opening of ballot {} (request {}, status {})", vetoId, command.ballotId(),
                    command.requestId(), status);
            return;
        }
        apply(new VetoBallotOpened(vetoId, command.ballotId(), List.copyOf(command.electorate()),
                List.copyOf(command.recusals())));
    }

    /** From the voting stream (R8). Idempotent: only the pending veto's own ballot is referred, once. */
    @CommandHandler
    public void handle(RecordVetoReferredToLead command) {
        if (status != Status.PROPOSED || !ballot.isBallot(command.ballotId())) {
            log.info("Veto {} ignores the referral of ballot {} (status {})", vetoId, command.ballotId(), status);
            return;
        }
        apply(new VetoReferredToLead(vetoId, command.ballotId(), command.lead(), command.tally()));
    }

    /** From the voting stream. Idempotent: only a pending veto waits for its reasoning, once. */
    @CommandHandler
    public void handle(RecordVetoBallotClosed command) {
        if ((status != Status.PROPOSED && status != Status.REFERRED_TO_LEAD)
                || !ballot.isRequest(command.requestId())) {
            log.info("Veto {} ignores the closing of ballot {} (request {}, status {})", vetoId, command.ballotId(),
                    command.requestId(), status);
            return;
        }
        apply(new VetoAwaitingReasoning(vetoId, command.ballotId(), command.tally(), command.closeReason(),
                command.decidedBy()));
    }

    /**
     * R7, R8: a core maintainer of the ballot's electorate (the lead, when the lead decided a tie) publishes the
     * reasoning; its outcome must be the ballot's: only a carried ballot vetoes.
     */
    @CommandHandler
    public DisputeEvent handle(PublishVetoDecision command) {
        switch (status) {
            case AWAITING_REASONING -> {
                // the core maintainers have voted: the decision may be published
            }
            case CARRIED, REJECTED -> throw new GovernanceException.Conflict("veto-already-decided", "R7",
                    "The veto is already " + status.name().toLowerCase() + ".");
            default -> throw new GovernanceException.Conflict("ballot-not-closed", "R7",
                    "The core maintainers have not decided yet: the reasoning follows the close of their ballot.");
        }
        ballot.requirePublisher(command.personId(), "R7");
        TallySummary tally = ballot.tally();
        VetoOutcome ballotOutcome = tally.outcome() == BallotOutcome.CARRIED ? VetoOutcome.CARRIED
                : VetoOutcome.REJECTED;
        if (command.outcome() != ballotOutcome) {
            throw new GovernanceException.RuleViolation("outcome-mismatch", "R7", "The core maintainers' ballot "
                    + "ended " + tally.outcome() + ": the veto is " + ballotOutcome + ", not " + command.outcome()
                    + ".");
        }
        String reasoning = CoreBallots.requireText(command.reasoning(), "reasoning");
        DisputeEvent decided = ballotOutcome == VetoOutcome.CARRIED
                ? new VetoCarried(vetoId, decision, proposedBy, reasoning, command.personId(), ballot.ballotId(),
                tally, command.rulesVersion())
                : new VetoRejected(vetoId, decision, proposedBy, reasoning, command.personId(), ballot.ballotId(),
                tally, command.rulesVersion());
        apply(decided);
        return decided;
    }

    /** One ballot per veto: voting-service derives the ballot id from this. */
    public static String requestId(String vetoId) {
        return "veto:" + vetoId;
    }

    @EventSourcingHandler
    void on(VetoProposed event) {
        vetoId = event.vetoId();
        decision = event.decision();
        proposedBy = event.proposedBy();
        ballot = CoreBallot.requested(event.ballotRequest().requestId());
        status = Status.PROPOSED;
    }

    @EventSourcingHandler
    void on(VetoBallotOpened event) {
        ballot = ballot.opened(event.ballotId(), event.electorate());
    }

    @EventSourcingHandler
    void on(VetoReferredToLead event) {
        status = Status.REFERRED_TO_LEAD;
    }

    @EventSourcingHandler
    void on(VetoAwaitingReasoning event) {
        status = Status.AWAITING_REASONING;
        ballot = ballot.closed(event.ballotId(), event.tally(), event.decidedBy());
    }

    @EventSourcingHandler
    void on(VetoCarried event) {
        status = Status.CARRIED;
    }

    @EventSourcingHandler
    void on(VetoRejected event) {
        status = Status.REJECTED;
    }
}
