package dev.charter.dispute.dispute;

import dev.charter.platform.axon.AggregateCache;
import dev.charter.contracts.disputes.DisputeEvent.DisputeAnswered;
import dev.charter.contracts.disputes.DisputeEvent.DisputeAwaitingRuling;
import dev.charter.contracts.disputes.DisputeEvent.DisputeEscalated;
import dev.charter.contracts.disputes.DisputeEvent.DisputeOpened;
import dev.charter.contracts.disputes.DisputeEvent.DisputeResolved;
import dev.charter.contracts.disputes.DisputeEvent.DisputeRuled;
import dev.charter.contracts.disputes.DisputeEvent.DisputeWithdrawn;
import dev.charter.contracts.disputes.DisputeEvent.EscalationBallotOpened;
import dev.charter.contracts.disputes.DisputeEvent.EscalationReferredToLead;
import dev.charter.contracts.disputes.ModuleDecision;
import dev.charter.contracts.disputes.RulingOutcome;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.dispute.DisputeSettings;
import dev.charter.dispute.Links;
import dev.charter.dispute.ballot.CoreBallot;
import dev.charter.dispute.ballot.CoreBallots;
import dev.charter.dispute.ballot.Durations;
import dev.charter.dispute.dispute.DisputeCommands.AcceptResolution;
import dev.charter.dispute.dispute.DisputeCommands.AnswerDispute;
import dev.charter.dispute.dispute.DisputeCommands.EscalateDispute;
import dev.charter.dispute.dispute.DisputeCommands.OpenDispute;
import dev.charter.dispute.dispute.DisputeCommands.PublishRuling;
import dev.charter.dispute.dispute.DisputeCommands.RecordEscalationBallotClosed;
import dev.charter.dispute.dispute.DisputeCommands.RecordEscalationBallotOpened;
import dev.charter.dispute.dispute.DisputeCommands.RecordEscalationReferredToLead;
import dev.charter.dispute.dispute.DisputeCommands.WithdrawDispute;
import dev.charter.platform.roster.PersonStanding;
import dev.charter.platform.web.GovernanceException;
import dev.charter.platform.web.Problems;
import dev.charter.platform.web.Text;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A dispute (R5, R6): a maintainer of one module disputes a module-level decision of another module's group.
 * The respondent group answers within the response window (a durable deadline) with a public explanation, the
 * relevant arguments and the resolution; the disputing side accepts it, or escalates to the core maintainers.
 * Without an answer in time the dispute escalates by itself. An escalation is a core maintainers' ballot on
 * upholding the decision (majority; a tie goes to the lead, R8); a core maintainer of its electorate — the lead,
 * when the lead decided — publishes the ruling with its reasoning (R7), whose outcome must be the ballot's. The
 * disputing person may withdraw before the ruling. Everything is public (R6).
 */
@Aggregate(cache = AggregateCache.BEAN)
public class Dispute {

    static final String RESPONSE_DUE = "dispute-response-due";
    public static final String SUBJECT_KIND = "DISPUTE";
    private static final Logger log = LoggerFactory.getLogger(Dispute.class);

    /** The lifecycle of a dispute. */
    public enum Status {
        OPEN, ANSWERED, RESOLVED, ESCALATED, REFERRED_TO_LEAD, AWAITING_RULING, RULED, WITHDRAWN;

        /** Settled one way or another: nothing more happens. */
        boolean ended() {
            return this == RESOLVED || this == RULED || this == WITHDRAWN;
        }

        /** With the core maintainers: escalated, and not ruled yet. */
        boolean escalated() {
            return this == ESCALATED || this == REFERRED_TO_LEAD || this == AWAITING_RULING;
        }
    }

    /** The payload of the response deadline. */
    public record ResponseDue(String disputeId) {
    }

    @AggregateIdentifier
    private String disputeId;
    private ModuleDecision decision;
    private String disputedBy;
    private String disputantModuleId;
    private String respondentModuleId;
    private String responseWindow;
    private Instant responseDueAt;
    private Status status;
    private CoreBallot ballot;

    protected Dispute() {
    }

    /** R5: a maintainer of another module disputes a module-level decision. Answered with what was applied. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public DisputeOpened handle(OpenDispute command, DisputeSettings settings, DeadlineManager deadlines) {
        ModuleDecision disputed = command.decision();
        PersonStanding disputant = command.disputant();
        String module = disputantModule(disputant, disputed, command.onBehalfOf());
        String statement = CoreBallots.requireText(command.statement(), "statement");
        List<String> links = Links.https(command.links(), "links");
        Instant dueAt = command.openedAt().plus(settings.responseWindow());
        DisputeOpened opened = new DisputeOpened(command.disputeId(), disputed, disputant.personId(), module,
                statement, links, Durations.iso(settings.responseWindow()), dueAt, command.rulesVersion());
        apply(opened);
        deadlines.schedule(dueAt, RESPONSE_DUE, new ResponseDue(command.disputeId()));
        return opened;
    }

    /**
     * R5: the disputing module — one the disputant maintains, other than the deciding one: a maintainer of the
     * deciding group settles the matter within the group.
     */
    static String disputantModule(PersonStanding disputant, ModuleDecision decision, String onBehalfOf) {
        if (disputant.modules().isEmpty()) {
            throw new GovernanceException.NotAllowed("not-a-module-maintainer", "R5",
                    "Module maintainers dispute other groups' decisions; " + disputant.personId()
                            + " maintains no module."
                            + (disputant.core() ? " Core maintainers may veto it (R7)." : ""));
        }
        if (disputant.maintains(decision.moduleId())) {
            throw new GovernanceException.RuleViolation("own-group-decision", "R5", disputant.personId()
                    + " maintains module " + decision.moduleId() + ", whose group took this decision: a group settles "
                    + "its own decisions; disputes are for another group's decisions.");
        }
        String requested = Text.blankToNull(onBehalfOf);
        if (requested != null) {
            if (!disputant.maintains(requested)) {
                throw new GovernanceException.NotAllowed("not-a-maintainer-of-module", "R5",
                        disputant.personId() + " does not maintain module " + requested + ".");
            }
            return requested;
        }
        if (disputant.modules().size() > 1) {
            throw new GovernanceException.BadInput("module-required", disputant.personId()
                    + " maintains several modules " + disputant.modules() + ": name the one disputing (onBehalfOf).")
                    .withViolations(List.of(Problems.violation("onBehalfOf", "must name one of your modules")));
        }
        return disputant.modules().iterator().next();
    }

    /** R5, R6: a member of the respondent group publishes the explanation, the arguments and the resolution. */
    @CommandHandler
    public DisputeAnswered handle(AnswerDispute command, DeadlineManager deadlines) {
        switch (status) {
            case OPEN -> {
                // within the response window: the group may answer
            }
            case ANSWERED -> throw new GovernanceException.Conflict("already-answered", "R5",
                    "The respondent group has answered already.");
            case WITHDRAWN -> throw new GovernanceException.Conflict("dispute-withdrawn", "R5",
                    "The dispute was withdrawn.");
            default -> throw new GovernanceException.Conflict("not-awaiting-answer", "R5", "The dispute is "
                    + status + (status.escalated() ? ": the response window passed and the core maintainers have "
                    + "it now." : "."));
        }
        if (!command.responder().maintains(respondentModuleId)) {
            throw new GovernanceException.NotAllowed("not-in-respondent-group", "R5", "Only a maintainer of module "
                    + respondentModuleId + ", whose group took the decision, answers this dispute.");
        }
        Map<String, String> texts = Map.of("explanation", nullToEmpty(command.explanation()),
                "arguments", nullToEmpty(command.arguments()), "resolution", nullToEmpty(command.resolution()));
        List<Map<String, String>> missing = new ArrayList<>();
        for (String field : List.of("explanation", "arguments", "resolution")) {
            if (texts.get(field).isBlank()) {
                missing.add(Problems.violation(field, "must not be blank"));
            }
        }
        if (!missing.isEmpty()) {
            throw new GovernanceException.BadInput("answer-incomplete", "The answer to a dispute publishes an "
                    + "explanation, the relevant arguments and the resolution, all three (R5).")
                    .withViolations(missing);
        }
        DisputeAnswered answered = new DisputeAnswered(disputeId, respondentModuleId, command.responder().personId(),
                command.explanation().trim(), command.arguments().trim(), command.resolution().trim());
        apply(answered);
        deadlines.cancelAllWithinScope(RESPONSE_DUE);
        return answered;
    }

    /** R5: the disputing side accepts the resolution; the dispute is resolved. */
    @CommandHandler
    public DisputeResolved handle(AcceptResolution command) {
        requireAnswered("accept the resolution");
        requireDisputingSide(command.person());
        DisputeResolved resolved = new DisputeResolved(disputeId, command.person().personId());
        apply(resolved);
        return resolved;
    }

    /** R5: the disputing side does not accept the resolution and escalates to the core maintainers. */
    @CommandHandler
    public DisputeEscalated handle(EscalateDispute command, DisputeSettings settings) {
        requireAnswered("escalate");
        requireDisputingSide(command.person());
        String by = command.person().personId();
        DisputeEscalated escalated = new DisputeEscalated(disputeId, by, Text.blankToNull(command.reason()), false,
                escalationRequest(command.at(), settings, by));
        apply(escalated);
        return escalated;
    }

    /** R5: no answer within the response window: the dispute escalates by itself, as the service. */
    @DeadlineHandler(deadlineName = RESPONSE_DUE)
    void on(ResponseDue due, DisputeSettings settings) {
        if (status != Status.OPEN) {
            log.info("Response deadline of dispute {}: nothing to do, it is {}", disputeId, status);
            return;
        }
        apply(new DisputeEscalated(disputeId, settings.systemActor(), "The respondent group did not answer within "
                + "the response window (" + responseWindow + ").", true,
                escalationRequest(responseDueAt, settings, settings.systemActor())));
    }

    /** The disputing person withdraws before the ruling; voting-service cancels an open escalation ballot. */
    @CommandHandler
    public DisputeWithdrawn handle(WithdrawDispute command, DeadlineManager deadlines) {
        if (!command.personId().equals(disputedBy)) {
            throw new GovernanceException.NotAllowed("not-the-disputant", "R5",
                    "Only the disputing person, " + disputedBy + ", may withdraw this dispute.");
        }
        if (status.ended()) {
            throw new GovernanceException.Conflict("dispute-ended", "R5", "The dispute is already "
                    + status.name().toLowerCase() + ".");
        }
        DisputeWithdrawn withdrawn = new DisputeWithdrawn(disputeId, disputedBy,
                CoreBallots.requireText(command.reason(), "reason"), ballot == null ? null : ballot.requestId());
        apply(withdrawn);
        deadlines.cancelAllWithinScope(RESPONSE_DUE);
        return withdrawn;
    }

    /** From the voting stream. Idempotent: a ballot already recorded, or not this dispute's, changes nothing. */
    @CommandHandler
    public void handle(RecordEscalationBallotOpened command) {
        if (status != Status.ESCALATED || !ballot.awaitsOpening(command.requestId())) {
            log.info("Dispute {} ignores the opening of ballot {} (request {}, status {})", disputeId,
                    command.ballotId(), command.requestId(), status);
            return;
        }
        apply(new EscalationBallotOpened(disputeId, command.ballotId(), List.copyOf(command.electorate()),
                List.copyOf(command.recusals())));
    }

    /** From the voting stream (R8). Idempotent: only an escalated dispute's own ballot is referred, once. */
    @CommandHandler
    public void handle(RecordEscalationReferredToLead command) {
        if (status != Status.ESCALATED || !ballot.isBallot(command.ballotId())) {
            log.info("Dispute {} ignores the referral of ballot {} (status {})", disputeId, command.ballotId(),
                    status);
            return;
        }
        apply(new EscalationReferredToLead(disputeId, command.ballotId(), command.lead(), command.tally()));
    }

    /** From the voting stream. Idempotent: only an escalated dispute waits for its ruling, once. */
    @CommandHandler
    public void handle(RecordEscalationBallotClosed command) {
        if ((status != Status.ESCALATED && status != Status.REFERRED_TO_LEAD)
                || !ballot.isRequest(command.requestId())) {
            log.info("Dispute {} ignores the closing of ballot {} (request {}, status {})", disputeId,
                    command.ballotId(), command.requestId(), status);
            return;
        }
        apply(new DisputeAwaitingRuling(disputeId, command.ballotId(), command.tally(), command.closeReason(),
                command.decidedBy()));
    }

    /**
     * R5, R7, R8: a core maintainer of the ballot's electorate (the lead, when the lead decided a tie) publishes
     * the ruling with its reasoning; its outcome must be the ballot's.
     */
    @CommandHandler
    public DisputeRuled handle(PublishRuling command) {
        switch (status) {
            case AWAITING_RULING -> {
                // the core maintainers have voted: the ruling may be published
            }
            case RULED -> throw new GovernanceException.Conflict("already-ruled", "R7", "The dispute is ruled.");
            case WITHDRAWN -> throw new GovernanceException.Conflict("dispute-withdrawn", "R5",
                    "The dispute was withdrawn.");
            case ESCALATED, REFERRED_TO_LEAD -> throw new GovernanceException.Conflict("ballot-not-closed", "R7",
                    "The core maintainers have not decided yet: the ruling follows the close of their ballot.");
            default -> throw new GovernanceException.Conflict("not-escalated", "R5",
                    "The dispute is " + status + "; only an escalated dispute is ruled by the core maintainers.");
        }
        ballot.requirePublisher(command.personId(), "R7");
        RulingOutcome ballotOutcome = rulingOf(ballot.tally().outcome());
        if (command.outcome() != ballotOutcome) {
            throw new GovernanceException.RuleViolation("outcome-mismatch", "R7", "The core maintainers' ballot on "
                    + "upholding the decision ended " + ballot.tally().outcome() + ": the ruling is " + ballotOutcome
                    + ", not " + command.outcome() + ".");
        }
        DisputeRuled ruled = new DisputeRuled(disputeId, decision, ballotOutcome,
                CoreBallots.requireText(command.reasoning(), "reasoning"), command.personId(), ballot.ballotId(),
                ballot.tally(), command.rulesVersion());
        apply(ruled);
        return ruled;
    }

    /**
     * The ruling a ballot on "uphold the decision?" makes: REJECTED overturns it; CARRIED upholds it, and so does
     * a ballot that decided nothing (no quorum, or a tie nobody could break): the decision stands.
     */
    public static RulingOutcome rulingOf(BallotOutcome outcome) {
        return outcome == BallotOutcome.REJECTED ? RulingOutcome.OVERTURNED : RulingOutcome.UPHELD;
    }

    private BallotRequest escalationRequest(Instant at, DisputeSettings settings, String requestedBy) {
        return CoreBallots.core(requestId(disputeId), SUBJECT_KIND, disputeId,
                "Uphold module " + respondentModuleId + "'s decision \"" + decision.summary() + "\", disputed by "
                        + disputedBy + " for module " + disputantModuleId + "? (R5)",
                at.plus(settings.ballotDuration()), List.of(), requestedBy);
    }

    /** One escalation ballot per dispute: voting-service derives the ballot id from this. */
    public static String requestId(String disputeId) {
        return "dispute:" + disputeId + ":escalation";
    }

    private void requireAnswered(String what) {
        if (status == Status.OPEN) {
            throw new GovernanceException.Conflict("awaiting-answer", "R5", "The respondent group has until "
                    + responseDueAt + " to answer; without an answer the dispute escalates by itself then. The "
                    + "disputing side may " + what + " once it has answered.");
        }
        if (status != Status.ANSWERED) {
            throw new GovernanceException.Conflict("not-answered", "R5", "The dispute is " + status
                    + "; the disputing side may " + what + " only after the answer.");
        }
    }

    /** R5: the disputing side — the disputing person, or a maintainer of the module they disputed for. */
    private void requireDisputingSide(PersonStanding person) {
        if (!person.personId().equals(disputedBy) && !person.maintains(disputantModuleId)) {
            throw new GovernanceException.NotAllowed("not-the-disputing-side", "R5", "Only the disputing side — "
                    + disputedBy + " or a maintainer of module " + disputantModuleId + " — may do this.");
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    @EventSourcingHandler
    void on(DisputeOpened event) {
        disputeId = event.disputeId();
        decision = event.decision();
        disputedBy = event.disputedBy();
        disputantModuleId = event.disputantModuleId();
        respondentModuleId = event.decision().moduleId();
        responseWindow = event.responseWindow();
        responseDueAt = event.responseDueAt();
        status = Status.OPEN;
    }

    @EventSourcingHandler
    void on(DisputeAnswered event) {
        status = Status.ANSWERED;
    }

    @EventSourcingHandler
    void on(DisputeResolved event) {
        status = Status.RESOLVED;
    }

    @EventSourcingHandler
    void on(DisputeEscalated event) {
        status = Status.ESCALATED;
        ballot = CoreBallot.requested(event.ballotRequest().requestId());
    }

    @EventSourcingHandler
    void on(EscalationBallotOpened event) {
        ballot = ballot.opened(event.ballotId(), event.electorate());
    }

    @EventSourcingHandler
    void on(EscalationReferredToLead event) {
        status = Status.REFERRED_TO_LEAD;
    }

    @EventSourcingHandler
    void on(DisputeAwaitingRuling event) {
        status = Status.AWAITING_RULING;
        ballot = ballot.closed(event.ballotId(), event.tally(), event.decidedBy());
    }

    @EventSourcingHandler
    void on(DisputeRuled event) {
        status = Status.RULED;
    }

    @EventSourcingHandler
    void on(DisputeWithdrawn event) {
        status = Status.WITHDRAWN;
    }
}
