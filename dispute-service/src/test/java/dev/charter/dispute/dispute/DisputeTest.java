package dev.charter.dispute.dispute;

import dev.charter.contracts.disputes.DisputeEvent.DisputeAnswered;
import dev.charter.contracts.disputes.DisputeEvent.DisputeAwaitingRuling;
import dev.charter.contracts.disputes.DisputeEvent.DisputeEscalated;
import dev.charter.contracts.disputes.DisputeEvent.DisputeOpened;
import dev.charter.contracts.disputes.DisputeEvent.DisputeResolved;
import dev.charter.contracts.disputes.DisputeEvent.DisputeRuled;
import dev.charter.contracts.disputes.DisputeEvent.DisputeWithdrawn;
import dev.charter.contracts.disputes.DisputeEvent.EscalationBallotOpened;
import dev.charter.contracts.disputes.DisputeEvent.EscalationReferredToLead;
import dev.charter.contracts.disputes.RulingOutcome;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotIds;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.CloseReason;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.TallySummary;
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
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.charter.dispute.Fixtures.BALLOT;
import static dev.charter.dispute.Fixtures.MOTION;
import static dev.charter.dispute.Fixtures.RESPONSE_WINDOW;
import static dev.charter.dispute.Fixtures.RULES;
import static dev.charter.dispute.Fixtures.SETTINGS;
import static dev.charter.dispute.Fixtures.T0;
import static dev.charter.dispute.Fixtures.core;
import static dev.charter.dispute.Fixtures.lead;
import static dev.charter.dispute.Fixtures.maintainerOf;
import static dev.charter.dispute.Fixtures.nobody;
import static dev.charter.dispute.Fixtures.tally;
import static dev.charter.testsupport.Refusals.refusal;

/** The Dispute aggregate, one test per rule branch (R5, R6, R7, R8). */
class DisputeTest {

    static final String ID = "d-1";
    static final Instant DUE = T0.plus(RESPONSE_WINDOW);
    static final String REQUEST = Dispute.requestId(ID);
    static final String BALLOT_ID = BallotIds.forRequest(REQUEST);
    static final List<String> CORE = List.of("ada", "grace", "linus");

    private AggregateTestFixture<Dispute> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Dispute.class);
        fixture.registerInjectableResource(SETTINGS);
    }

    // --- opening (R5)

    @Test
    @DisplayName("R5: a maintainer of another module disputes a module-level decision; the response window is recorded and its deadline scheduled")
    void opens() {
        fixture.givenCurrentTime(T0)
                .when(open(maintainerOf("vera", "vision"), null))
                .expectEvents(opened())
                .expectScheduledDeadline(DUE, new Dispute.ResponseDue(ID));
    }

    @Test
    @DisplayName("R5: someone who maintains no module may not dispute (403), a core maintainer neither: the core maintainers veto (R7)")
    void onlyModuleMaintainersDispute() {
        fixture.givenNoPriorActivity()
                .when(open(nobody("zoe"), null))
                .expectException(refusal(GovernanceException.NotAllowed.class, "not-a-module-maintainer", "R5"));
        fixture.givenNoPriorActivity()
                .when(open(core("grace"), null))
                .expectException(refusal(GovernanceException.NotAllowed.class, "not-a-module-maintainer", "R5"));
    }

    @Test
    @DisplayName("R5: a dispute of one's own group's decision is refused (422), whatever other module one also maintains")
    void ownGroupRefused() {
        fixture.givenNoPriorActivity()
                .when(open(maintainerOf("dennis", "nn"), null))
                .expectException(refusal(GovernanceException.RuleViolation.class, "own-group-decision", "R5"));
        fixture.givenNoPriorActivity()
                .when(open(maintainerOf("frances", "nn", "vision"), "vision"))
                .expectException(refusal(GovernanceException.RuleViolation.class, "own-group-decision", "R5"));
    }

    @Test
    @DisplayName("R5: the disputing module is recorded: named when the disputant maintains several (400 otherwise), one of theirs (403)")
    void disputingModule() {
        fixture.givenCurrentTime(T0)
                .when(open(maintainerOf("vera", "audio", "vision"), "audio"))
                .expectEvents(new DisputeOpened(ID, MOTION, "vera", "audio", "It breaks our data loaders.",
                        List.of("https://github.com/org/repo/issues/7"), "P14D", DUE, RULES));
        fixture.givenNoPriorActivity()
                .when(open(maintainerOf("vera", "audio", "vision"), null))
                .expectException(refusal(GovernanceException.BadInput.class, "module-required", null));
        fixture.givenNoPriorActivity()
                .when(open(maintainerOf("vera", "vision"), "audio"))
                .expectException(refusal(GovernanceException.NotAllowed.class, "not-a-maintainer-of-module", "R5"));
    }

    @Test
    @DisplayName("R5: a dispute states its case (400 when blank) and links only https URLs (400)")
    void statementAndLinks() {
        fixture.givenNoPriorActivity()
                .when(new OpenDispute(ID, MOTION, maintainerOf("vera", "vision"), null, "  ", List.of(), T0, RULES))
                .expectException(refusal(GovernanceException.BadInput.class, "blank-statement", null));
        fixture.givenNoPriorActivity()
                .when(new OpenDispute(ID, MOTION, maintainerOf("vera", "vision"), null, "Wrong.",
                        List.of("http://example.org/x"), T0, RULES))
                .expectException(refusal(GovernanceException.BadInput.class, "invalid-url", null));
    }

    // --- the answer (R5, R6)

    @Test
    @DisplayName("R5, R6: a member of the respondent group publishes explanation, arguments and resolution; the deadline is cancelled")
    void answered() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(open(maintainerOf("vera", "vision"), null))
                .when(answer(maintainerOf("dennis", "nn")))
                .expectEvents(new DisputeAnswered(ID, "nn", "dennis", "We measured it.", "Speed outweighs the churn.",
                        "We keep the API and ship an adapter for vision."))
                .expectNoScheduledDeadlines();
    }

    @Test
    @DisplayName("R5: only the respondent group answers (403), with all three parts (400)")
    void answerChecks() {
        fixture.given(opened())
                .when(answer(maintainerOf("vera", "vision")))
                .expectException(refusal(GovernanceException.NotAllowed.class, "not-in-respondent-group", "R5"));
        fixture.given(opened())
                .when(new AnswerDispute(ID, maintainerOf("dennis", "nn"), "We measured it.", " ", null))
                .expectException(refusal(GovernanceException.BadInput.class, "answer-incomplete", null));
        fixture.given(opened(), answeredEvent())
                .when(answer(maintainerOf("dennis", "nn")))
                .expectException(refusal(GovernanceException.Conflict.class, "already-answered", "R5"));
    }

    @Test
    @DisplayName("R5: an answer after the withdrawal is refused (409)")
    void answerAfterWithdrawalRefused() {
        fixture.given(opened(), new DisputeWithdrawn(ID, "vera", "We talked it over.", null))
                .when(answer(maintainerOf("dennis", "nn")))
                .expectException(refusal(GovernanceException.Conflict.class, "dispute-withdrawn", "R5"));
    }

    @Test
    @DisplayName("R5: the disputing side accepts the resolution (resolved); not before the answer (409), not an outsider (403)")
    void accepted() {
        fixture.given(opened(), answeredEvent())
                .when(new AcceptResolution(ID, maintainerOf("walt", "vision")))
                .expectEvents(new DisputeResolved(ID, "walt"));
        fixture.given(opened())
                .when(new AcceptResolution(ID, maintainerOf("vera", "vision")))
                .expectException(refusal(GovernanceException.Conflict.class, "awaiting-answer", "R5"));
        fixture.given(opened(), answeredEvent())
                .when(new AcceptResolution(ID, maintainerOf("dennis", "nn")))
                .expectException(refusal(GovernanceException.NotAllowed.class, "not-the-disputing-side", "R5"));
    }

    // --- escalation (R5)

    @Test
    @DisplayName("R5: the disputing side escalates an answered dispute: a core maintainers' ballot on upholding the decision, by majority")
    void escalated() {
        fixture.given(opened(), answeredEvent())
                .when(new EscalateDispute(ID, maintainerOf("vera", "vision"), "The adapter is not enough.",
                        T0.plusSeconds(60)))
                .expectEvents(new DisputeEscalated(ID, "vera", "The adapter is not enough.", false,
                        request(T0.plusSeconds(60).plus(BALLOT), "vera")));
    }

    @Test
    @DisplayName("R5: escalating before the answer is refused (409): the group has its response window")
    void escalationWaitsForAnswer() {
        fixture.given(opened())
                .when(new EscalateDispute(ID, maintainerOf("vera", "vision"), null, T0.plusSeconds(60)))
                .expectException(refusal(GovernanceException.Conflict.class, "awaiting-answer", "R5"));
    }

    @Test
    @DisplayName("R5: no answer by the deadline escalates by itself, as the service, on the aggregate rebuilt from its events (a restart)")
    void automaticEscalationAtDeadline() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(open(maintainerOf("vera", "vision"), null))
                .whenTimeAdvancesTo(DUE)
                .expectEvents(new DisputeEscalated(ID, "system:dispute",
                        "The respondent group did not answer within the response window (P14D).", true,
                        request(DUE.plus(BALLOT), "system:dispute")));
    }

    @Test
    @DisplayName("R5: an answer in time means the deadline escalates nothing")
    void answeredInTimeNoEscalation() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(open(maintainerOf("vera", "vision"), null), answer(maintainerOf("dennis", "nn")))
                .whenTimeAdvancesTo(DUE.plusSeconds(1))
                .expectNoEvents();
    }

    // --- withdrawal (R5)

    @Test
    @DisplayName("R5: the disputing person withdraws before the ruling; an escalation ballot is cancelled with it")
    void withdrawn() {
        fixture.given(opened(), answeredEvent(), escalatedEvent())
                .when(new WithdrawDispute(ID, "vera", "Settled in the meeting."))
                .expectEvents(new DisputeWithdrawn(ID, "vera", "Settled in the meeting.", REQUEST));
        fixture.given(opened())
                .when(new WithdrawDispute(ID, "walt", "Not mine to withdraw."))
                .expectException(refusal(GovernanceException.NotAllowed.class, "not-the-disputant", "R5"));
        fixture.given(awaitingRuling(BallotOutcome.CARRIED, null))
                .andGivenCommands(new PublishRuling(ID, "grace", RulingOutcome.UPHELD, "It stands.", RULES))
                .when(new WithdrawDispute(ID, "vera", "Too late."))
                .expectException(refusal(GovernanceException.Conflict.class, "dispute-ended", "R5"));
    }

    // --- the ballot and the ruling (R5, R7, R8)

    @Test
    @DisplayName("R5: the escalation ballot's opening and close are recorded once; another request's ballot is ignored")
    void ballotRecordedOnce() {
        fixture.given(opened(), answeredEvent(), escalatedEvent())
                .when(new RecordEscalationBallotOpened(ID, BALLOT_ID, REQUEST, CORE, List.of()))
                .expectEvents(new EscalationBallotOpened(ID, BALLOT_ID, CORE, List.of()));
        fixture.given(opened(), answeredEvent(), escalatedEvent(), ballotOpened())
                .when(new RecordEscalationBallotOpened(ID, BALLOT_ID, REQUEST, CORE, List.of()))
                .expectNoEvents();
        fixture.given(opened(), answeredEvent(), escalatedEvent(), ballotOpened())
                .when(new RecordEscalationBallotClosed(ID, "ballot-x", "other:request", tally(3, 2, 1,
                        BallotOutcome.CARRIED), CloseReason.OUTCOME_SETTLED, null))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R7: a core maintainer of the electorate publishes the ruling with reasoning; a carried ballot upholds the decision")
    void ruledUpheld() {
        TallySummary carried = tally(3, 2, 1, BallotOutcome.CARRIED);
        fixture.given(awaitingRuling(BallotOutcome.CARRIED, null))
                .when(new PublishRuling(ID, "grace", RulingOutcome.UPHELD, " The group weighed it fairly. ", RULES))
                .expectEvents(new DisputeRuled(ID, MOTION, RulingOutcome.UPHELD, "The group weighed it fairly.",
                        "grace", BALLOT_ID, carried, RULES));
    }

    @Test
    @DisplayName("R7: the ruling's outcome must be the ballot's (422): a rejected ballot overturns the decision")
    void rulingMustMatchBallot() {
        fixture.given(awaitingRuling(BallotOutcome.REJECTED, null))
                .when(new PublishRuling(ID, "grace", RulingOutcome.UPHELD, "It stands.", RULES))
                .expectException(refusal(GovernanceException.RuleViolation.class, "outcome-mismatch", "R7"));
        fixture.given(awaitingRuling(BallotOutcome.REJECTED, null))
                .when(new PublishRuling(ID, "grace", RulingOutcome.OVERTURNED, "The API change goes back.", RULES))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("R7: only a core maintainer of the ballot's electorate publishes the ruling (403), after the ballot closed (409)")
    void rulingPublisher() {
        fixture.given(awaitingRuling(BallotOutcome.CARRIED, null))
                .when(new PublishRuling(ID, "vera", RulingOutcome.UPHELD, "I agree now.", RULES))
                .expectException(refusal(GovernanceException.NotAllowed.class, "not-in-deciding-body", "R7"));
        fixture.given(opened(), answeredEvent(), escalatedEvent(), ballotOpened())
                .when(new PublishRuling(ID, "grace", RulingOutcome.UPHELD, "Early.", RULES))
                .expectException(refusal(GovernanceException.Conflict.class, "ballot-not-closed", "R7"));
    }

    @Test
    @DisplayName("R5: a ballot that decided nothing (no quorum) leaves the decision standing")
    void noQuorumUpholds() {
        fixture.given(awaitingRuling(BallotOutcome.NO_QUORUM, null))
                .when(new PublishRuling(ID, "grace", RulingOutcome.UPHELD, "Nobody took it up; it stands.", RULES))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("R8: a tie among the core maintainers goes to the lead; the lead's ruling is the final step, no one else's (403)")
    void tieGoesToLead() {
        TallySummary tied = tally(2, 1, 1, BallotOutcome.TIED);
        fixture.given(opened(), answeredEvent(), escalatedEvent(), ballotOpened())
                .when(new RecordEscalationReferredToLead(ID, BALLOT_ID, "ada", tied))
                .expectEvents(new EscalationReferredToLead(ID, BALLOT_ID, "ada", tied));
        fixture.given(awaitingRuling(BallotOutcome.REJECTED, "ada"))
                .when(new PublishRuling(ID, "grace", RulingOutcome.OVERTURNED, "I agree with the lead.", RULES))
                .expectException(refusal(GovernanceException.NotAllowed.class, "lead-decides", "R8"));
        fixture.given(awaitingRuling(BallotOutcome.REJECTED, "ada"))
                .when(new PublishRuling(ID, "ada", RulingOutcome.OVERTURNED, "Vision's case is stronger.", RULES))
                .expectEvents(new DisputeRuled(ID, MOTION, RulingOutcome.OVERTURNED, "Vision's case is stronger.",
                        "ada", BALLOT_ID, tally(2, 1, 1, BallotOutcome.REJECTED), RULES));
    }

    // --- helpers

    private static OpenDispute open(PersonStanding disputant, String onBehalfOf) {
        return new OpenDispute(ID, MOTION, disputant, onBehalfOf, " It breaks our data loaders. ",
                List.of(" https://github.com/org/repo/issues/7 "), T0, RULES);
    }

    private static AnswerDispute answer(PersonStanding responder) {
        return new AnswerDispute(ID, responder, "We measured it.", "Speed outweighs the churn.",
                "We keep the API and ship an adapter for vision.");
    }

    static DisputeOpened opened() {
        return new DisputeOpened(ID, MOTION, "vera", "vision", "It breaks our data loaders.",
                List.of("https://github.com/org/repo/issues/7"), "P14D", DUE, RULES);
    }

    static DisputeAnswered answeredEvent() {
        return new DisputeAnswered(ID, "nn", "dennis", "We measured it.", "Speed outweighs the churn.",
                "We keep the API and ship an adapter for vision.");
    }

    static DisputeEscalated escalatedEvent() {
        return new DisputeEscalated(ID, "vera", null, false, request(T0.plus(BALLOT), "vera"));
    }

    static EscalationBallotOpened ballotOpened() {
        return new EscalationBallotOpened(ID, BALLOT_ID, CORE, List.of());
    }

    private static Object[] awaitingRuling(BallotOutcome outcome, String decidedBy) {
        TallySummary summary = outcome == BallotOutcome.NO_QUORUM ? new TallySummary(3, 0, 0, 0, 0, outcome)
                : decidedBy == null ? tally(3, outcome == BallotOutcome.CARRIED ? 2 : 1,
                outcome == BallotOutcome.CARRIED ? 1 : 2, outcome) : tally(2, 1, 1, outcome);
        return new Object[]{opened(), answeredEvent(), escalatedEvent(), ballotOpened(),
                new DisputeAwaitingRuling(ID, BALLOT_ID, summary,
                        decidedBy == null ? CloseReason.OUTCOME_SETTLED : CloseReason.DECIDED_BY_LEAD, decidedBy)};
    }

    private static BallotRequest request(Instant deadline, String requestedBy) {
        return new BallotRequest(REQUEST, "DISPUTE", ID, "Uphold module nn's decision \"Adopt the new optimizer API?\", "
                + "disputed by vera for module vision? (R5)", BallotBody.CORE_MAINTAINERS, null, List.of(),
                DecisionMethod.MAJORITY, null, null, null, List.of(), deadline, List.of(), requestedBy);
    }
}
