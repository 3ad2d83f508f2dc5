package dev.charter.dispute.change;

import dev.charter.platform.axon.AggregateCache;
import dev.charter.contracts.disputes.Approval;
import dev.charter.contracts.disputes.ApprovalOutcome;
import dev.charter.contracts.disputes.ChangeKind;
import dev.charter.contracts.disputes.ChangeVerdict;
import dev.charter.contracts.disputes.DisputeEvent;
import dev.charter.contracts.disputes.DisputeEvent.ChangeApprovalCancelled;
import dev.charter.contracts.disputes.DisputeEvent.ChangeApprovalClosed;
import dev.charter.contracts.disputes.DisputeEvent.ChangeApprovalOpened;
import dev.charter.contracts.disputes.DisputeEvent.ChangeApprovalReferredToLead;
import dev.charter.contracts.disputes.DisputeEvent.ChangeApprovalRequested;
import dev.charter.contracts.disputes.DisputeEvent.ChangeApproved;
import dev.charter.contracts.disputes.DisputeEvent.ChangeAwaitingReasoning;
import dev.charter.contracts.disputes.DisputeEvent.ChangeProposed;
import dev.charter.contracts.disputes.DisputeEvent.ChangeRejected;
import dev.charter.contracts.disputes.DisputeEvent.ChangeWithdrawn;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotIds;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.dispute.DisputeSettings;
import dev.charter.dispute.Links;
import dev.charter.dispute.ballot.CoreBallots;
import dev.charter.dispute.change.ChangeCommands.ProposeChange;
import dev.charter.dispute.change.ChangeCommands.PublishChangeResult;
import dev.charter.dispute.change.ChangeCommands.RecordApprovalClosed;
import dev.charter.dispute.change.ChangeCommands.RecordApprovalOpened;
import dev.charter.dispute.change.ChangeCommands.RecordApprovalReferredToLead;
import dev.charter.dispute.change.ChangeCommands.WithdrawChange;
import dev.charter.platform.roster.ModuleFacts;
import dev.charter.platform.roster.ModuleIds;
import dev.charter.platform.roster.PersonStanding;
import dev.charter.platform.web.GovernanceException;
import dev.charter.platform.web.Problems;
import dev.charter.platform.web.Text;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A controversial change (R17): a semantic or syntactic framework change, a backwards-incompatible API change, a
 * substantial addition to the core, or a removal of core features or platform support, with its linked discussion
 * issue. It needs the approval of the core maintainers and of each affected module's group, each deciding
 * separately under its own rule (R4): one ballot per body, requested together. It is approved when every ballot
 * carried, rejected as soon as one did not (the others are cancelled); a tied core ballot goes to the lead (R8).
 * A core maintainer — the lead, when the lead decided the core maintainers' tie — publishes the reasoning of the
 * result, which carries every ballot's outcome.
 */
@Aggregate(cache = AggregateCache.BEAN)
public class ChangeProposal {

    public static final String SUBJECT_KIND = "CHANGE_PROPOSAL";
    static final int MAX_AFFECTED_MODULES = 50;
    private static final Logger log = LoggerFactory.getLogger(ChangeProposal.class);

    /** The lifecycle of a proposal. */
    public enum Status {
        VOTING, AWAITING_REASONING, APPROVED, REJECTED, WITHDRAWN;

        boolean ended() {
            return this == APPROVED || this == REJECTED || this == WITHDRAWN;
        }
    }

    @AggregateIdentifier
    private String proposalId;
    private ChangeKind kind;
    private String title;
    private List<String> affectedModules;
    private String discussionIssue;
    private String proposedBy;
    private Status status;
    private ChangeVerdict verdict;
    /** By request id, core maintainers first. */
    private final Map<String, Approval> approvals = new LinkedHashMap<>();
    private Set<String> coreElectorate;

    protected ChangeProposal() {
    }

    /**
     * R17: anyone who maintains a module or is a core maintainer proposes a controversial change with its linked
     * discussion issue; the ballots of the core maintainers and of every affected module's group are requested
     * together. Answered with the proposal as applied.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public ChangeProposed handle(ProposeChange command, DisputeSettings settings) {
        PersonStanding proposer = command.proposer();
        if (!proposer.maintainer()) {
            throw new GovernanceException.NotAllowed("not-a-maintainer", "R17", "Controversial changes are "
                    + "proposed by core or module maintainers; " + proposer.personId() + " is neither.");
        }
        if (command.kind() == null) {
            throw new GovernanceException.BadInput("kind-required", "A controversial change names its kind (R17).")
                    .withViolations(List.of(Problems.violation("kind", "must not be null")));
        }
        if (Text.blankToNull(command.discussionIssue()) == null) {
            throw new GovernanceException.BadInput("discussion-issue-required", "A controversial change links the "
                    + "GitHub issue opened for its discussion (R17).")
                    .withViolations(List.of(Problems.violation("discussionIssue", "must not be blank")));
        }
        String issue = Links.https(command.discussionIssue(), "discussionIssue");
        String changeTitle = CoreBallots.requireText(command.title(), "title");
        String summary = CoreBallots.requireText(command.summary(), "summary");
        List<ModuleFacts> modules = affected(command.affectedModules(), command.modules());
        String id = command.proposalId();
        String by = proposer.personId();
        Instant deadline = command.proposedAt().plus(settings.ballotDuration());

        List<Approval> bodies = new ArrayList<>();
        bodies.add(pending(BallotBody.CORE_MAINTAINERS, null, DecisionRule.majority(), coreRequestId(id)));
        modules.forEach(module -> bodies.add(pending(BallotBody.MODULE_MAINTAINERS, module.moduleId(),
                module.decisionRule() == null ? DecisionRule.majority() : module.decisionRule(),
                moduleRequestId(id, module.moduleId()))));
        List<String> moduleIds = modules.stream().map(ModuleFacts::moduleId).toList();
        ChangeProposed proposed = new ChangeProposed(id, command.kind(), changeTitle, summary, moduleIds, issue, by,
                List.copyOf(bodies), command.rulesVersion());
        apply(proposed);
        for (Approval approval : bodies) {
            String who = approval.body() == BallotBody.CORE_MAINTAINERS ? "the core maintainers"
                    : "module " + approval.moduleId() + "'s maintainers";
            apply(new ChangeApprovalRequested(id, CoreBallots.of(approval.requestId(), SUBJECT_KIND, id,
                    "Approve the controversial change \"" + changeTitle + "\" (" + command.kind() + ", discussed at "
                            + issue + ") as " + who + "? (R17)",
                    approval.body(), approval.moduleId(), approval.rule(), deadline, List.of(), by)));
        }
        return proposed;
    }

    private static List<ModuleFacts> affected(List<String> requested, Map<String, ModuleFacts> known) {
        Set<String> ids = new LinkedHashSet<>();
        for (String module : requested == null ? List.<String>of() : requested) {
            String id = Text.blankToNull(module);
            if (id == null) {
                throw new GovernanceException.BadInput("invalid-module", "An affected module id must not be blank.")
                        .withViolations(List.of(Problems.violation("affectedModules", "must not contain blanks")));
            }
            ids.add(ModuleIds.normalize(id));
        }
        if (ids.size() > MAX_AFFECTED_MODULES) {
            throw new GovernanceException.BadInput("too-many-modules", "At most " + MAX_AFFECTED_MODULES
                    + " affected modules.");
        }
        List<ModuleFacts> modules = new ArrayList<>();
        for (String id : ids) {
            ModuleFacts module = known == null ? null : known.get(id);
            if (module == null) {
                throw new GovernanceException.NotFound("no-such-module", "No module '" + id + "'.");
            }
            if (!module.active()) {
                throw new GovernanceException.Conflict("module-retired", "R15", "Module " + id + " is retired; "
                        + "its group approves nothing.");
            }
            modules.add(module);
        }
        return modules;
    }

    private static Approval pending(BallotBody body, String moduleId, DecisionRule rule, String requestId) {
        return new Approval(body, moduleId, rule, requestId, BallotIds.forRequest(requestId), ApprovalOutcome.PENDING,
                null, null);
    }

    /** From the voting stream. Idempotent: a ballot not of this proposal, or already recorded, changes nothing. */
    @CommandHandler
    public void handle(RecordApprovalOpened command) {
        Approval approval = approvals.get(command.requestId());
        if (approval == null || status != Status.VOTING || approval.outcome() != ApprovalOutcome.PENDING
                || (approval.body() == BallotBody.CORE_MAINTAINERS && coreElectorate != null)) {
            log.info("Proposal {} ignores the opening of ballot {} (request {}, status {})", proposalId,
                    command.ballotId(), command.requestId(), status);
            return;
        }
        apply(new ChangeApprovalOpened(proposalId, command.ballotId(), approval.body(), approval.moduleId(),
                List.copyOf(command.electorate()), List.copyOf(command.recusals())));
    }

    /** From the voting stream (R8). Idempotent: only a pending core ballot of this proposal is referred. */
    @CommandHandler
    public void handle(RecordApprovalReferredToLead command) {
        Approval core = approvals.get(coreRequestId(proposalId));
        if (status != Status.VOTING || !command.ballotId().equals(core.ballotId())
                || core.outcome() != ApprovalOutcome.PENDING) {
            log.info("Proposal {} ignores the referral of ballot {} (status {})", proposalId, command.ballotId(),
                    status);
            return;
        }
        apply(new ChangeApprovalReferredToLead(proposalId, command.ballotId(), command.lead(), command.tally()));
    }

    /**
     * From the voting stream. A ballot that did not carry rejects the proposal at once and cancels the others
     * still open; the last one to carry approves it. Idempotent: a ballot already recorded changes nothing; one
     * that closed before its cancellation reached voting-service is recorded as it closed.
     */
    @CommandHandler
    public void handle(RecordApprovalClosed command) {
        Approval approval = approvals.get(command.requestId());
        if (approval == null || status.ended()
                || (approval.outcome() != ApprovalOutcome.PENDING && approval.outcome() != ApprovalOutcome.CANCELLED)) {
            log.info("Proposal {} ignores the closing of ballot {} (request {}, status {})", proposalId,
                    command.ballotId(), command.requestId(), status);
            return;
        }
        apply(new ChangeApprovalClosed(proposalId, command.ballotId(), approval.body(), approval.moduleId(),
                command.outcome(), command.tally(), command.closeReason(), command.decidedBy()));
        if (status != Status.VOTING) {
            return; // the verdict was known before: this ballot only closed late
        }
        if (command.outcome() != BallotOutcome.CARRIED) {
            String reason = "Proposal " + proposalId + " was rejected: the ballot of " + describe(approval)
                    + " ended " + command.outcome() + ".";
            for (Approval other : List.copyOf(approvals.values())) {
                if (other.outcome() == ApprovalOutcome.PENDING) {
                    apply(new ChangeApprovalCancelled(proposalId, other.requestId(), reason));
                }
            }
        }
        verdictOf(approvals.values()).ifPresent(known ->
                apply(new ChangeAwaitingReasoning(proposalId, known, List.copyOf(approvals.values()))));
    }

    /**
     * R17: the verdict of the approvals so far: rejected as soon as one ballot did not carry, approved once all
     * carried, otherwise not known yet.
     */
    public static Optional<ChangeVerdict> verdictOf(Collection<Approval> approvals) {
        if (approvals.stream().anyMatch(a -> a.outcome() == ApprovalOutcome.REJECTED
                || a.outcome() == ApprovalOutcome.NO_QUORUM || a.outcome() == ApprovalOutcome.TIED)) {
            return Optional.of(ChangeVerdict.REJECTED);
        }
        if (!approvals.isEmpty() && approvals.stream().allMatch(a -> a.outcome() == ApprovalOutcome.CARRIED)) {
            return Optional.of(ChangeVerdict.APPROVED);
        }
        return Optional.empty();
    }

    /**
     * R17, R7, R8: a core maintainer publishes the reasoning of the result — one of the core ballot's electorate,
     * or the lead alone when the lead decided the core maintainers' tie; its verdict must be the ballots'.
     */
    @CommandHandler
    public DisputeEvent handle(PublishChangeResult command) {
        switch (status) {
            case AWAITING_REASONING -> {
                // the verdict is known: its reasoning may be published
            }
            case VOTING -> throw new GovernanceException.Conflict("ballots-not-closed", "R17",
                    "The bodies have not all decided yet: the result follows their ballots.");
            case WITHDRAWN -> throw new GovernanceException.Conflict("proposal-withdrawn", "R17",
                    "The proposal was withdrawn.");
            default -> throw new GovernanceException.Conflict("already-decided", "R17",
                    "The proposal is already " + status.name().toLowerCase() + ".");
        }
        Approval core = approvals.get(coreRequestId(proposalId));
        PersonStanding person = command.person();
        if (core.decidedBy() != null || coreElectorate != null) {
            CoreBallots.requirePublisher(person.personId(), coreElectorate == null ? Set.of() : coreElectorate,
                    core.decidedBy(), "R17");
        } else if (!person.core()) {
            throw new GovernanceException.NotAllowed("not-a-core-maintainer", "R17",
                    "A core maintainer publishes the reasoning of the result.");
        }
        if (command.verdict() != verdict) {
            throw new GovernanceException.RuleViolation("outcome-mismatch", "R17", "The ballots decided "
                    + verdict + ", not " + command.verdict() + ".");
        }
        String reasoning = CoreBallots.requireText(command.reasoning(), "reasoning");
        List<Approval> result = List.copyOf(approvals.values());
        DisputeEvent decided = verdict == ChangeVerdict.APPROVED
                ? new ChangeApproved(proposalId, kind, title, affectedModules, discussionIssue, result, reasoning,
                person.personId(), command.rulesVersion())
                : new ChangeRejected(proposalId, kind, title, affectedModules, discussionIssue, result, reasoning,
                person.personId(), command.rulesVersion());
        apply(decided);
        return decided;
    }

    /** The proposer withdraws while the bodies are still deciding; the ballots still open are cancelled. */
    @CommandHandler
    public ChangeWithdrawn handle(WithdrawChange command) {
        if (!command.personId().equals(proposedBy)) {
            throw new GovernanceException.NotAllowed("not-the-proposer", "R17",
                    "Only the proposer, " + proposedBy + ", may withdraw this proposal.");
        }
        if (status != Status.VOTING) {
            throw new GovernanceException.Conflict("not-voting", "R17", "The proposal is " + status
                    + "; it may be withdrawn only while the bodies are deciding.");
        }
        String reason = CoreBallots.requireText(command.reason(), "reason");
        ChangeWithdrawn withdrawn = new ChangeWithdrawn(proposalId, proposedBy, reason);
        apply(withdrawn);
        for (Approval approval : List.copyOf(approvals.values())) {
            if (approval.outcome() == ApprovalOutcome.PENDING) {
                apply(new ChangeApprovalCancelled(proposalId, approval.requestId(), "Proposal " + proposalId
                        + " was withdrawn by " + proposedBy + ": " + reason));
            }
        }
        return withdrawn;
    }

    public static String coreRequestId(String proposalId) {
        return "change:" + proposalId + ":core";
    }

    public static String moduleRequestId(String proposalId, String moduleId) {
        return "change:" + proposalId + ":module:" + moduleId;
    }

    private static String describe(Approval approval) {
        return approval.body() == BallotBody.CORE_MAINTAINERS ? "the core maintainers"
                : "module " + approval.moduleId() + "'s group";
    }

    @EventSourcingHandler
    void on(ChangeProposed event) {
        proposalId = event.proposalId();
        kind = event.kind();
        title = event.title();
        affectedModules = event.affectedModules();
        discussionIssue = event.discussionIssue();
        proposedBy = event.proposedBy();
        event.approvals().forEach(approval -> approvals.put(approval.requestId(), approval));
        status = Status.VOTING;
    }

    @EventSourcingHandler
    void on(ChangeApprovalOpened event) {
        if (event.body() == BallotBody.CORE_MAINTAINERS) {
            coreElectorate = Set.copyOf(event.electorate());
        }
    }

    @EventSourcingHandler
    void on(ChangeApprovalClosed event) {
        approvals.replaceAll((requestId, a) -> a.ballotId().equals(event.ballotId())
                ? new Approval(a.body(), a.moduleId(), a.rule(), a.requestId(), a.ballotId(),
                ApprovalOutcome.valueOf(event.outcome().name()), event.tally(), event.decidedBy())
                : a);
    }

    @EventSourcingHandler
    void on(ChangeApprovalCancelled event) {
        approvals.computeIfPresent(event.ballotRequestId(), (requestId, a) -> a.outcome() != ApprovalOutcome.PENDING
                ? a : new Approval(a.body(), a.moduleId(), a.rule(), a.requestId(), a.ballotId(),
                ApprovalOutcome.CANCELLED, null, null));
    }

    @EventSourcingHandler
    void on(ChangeAwaitingReasoning event) {
        status = Status.AWAITING_REASONING;
        verdict = event.verdict();
    }

    @EventSourcingHandler
    void on(ChangeApproved event) {
        status = Status.APPROVED;
    }

    @EventSourcingHandler
    void on(ChangeRejected event) {
        status = Status.REJECTED;
    }

    @EventSourcingHandler
    void on(ChangeWithdrawn event) {
        status = Status.WITHDRAWN;
    }
}
