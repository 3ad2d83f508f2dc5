package dev.charter.dispute.change;

import dev.charter.contracts.disputes.Approval;
import dev.charter.contracts.disputes.ApprovalOutcome;
import dev.charter.contracts.disputes.ChangeKind;
import dev.charter.contracts.disputes.ChangeVerdict;
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
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.CloseReason;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.contracts.voting.TallySummary;
import dev.charter.contracts.voting.ThresholdBase;
import dev.charter.dispute.change.ChangeCommands.ProposeChange;
import dev.charter.dispute.change.ChangeCommands.PublishChangeResult;
import dev.charter.dispute.change.ChangeCommands.RecordApprovalClosed;
import dev.charter.dispute.change.ChangeCommands.RecordApprovalOpened;
import dev.charter.dispute.change.ChangeCommands.RecordApprovalReferredToLead;
import dev.charter.dispute.change.ChangeCommands.WithdrawChange;
import dev.charter.dispute.Fixtures;
import dev.charter.platform.roster.ModuleFacts;
import dev.charter.platform.roster.PersonStanding;
import dev.charter.platform.web.GovernanceException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.charter.dispute.Fixtures.BALLOT;
import static dev.charter.dispute.Fixtures.RULES;
import static dev.charter.dispute.Fixtures.SETTINGS;
import static dev.charter.dispute.Fixtures.T0;
import static dev.charter.dispute.Fixtures.core;
import static dev.charter.dispute.Fixtures.maintainerOf;
import static dev.charter.dispute.Fixtures.nobody;
import static dev.charter.dispute.Fixtures.tally;
import static dev.charter.testsupport.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

/** The ChangeProposal aggregate, one test per rule branch (R17, R8). */
class ChangeProposalTest {

    static final String ID = "c-1";
    static final String ISSUE = "https://github.com/org/repo/issues/100";
    static final DecisionRule MAJORITY = DecisionRule.majority();
    static final DecisionRule SUPERMAJORITY_75 = new DecisionRule(DecisionMethod.SUPERMAJORITY, 0.75,
            ThresholdBase.SEATED, null);
    static final Map<String, ModuleFacts> MODULES = Map.of(
            "nn", Fixtures.module("nn", "Neural networks", true, MAJORITY),
            "nn-functional", Fixtures.module("nn-functional", "Functional", true, SUPERMAJORITY_75),
            "legacy", Fixtures.module("legacy", "Legacy", false, MAJORITY));
    static final String CORE_REQUEST = ChangeProposal.coreRequestId(ID);
    static final String NN_REQUEST = ChangeProposal.moduleRequestId(ID, "nn");
    static final String FN_REQUEST = ChangeProposal.moduleRequestId(ID, "nn-functional");
    static final List<String> CORE = List.of("ada", "grace", "linus");
    static final TallySummary CARRIED = tally(3, 2, 1, BallotOutcome.CARRIED);
    static final TallySummary REJECTED = tally(2, 0, 2, BallotOutcome.REJECTED);

    private AggregateTestFixture<ChangeProposal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ChangeProposal.class);
        fixture.registerInjectableResource(SETTINGS);
    }

    @Test
    @DisplayName("R17: a proposal requests one ballot per body together: the core maintainers by majority, each affected module by its own rule (R4)")
    void proposed() {
        fixture.givenNoPriorActivity()
                .when(propose(maintainerOf("dennis", "nn"), List.of(" NN ", "nn-functional", "nn")))
                .expectEvents(proposedEvent(), requested(CORE_REQUEST, BallotBody.CORE_MAINTAINERS, null, MAJORITY,
                                "the core maintainers"),
                        requested(NN_REQUEST, BallotBody.MODULE_MAINTAINERS, "nn", MAJORITY,
                                "module nn's maintainers"),
                        requested(FN_REQUEST, BallotBody.MODULE_MAINTAINERS, "nn-functional", SUPERMAJORITY_75,
                                "module nn-functional's maintainers"));
    }

    @Test
    @DisplayName("R17: the linked discussion issue is required (400), an https URL (400)")
    void discussionIssueRequired() {
        fixture.givenNoPriorActivity()
                .when(new ProposeChange(ID, ChangeKind.CORE_REMOVAL, "Drop Python 3.8", "Support ends.", List.of(),
                        MODULES, " ", core("grace"), T0, RULES))
                .expectException(refusal(GovernanceException.BadInput.class, "discussion-issue-required", null));
        fixture.givenNoPriorActivity()
                .when(new ProposeChange(ID, ChangeKind.CORE_REMOVAL, "Drop Python 3.8", "Support ends.", List.of(),
                        MODULES, "ftp://example.org/1", core("grace"), T0, RULES))
                .expectException(refusal(GovernanceException.BadInput.class, "invalid-url", null));
    }

    @Test
    @DisplayName("R17: only a core or module maintainer proposes (403); affected modules exist (404) and are active (409)")
    void proposerAndModules() {
        fixture.givenNoPriorActivity()
                .when(propose(nobody("zoe"), List.of("nn")))
                .expectException(refusal(GovernanceException.NotAllowed.class, "not-a-maintainer", "R17"));
        fixture.givenNoPriorActivity()
                .when(propose(core("grace"), List.of("nope")))
                .expectException(refusal(GovernanceException.NotFound.class, "no-such-module", null));
        fixture.givenNoPriorActivity()
                .when(propose(core("grace"), List.of("legacy")))
                .expectException(refusal(GovernanceException.Conflict.class, "module-retired", "R15"));
    }

    @Test
    @DisplayName("R17: approved only when every body's ballot carried; then a core maintainer of the core electorate publishes the reasoning")
    void approved() {
        fixture.given(votingWithCoreOpened())
                .andGivenCommands(closed(CORE_REQUEST, BallotOutcome.CARRIED, CARRIED, null),
                        closed(NN_REQUEST, BallotOutcome.CARRIED, CARRIED, null))
                .when(closed(FN_REQUEST, BallotOutcome.CARRIED, CARRIED, null))
                .expectEvents(closedEvent(FN_REQUEST, BallotBody.MODULE_MAINTAINERS, "nn-functional",
                        BallotOutcome.CARRIED, CARRIED, null),
                        new ChangeAwaitingReasoning(ID, ChangeVerdict.APPROVED, List.of(
                                approval(CORE_REQUEST, ApprovalOutcome.CARRIED, CARRIED, null),
                                approval(NN_REQUEST, ApprovalOutcome.CARRIED, CARRIED, null),
                                approval(FN_REQUEST, ApprovalOutcome.CARRIED, CARRIED, null))));
        List<Approval> all = List.of(approval(CORE_REQUEST, ApprovalOutcome.CARRIED, CARRIED, null),
                approval(NN_REQUEST, ApprovalOutcome.CARRIED, CARRIED, null),
                approval(FN_REQUEST, ApprovalOutcome.CARRIED, CARRIED, null));
        fixture.given(votingWithCoreOpened())
                .andGivenCommands(closed(CORE_REQUEST, BallotOutcome.CARRIED, CARRIED, null),
                        closed(NN_REQUEST, BallotOutcome.CARRIED, CARRIED, null),
                        closed(FN_REQUEST, BallotOutcome.CARRIED, CARRIED, null))
                .when(new PublishChangeResult(ID, core("grace"), ChangeVerdict.APPROVED, "Every body agreed.", RULES))
                .expectEvents(new ChangeApproved(ID, ChangeKind.BACKWARDS_INCOMPATIBLE_API_CHANGE, "New optimizer API",
                        List.of("nn", "nn-functional"), ISSUE, all, "Every body agreed.", "grace", RULES));
    }

    @Test
    @DisplayName("R17: rejected as soon as one affected group rejects; the other ballots still open are cancelled")
    void rejectedByOneGroup() {
        String reason = "Proposal c-1 was rejected: the ballot of module nn-functional's group ended REJECTED.";
        fixture.given(votingWithCoreOpened())
                .andGivenCommands(closed(NN_REQUEST, BallotOutcome.CARRIED, CARRIED, null))
                .when(closed(FN_REQUEST, BallotOutcome.REJECTED, REJECTED, null))
                .expectEvents(closedEvent(FN_REQUEST, BallotBody.MODULE_MAINTAINERS, "nn-functional",
                                BallotOutcome.REJECTED, REJECTED, null),
                        new ChangeApprovalCancelled(ID, CORE_REQUEST, reason),
                        new ChangeAwaitingReasoning(ID, ChangeVerdict.REJECTED, List.of(
                                approval(CORE_REQUEST, ApprovalOutcome.CANCELLED, null, null),
                                approval(NN_REQUEST, ApprovalOutcome.CARRIED, CARRIED, null),
                                approval(FN_REQUEST, ApprovalOutcome.REJECTED, REJECTED, null))));
    }

    @Test
    @DisplayName("R17: the result carries every ballot's outcome; its verdict must be the ballots' (422); not before (409)")
    void rejectedResult() {
        fixture.given(votingWithCoreOpened())
                .andGivenCommands(closed(FN_REQUEST, BallotOutcome.REJECTED, REJECTED, null))
                .when(new PublishChangeResult(ID, core("grace"), ChangeVerdict.APPROVED, "Yes.", RULES))
                .expectException(refusal(GovernanceException.RuleViolation.class, "outcome-mismatch", "R17"));
        fixture.given(votingWithCoreOpened())
                .when(new PublishChangeResult(ID, core("grace"), ChangeVerdict.APPROVED, "Early.", RULES))
                .expectException(refusal(GovernanceException.Conflict.class, "ballots-not-closed", "R17"));
        fixture.given(votingWithCoreOpened())
                .andGivenCommands(closed(FN_REQUEST, BallotOutcome.REJECTED, REJECTED, null))
                .when(new PublishChangeResult(ID, core("linus"), ChangeVerdict.REJECTED, "Functional said no.", RULES))
                .expectEvents(new ChangeRejected(ID, ChangeKind.BACKWARDS_INCOMPATIBLE_API_CHANGE, "New optimizer API",
                        List.of("nn", "nn-functional"), ISSUE, List.of(
                        approval(CORE_REQUEST, ApprovalOutcome.CANCELLED, null, null),
                        approval(NN_REQUEST, ApprovalOutcome.CANCELLED, null, null),
                        approval(FN_REQUEST, ApprovalOutcome.REJECTED, REJECTED, null)),
                        "Functional said no.", "linus", RULES));
        fixture.given(votingWithCoreOpened())
                .andGivenCommands(closed(FN_REQUEST, BallotOutcome.REJECTED, REJECTED, null))
                .when(new PublishChangeResult(ID, maintainerOf("dennis", "nn"), ChangeVerdict.REJECTED, "No.", RULES))
                .expectException(refusal(GovernanceException.NotAllowed.class, "not-in-deciding-body", "R17"));
    }

    @Test
    @DisplayName("R17, R8: a tied core ballot goes to the lead; when the lead decided, the lead publishes the result")
    void tiedCoreBallotGoesToLead() {
        TallySummary tied = tally(2, 1, 1, BallotOutcome.TIED);
        String coreBallot = BallotIds.forRequest(CORE_REQUEST);
        fixture.given(votingWithCoreOpened())
                .when(new RecordApprovalReferredToLead(ID, coreBallot, "ada", tied))
                .expectEvents(new ChangeApprovalReferredToLead(ID, coreBallot, "ada", tied));
        TallySummary decided = tally(2, 1, 1, BallotOutcome.CARRIED);
        fixture.given(votingWithCoreOpened())
                .andGivenCommands(closed(NN_REQUEST, BallotOutcome.CARRIED, CARRIED, null),
                        closed(FN_REQUEST, BallotOutcome.CARRIED, CARRIED, null),
                        closed(CORE_REQUEST, BallotOutcome.CARRIED, decided, "ada"))
                .when(new PublishChangeResult(ID, core("grace"), ChangeVerdict.APPROVED, "Agreed.", RULES))
                .expectException(refusal(GovernanceException.NotAllowed.class, "lead-decides", "R8"));
    }

    @Test
    @DisplayName("R17: the proposer withdraws while the bodies decide; the open ballots are cancelled; nobody else may (403)")
    void withdrawn() {
        String reason = "Proposal c-1 was withdrawn by dennis: Superseded by #120.";
        fixture.given(votingWithCoreOpened())
                .andGivenCommands(closed(NN_REQUEST, BallotOutcome.CARRIED, CARRIED, null))
                .when(new WithdrawChange(ID, "dennis", "Superseded by #120."))
                .expectEvents(new ChangeWithdrawn(ID, "dennis", "Superseded by #120."),
                        new ChangeApprovalCancelled(ID, CORE_REQUEST, reason),
                        new ChangeApprovalCancelled(ID, FN_REQUEST, reason));
        fixture.given(voting())
                .when(new WithdrawChange(ID, "grace", "No."))
                .expectException(refusal(GovernanceException.NotAllowed.class, "not-the-proposer", "R17"));
    }

    @Test
    @DisplayName("R17: a ballot that closed before its cancellation reached voting-service is recorded as it closed; the verdict stays")
    void lateCloseRecorded() {
        fixture.given(votingWithCoreOpened())
                .andGivenCommands(closed(FN_REQUEST, BallotOutcome.REJECTED, REJECTED, null))
                .when(closed(NN_REQUEST, BallotOutcome.CARRIED, CARRIED, null))
                .expectEvents(closedEvent(NN_REQUEST, BallotBody.MODULE_MAINTAINERS, "nn", BallotOutcome.CARRIED,
                        CARRIED, null));
        fixture.given(votingWithCoreOpened())
                .andGivenCommands(closed(NN_REQUEST, BallotOutcome.CARRIED, CARRIED, null))
                .when(closed(NN_REQUEST, BallotOutcome.CARRIED, CARRIED, null))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R17: each approval ballot's opening is recorded once, with its body; another request's is ignored")
    void openingsRecorded() {
        fixture.given(voting())
                .when(opened(FN_REQUEST))
                .expectEvents(new ChangeApprovalOpened(ID, BallotIds.forRequest(FN_REQUEST),
                        BallotBody.MODULE_MAINTAINERS, "nn-functional", CORE, List.of()));
        fixture.given(votingWithCoreOpened())
                .when(opened(CORE_REQUEST))
                .expectNoEvents();
        fixture.given(voting())
                .when(new RecordApprovalOpened(ID, "ballot-x", "change:other:core", CORE, List.of()))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R17: the verdict: rejected by any ballot that did not carry, approved when all carried, otherwise open")
    void verdicts() {
        Approval carried = approval(CORE_REQUEST, ApprovalOutcome.CARRIED, CARRIED, null);
        Approval pending = approval(NN_REQUEST, ApprovalOutcome.PENDING, null, null);
        Approval noQuorum = approval(FN_REQUEST, ApprovalOutcome.NO_QUORUM, null, null);
        assertThat(ChangeProposal.verdictOf(List.of(carried, pending))).isEmpty();
        assertThat(ChangeProposal.verdictOf(List.of(carried, pending, noQuorum))).contains(ChangeVerdict.REJECTED);
        assertThat(ChangeProposal.verdictOf(List.of(carried))).contains(ChangeVerdict.APPROVED);
    }

    // --- helpers

    private static ProposeChange propose(PersonStanding proposer, List<String> modules) {
        return new ProposeChange(ID, ChangeKind.BACKWARDS_INCOMPATIBLE_API_CHANGE, " New optimizer API ",
                "Optimizers take parameter groups only.", modules, MODULES, " " + ISSUE + " ", proposer, T0, RULES);
    }

    private static ChangeProposed proposedEvent() {
        return new ChangeProposed(ID, ChangeKind.BACKWARDS_INCOMPATIBLE_API_CHANGE, "New optimizer API",
                "Optimizers take parameter groups only.", List.of("nn", "nn-functional"), ISSUE, "dennis",
                List.of(approval(CORE_REQUEST, ApprovalOutcome.PENDING, null, null),
                        approval(NN_REQUEST, ApprovalOutcome.PENDING, null, null),
                        approval(FN_REQUEST, ApprovalOutcome.PENDING, null, null)), RULES);
    }

    private static Object[] voting() {
        List<Object> events = new ArrayList<>();
        events.add(proposedEvent());
        events.add(requested(CORE_REQUEST, BallotBody.CORE_MAINTAINERS, null, MAJORITY, "the core maintainers"));
        events.add(requested(NN_REQUEST, BallotBody.MODULE_MAINTAINERS, "nn", MAJORITY, "module nn's maintainers"));
        events.add(requested(FN_REQUEST, BallotBody.MODULE_MAINTAINERS, "nn-functional", SUPERMAJORITY_75,
                "module nn-functional's maintainers"));
        return events.toArray();
    }

    private static Object[] votingWithCoreOpened() {
        List<Object> events = new ArrayList<>(List.of(voting()));
        events.add(coreOpened());
        return events.toArray();
    }

    private static ChangeApprovalOpened coreOpened() {
        return new ChangeApprovalOpened(ID, BallotIds.forRequest(CORE_REQUEST), BallotBody.CORE_MAINTAINERS, null,
                CORE, List.of());
    }

    private static ChangeApprovalRequested requested(String requestId, BallotBody body, String moduleId,
                                                     DecisionRule rule, String who) {
        return new ChangeApprovalRequested(ID, new BallotRequest(requestId, "CHANGE_PROPOSAL", ID,
                "Approve the controversial change \"New optimizer API\" (BACKWARDS_INCOMPATIBLE_API_CHANGE, discussed "
                        + "at " + ISSUE + ") as " + who + "? (R17)", body, moduleId, List.of(), rule.method(),
                rule.threshold(), rule.base(), rule.quorum(), List.of(), T0.plus(BALLOT), List.of(), "dennis"));
    }

    private static RecordApprovalClosed closed(String requestId, BallotOutcome outcome, TallySummary tally,
                                               String decidedBy) {
        return new RecordApprovalClosed(ID, BallotIds.forRequest(requestId), requestId, outcome, tally,
                decidedBy == null ? CloseReason.OUTCOME_SETTLED : CloseReason.DECIDED_BY_LEAD, decidedBy);
    }

    private static ChangeApprovalClosed closedEvent(String requestId, BallotBody body, String moduleId,
                                                    BallotOutcome outcome, TallySummary tally, String decidedBy) {
        return new ChangeApprovalClosed(ID, BallotIds.forRequest(requestId), body, moduleId, outcome, tally,
                decidedBy == null ? CloseReason.OUTCOME_SETTLED : CloseReason.DECIDED_BY_LEAD, decidedBy);
    }

    private static Approval approval(String requestId, ApprovalOutcome outcome, TallySummary tally,
                                     String decidedBy) {
        BallotBody body = requestId.equals(CORE_REQUEST) ? BallotBody.CORE_MAINTAINERS : BallotBody.MODULE_MAINTAINERS;
        String moduleId = requestId.equals(NN_REQUEST) ? "nn" : requestId.equals(FN_REQUEST) ? "nn-functional" : null;
        DecisionRule rule = requestId.equals(FN_REQUEST) ? SUPERMAJORITY_75 : MAJORITY;
        return new Approval(body, moduleId, rule, requestId, BallotIds.forRequest(requestId), outcome, tally,
                decidedBy);
    }

    private static RecordApprovalOpened opened(String requestId) {
        return new RecordApprovalOpened(ID, BallotIds.forRequest(requestId), requestId, CORE, List.of());
    }
}
