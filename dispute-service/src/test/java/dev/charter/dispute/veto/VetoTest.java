package dev.charter.dispute.veto;

import dev.charter.contracts.disputes.DisputeEvent.VetoAwaitingReasoning;
import dev.charter.contracts.disputes.DisputeEvent.VetoBallotOpened;
import dev.charter.contracts.disputes.DisputeEvent.VetoCarried;
import dev.charter.contracts.disputes.DisputeEvent.VetoProposed;
import dev.charter.contracts.disputes.DisputeEvent.VetoReferredToLead;
import dev.charter.contracts.disputes.DisputeEvent.VetoRejected;
import dev.charter.contracts.disputes.VetoOutcome;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotIds;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.CloseReason;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.Recusal;
import dev.charter.contracts.voting.RecusalReason;
import dev.charter.contracts.voting.TallySummary;
import dev.charter.platform.roster.PersonStanding;
import dev.charter.dispute.veto.VetoCommands.ProposeVeto;
import dev.charter.dispute.veto.VetoCommands.PublishVetoDecision;
import dev.charter.dispute.veto.VetoCommands.RecordVetoBallotClosed;
import dev.charter.dispute.veto.VetoCommands.RecordVetoBallotOpened;
import dev.charter.dispute.veto.VetoCommands.RecordVetoReferredToLead;
import dev.charter.platform.web.GovernanceException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.charter.dispute.Fixtures.BALLOT;
import static dev.charter.dispute.Fixtures.CONFIRMATION;
import static dev.charter.dispute.Fixtures.RULES;
import static dev.charter.dispute.Fixtures.SETTINGS;
import static dev.charter.dispute.Fixtures.T0;
import static dev.charter.dispute.Fixtures.VETO_WINDOW;
import static dev.charter.dispute.Fixtures.core;
import static dev.charter.dispute.Fixtures.lead;
import static dev.charter.dispute.Fixtures.maintainerOf;
import static dev.charter.dispute.Fixtures.tally;
import static dev.charter.testsupport.Refusals.refusal;

/** The Veto aggregate, one test per rule branch (R7, R8). */
class VetoTest {

    static final String ID = Veto.idFor(CONFIRMATION.decisionId());
    static final String REQUEST = Veto.requestId(ID);
    static final String BALLOT_ID = BallotIds.forRequest(REQUEST);
    static final Instant WINDOW_ENDS = CONFIRMATION.decidedAt().plus(VETO_WINDOW);
    static final List<String> CORE = List.of("ada", "grace", "linus");
    static final String REASONING = "Ann's appointment skipped the group's own process.";

    private AggregateTestFixture<Veto> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Veto.class);
        fixture.registerInjectableResource(SETTINGS);
    }

    @Test
    @DisplayName("R7: a core maintainer proposes to veto a module-level decision, with reasoning: a core ballot by majority, the appointee concerned")
    void proposed() {
        fixture.givenNoPriorActivity()
                .when(propose(core("grace"), T0))
                .expectEvents(proposedEvent(T0));
    }

    @Test
    @DisplayName("R7: only a core maintainer (the lead is one) proposes a veto (403)")
    void onlyCoreMaintainers() {
        fixture.givenNoPriorActivity()
                .when(propose(maintainerOf("dennis", "nn"), T0))
                .expectException(refusal(GovernanceException.NotAllowed.class, "not-a-core-maintainer", "R7"));
        fixture.givenNoPriorActivity()
                .when(propose(lead("ada"), T0))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("R7: a veto proposed after the veto window is refused (422); on its last instant it is accepted")
    void vetoWindow() {
        fixture.givenNoPriorActivity()
                .when(propose(core("grace"), WINDOW_ENDS.plusSeconds(1)))
                .expectException(refusal(GovernanceException.RuleViolation.class, "veto-window-passed", "R7"));
        fixture.givenNoPriorActivity()
                .when(propose(core("grace"), WINDOW_ENDS))
                .expectEvents(proposedEvent(WINDOW_ENDS));
    }

    @Test
    @DisplayName("R7: a second veto of the same decision is refused (409): vetoed already, pending, or decided not to veto")
    void oneVetoPerDecision() {
        fixture.given(carriedEvents())
                .when(propose(core("linus"), T0.plusSeconds(3600)))
                .expectException(refusal(GovernanceException.Conflict.class, "already-vetoed", "R7"));
        fixture.given(proposedEvent(T0))
                .when(propose(core("linus"), T0.plusSeconds(3600)))
                .expectException(refusal(GovernanceException.Conflict.class, "veto-pending", "R7"));
        fixture.given(awaiting(BallotOutcome.REJECTED, null))
                .andGivenCommands(new PublishVetoDecision(ID, "grace", VetoOutcome.REJECTED, "It stands.", RULES))
                .when(propose(core("linus"), T0.plusSeconds(3600)))
                .expectException(refusal(GovernanceException.Conflict.class, "veto-already-decided", "R7"));
    }

    @Test
    @DisplayName("R7: a veto carries reasoning (400 when blank) and its id is the decision's veto id (400)")
    void reasoningAndId() {
        fixture.givenNoPriorActivity()
                .when(new ProposeVeto(ID, CONFIRMATION, core("grace"), " ", T0))
                .expectException(refusal(GovernanceException.BadInput.class, "blank-reasoning", null));
        new AggregateTestFixture<>(Veto.class).registerInjectableResource(SETTINGS).givenNoPriorActivity()
                .when(new ProposeVeto("veto-other", CONFIRMATION, core("grace"), REASONING, T0))
                .expectException(refusal(GovernanceException.BadInput.class, "invalid-veto-id", null));
    }

    @Test
    @DisplayName("R7: a carried ballot vetoes the decision once a core maintainer of its electorate publishes the reasoning")
    void carried() {
        TallySummary summary = tally(3, 2, 1, BallotOutcome.CARRIED);
        fixture.given(awaiting(BallotOutcome.CARRIED, null))
                .when(new PublishVetoDecision(ID, "linus", VetoOutcome.CARRIED, "The group bypassed its process.",
                        RULES))
                .expectEvents(new VetoCarried(ID, CONFIRMATION, "grace", "The group bypassed its process.", "linus",
                        BALLOT_ID, summary, RULES));
    }

    @Test
    @DisplayName("R7: a rejected ballot leaves the decision standing (VetoRejected); the stated outcome must be the ballot's (422)")
    void rejected() {
        fixture.given(awaiting(BallotOutcome.REJECTED, null))
                .when(new PublishVetoDecision(ID, "grace", VetoOutcome.CARRIED, "Veto anyway.", RULES))
                .expectException(refusal(GovernanceException.RuleViolation.class, "outcome-mismatch", "R7"));
        fixture.given(awaiting(BallotOutcome.REJECTED, null))
                .when(new PublishVetoDecision(ID, "grace", VetoOutcome.REJECTED, "The group acted within its rules.",
                        RULES))
                .expectEvents(new VetoRejected(ID, CONFIRMATION, "grace", "The group acted within its rules.",
                        "grace", BALLOT_ID, tally(3, 1, 2, BallotOutcome.REJECTED), RULES));
    }

    @Test
    @DisplayName("R7: the reasoning comes from the ballot's electorate (403), after the ballot closed (409); a recused appointee is out")
    void reasoningPublisher() {
        fixture.given(awaiting(BallotOutcome.CARRIED, null))
                .when(new PublishVetoDecision(ID, "dennis", VetoOutcome.CARRIED, "Yes.", RULES))
                .expectException(refusal(GovernanceException.NotAllowed.class, "not-in-deciding-body", "R7"));
        fixture.given(proposedEvent(T0), ballotOpened())
                .when(new PublishVetoDecision(ID, "grace", VetoOutcome.CARRIED, "Early.", RULES))
                .expectException(refusal(GovernanceException.Conflict.class, "ballot-not-closed", "R7"));
        List<Recusal> recused = List.of(new Recusal("ann", RecusalReason.SUBJECT, null));
        fixture.given(proposedEvent(T0))
                .when(new RecordVetoBallotOpened(ID, BALLOT_ID, REQUEST, CORE, recused))
                .expectEvents(new VetoBallotOpened(ID, BALLOT_ID, CORE, recused));
    }

    @Test
    @DisplayName("R8: a tie among the core maintainers goes to the lead, who alone publishes the reasoning of the veto")
    void tieGoesToLead() {
        TallySummary tied = tally(2, 1, 1, BallotOutcome.TIED);
        fixture.given(proposedEvent(T0), ballotOpened())
                .when(new RecordVetoReferredToLead(ID, BALLOT_ID, "ada", tied))
                .expectEvents(new VetoReferredToLead(ID, BALLOT_ID, "ada", tied));
        fixture.given(awaiting(BallotOutcome.CARRIED, "ada"))
                .when(new PublishVetoDecision(ID, "grace", VetoOutcome.CARRIED, "Me too.", RULES))
                .expectException(refusal(GovernanceException.NotAllowed.class, "lead-decides", "R8"));
        fixture.given(awaiting(BallotOutcome.CARRIED, "ada"))
                .when(new PublishVetoDecision(ID, "ada", VetoOutcome.CARRIED, "The process matters more.", RULES))
                .expectEvents(new VetoCarried(ID, CONFIRMATION, "grace", "The process matters more.", "ada",
                        BALLOT_ID, tally(2, 1, 1, BallotOutcome.CARRIED), RULES));
    }

    @Test
    @DisplayName("R7: a close of another request's ballot, or a second close, changes nothing")
    void closeRecordedOnce() {
        fixture.given(proposedEvent(T0), ballotOpened())
                .when(new RecordVetoBallotClosed(ID, "ballot-x", "other", tally(3, 2, 1, BallotOutcome.CARRIED),
                        CloseReason.OUTCOME_SETTLED, null))
                .expectNoEvents();
        fixture.given(awaiting(BallotOutcome.CARRIED, null))
                .when(new RecordVetoBallotClosed(ID, BALLOT_ID, REQUEST, tally(3, 2, 1, BallotOutcome.CARRIED),
                        CloseReason.OUTCOME_SETTLED, null))
                .expectNoEvents();
    }

    // --- helpers

    private static ProposeVeto propose(PersonStanding proposer, Instant at) {
        return new ProposeVeto(ID, CONFIRMATION, proposer, " " + REASONING + " ", at);
    }

    static VetoProposed proposedEvent(Instant at) {
        return new VetoProposed(ID, CONFIRMATION, "grace", REASONING, "P90D", WINDOW_ENDS,
                new BallotRequest(REQUEST, "VETO", ID, "Veto module nn-functional's decision \"Confirm ann as a "
                        + "maintainer of module nn-functional\"? (R7)", BallotBody.CORE_MAINTAINERS, null, List.of(),
                        DecisionMethod.MAJORITY, null, null, null, List.of(), at.plus(BALLOT), List.of("ann"),
                        "grace"));
    }

    static VetoBallotOpened ballotOpened() {
        return new VetoBallotOpened(ID, BALLOT_ID, CORE, List.of());
    }

    private static Object[] awaiting(BallotOutcome outcome, String decidedBy) {
        TallySummary summary = decidedBy != null ? tally(2, 1, 1, outcome)
                : tally(3, outcome == BallotOutcome.CARRIED ? 2 : 1, outcome == BallotOutcome.CARRIED ? 1 : 2, outcome);
        return new Object[]{proposedEvent(T0), ballotOpened(), new VetoAwaitingReasoning(ID, BALLOT_ID, summary,
                decidedBy == null ? CloseReason.OUTCOME_SETTLED : CloseReason.DECIDED_BY_LEAD, decidedBy)};
    }

    private static Object[] carriedEvents() {
        Object[] awaiting = awaiting(BallotOutcome.CARRIED, null);
        return new Object[]{awaiting[0], awaiting[1], awaiting[2], new VetoCarried(ID, CONFIRMATION, "grace",
                REASONING, "grace", BALLOT_ID, tally(3, 2, 1, BallotOutcome.CARRIED), RULES)};
    }
}
