package dev.charter.nomination.proposal;

import dev.charter.contracts.disputes.ModuleSettings;
import dev.charter.contracts.nominations.NominationEvent.ModuleProposalAccepted;
import dev.charter.contracts.nominations.NominationEvent.ModuleProposalAwaitingReasoning;
import dev.charter.contracts.nominations.NominationEvent.ModuleProposalBallotOpened;
import dev.charter.contracts.nominations.NominationEvent.ModuleProposalDeclined;
import dev.charter.contracts.nominations.NominationEvent.ModuleProposalReviewRequested;
import dev.charter.contracts.nominations.NominationEvent.ModuleProposalSubmitted;
import dev.charter.contracts.nominations.NominationEvent.ModuleProposalWithdrawn;
import dev.charter.contracts.nominations.ProposalAction;
import dev.charter.contracts.registry.ModuleKind;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.contracts.voting.TallySummary;
import dev.charter.nomination.NominationSettings;
import dev.charter.nomination.decision.Reasoning;
import dev.charter.nomination.proposal.ModuleProposalCommands.ProposalVerdict;
import dev.charter.nomination.proposal.ModuleProposalCommands.PublishProposalDecision;
import dev.charter.nomination.proposal.ModuleProposalCommands.RecordProposalBallotClosed;
import dev.charter.nomination.proposal.ModuleProposalCommands.RecordProposalBallotOpened;
import dev.charter.nomination.proposal.ModuleProposalCommands.SubmitModuleProposal;
import dev.charter.nomination.proposal.ModuleProposalCommands.WithdrawModuleProposal;
import dev.charter.nomination.proposal.ModuleProposalViews.ProposalDecisionView;
import dev.charter.platform.axon.AggregateCache;
import dev.charter.platform.web.GovernanceException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * R15: a proposal to add, re-scope or retire a module, with its ground work. The core maintainers decide it by
 * ballot (majority; voting-service hands a tie to the lead, R8), requested from voting-service as soon as it is
 * submitted; once the ballot has closed, a core maintainer of its electorate publishes the public reasoning (R7),
 * whose outcome must be the ballot's, and only then is the proposal Accepted — which the registry applies — or
 * Declined. The proposer may withdraw it before the decision.
 */
@Aggregate(cache = AggregateCache.BEAN)
public class ModuleProposal {

    /** The subject kind of a proposal's ballot on the voting stream. */
    public static final String SUBJECT_KIND = "MODULE_PROPOSAL";
    /** R15: the core maintainers decide by majority, as they decide everything the text does not say otherwise. */
    static final DecisionRule CORE_RULE = DecisionRule.majority();
    private static final String RULE = "R15";
    private static final Logger log = LoggerFactory.getLogger(ModuleProposal.class);

    /** The lifecycle of a proposal. */
    public enum Status {
        IN_REVIEW, AWAITING_REASONING, ACCEPTED, DECLINED, WITHDRAWN
    }

    @AggregateIdentifier
    private String proposalId;
    private ProposalAction action;
    private String moduleId;
    private String name;
    private ModuleKind kind;
    private String location;
    private String description;
    private ModuleSettings settings;
    private List<String> initialMaintainers;
    private String proposedBy;
    private Status status;
    private String ballotRequestId;
    private String ballotId;
    private Set<String> electorate = Set.of();
    private TallySummary tally;
    private String tieDecidedBy;

    protected ModuleProposal() {
    }

    /** R15: anyone proposes, with the ground work; the core maintainers' ballot is requested at once. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public ModuleProposalSubmitted handle(SubmitModuleProposal command, NominationSettings settings) {
        ModuleProposalSubmitted submitted = ProposalRules.check(command);
        apply(submitted);
        apply(new ModuleProposalReviewRequested(proposalId, BallotRequest.yesNo(requestId(proposalId), SUBJECT_KIND,
                proposalId, question(), BallotBody.CORE_MAINTAINERS, null, CORE_RULE,
                command.submittedAt().plus(settings.ballotDuration()), List.of(), proposedBy)));
        return submitted;
    }

    /** From the voting stream. Idempotent: a ballot already recorded, or not this proposal's, changes nothing. */
    @CommandHandler
    public void handle(RecordProposalBallotOpened command) {
        if (!command.requestId().equals(ballotRequestId) || ballotId != null || status != Status.IN_REVIEW) {
            log.info("Module proposal {} ignores the opening of ballot {} (request {}, status {})", proposalId,
                    command.ballotId(), command.requestId(), status);
            return;
        }
        apply(new ModuleProposalBallotOpened(proposalId, command.ballotId(), List.copyOf(command.electorate()),
                List.copyOf(command.recusals())));
    }

    /** From the voting stream. Idempotent: only a proposal in review moves to awaiting reasoning, once. */
    @CommandHandler
    public void handle(RecordProposalBallotClosed command) {
        if (!command.requestId().equals(ballotRequestId) || status != Status.IN_REVIEW) {
            log.info("Module proposal {} ignores the closing of ballot {} (request {}, status {})", proposalId,
                    command.ballotId(), command.requestId(), status);
            return;
        }
        apply(new ModuleProposalAwaitingReasoning(proposalId, command.ballotId(), command.tally(),
                command.closeReason(), command.decidedBy()));
    }

    /**
     * R15, R7: a core maintainer of the ballot's electorate (the lead, when the lead decided a tie) publishes the
     * reasoning; the outcome it states must be the ballot's.
     */
    @CommandHandler
    public ProposalDecisionView handle(PublishProposalDecision command) {
        switch (status) {
            case AWAITING_REASONING -> {
                // the ballot has closed: the decision may be published
            }
            case ACCEPTED, DECLINED -> throw new GovernanceException.Conflict("already-decided", RULE,
                    "The proposal is already " + status.name().toLowerCase() + ".");
            case WITHDRAWN -> throw new GovernanceException.Conflict("withdrawn", RULE, "The proposal was withdrawn.");
            default -> throw new GovernanceException.Conflict("ballot-not-closed", RULE,
                    "The core maintainers have not voted yet: the reasoning follows the close of the ballot.");
        }
        Reasoning.requirePublisher(command.decidedBy(), electorate, tieDecidedBy, RULE);
        ProposalVerdict ballotVerdict = tally.outcome() == BallotOutcome.CARRIED ? ProposalVerdict.ACCEPTED
                : ProposalVerdict.DECLINED;
        if (command.verdict() != ballotVerdict) {
            throw new GovernanceException.RuleViolation("outcome-mismatch", RULE, "The ballot's outcome was "
                    + tally.outcome() + ": the decision is " + ballotVerdict + ", not " + command.verdict() + ".");
        }
        String reasoning = Reasoning.requireText(command.reasoning(), "reasoning");
        if (ballotVerdict == ProposalVerdict.ACCEPTED) {
            apply(new ModuleProposalAccepted(proposalId, action, moduleId, name, kind, location, description,
                    initialMaintainers, settings, reasoning, command.decidedBy(), ballotId, tally,
                    command.rulesVersion()));
        } else {
            apply(new ModuleProposalDeclined(proposalId, action, moduleId, reasoning, command.decidedBy(), ballotId,
                    tally, command.rulesVersion()));
        }
        return new ProposalDecisionView(ballotVerdict, reasoning, command.decidedBy(), command.decidedAt(), ballotId,
                tally, command.rulesVersion());
    }

    /** The proposer withdraws before the decision; voting-service cancels a ballot still open. */
    @CommandHandler
    public void handle(WithdrawModuleProposal command) {
        if (!command.withdrawnBy().equals(proposedBy)) {
            throw new GovernanceException.NotAllowed("not-the-proposer", RULE,
                    "Only the proposer, " + proposedBy + ", may withdraw this proposal.");
        }
        switch (status) {
            case WITHDRAWN -> throw new GovernanceException.Conflict("already-withdrawn",
                    "The proposal is already withdrawn.");
            case ACCEPTED, DECLINED -> throw new GovernanceException.Conflict("already-decided", RULE,
                    "The proposal is already " + status.name().toLowerCase() + ".");
            default -> {
                // IN_REVIEW or AWAITING_REASONING: not decided yet
            }
        }
        apply(new ModuleProposalWithdrawn(proposalId, command.withdrawnBy(),
                Reasoning.requireText(command.reason(), "reason"), ballotRequestId));
    }

    private String question() {
        return switch (action) {
            case ADD -> "Add module " + moduleId + " (" + name + ", " + kind + " " + location
                    + ") with maintainers " + String.join(", ", initialMaintainers) + "? (R15)";
            case RESCOPE -> "Re-scope module " + moduleId + " to " + name + ", " + kind + " " + location + "? (R15)";
            case RETIRE -> "Retire module " + moduleId + ", ending its maintainers' seats? (R15)";
        };
    }

    /** One ballot per proposal: voting-service derives the ballot id from this. */
    public static String requestId(String proposalId) {
        return "module-proposal:" + proposalId + ":review";
    }

    @EventSourcingHandler
    void on(ModuleProposalSubmitted event) {
        proposalId = event.proposalId();
        action = event.action();
        moduleId = event.moduleId();
        name = event.name();
        kind = event.kind();
        location = event.location();
        description = event.description();
        settings = event.settings();
        initialMaintainers = event.initialMaintainers() == null ? List.of() : event.initialMaintainers();
        proposedBy = event.proposedBy();
        status = Status.IN_REVIEW;
    }

    @EventSourcingHandler
    void on(ModuleProposalReviewRequested event) {
        ballotRequestId = event.ballotRequest().requestId();
    }

    @EventSourcingHandler
    void on(ModuleProposalBallotOpened event) {
        ballotId = event.ballotId();
        electorate = Set.copyOf(event.electorate());
    }

    @EventSourcingHandler
    void on(ModuleProposalAwaitingReasoning event) {
        status = Status.AWAITING_REASONING;
        ballotId = event.ballotId();
        tally = event.tally();
        tieDecidedBy = event.decidedBy();
    }

    @EventSourcingHandler
    void on(ModuleProposalAccepted event) {
        status = Status.ACCEPTED;
    }

    @EventSourcingHandler
    void on(ModuleProposalDeclined event) {
        status = Status.DECLINED;
    }

    @EventSourcingHandler
    void on(ModuleProposalWithdrawn event) {
        status = Status.WITHDRAWN;
    }
}
