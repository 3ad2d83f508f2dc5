package dev.charter.voting.ballot;

import dev.charter.contracts.registry.ConflictKind;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotIds;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.Choice;
import dev.charter.contracts.voting.CloseReason;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.OptionCount;
import dev.charter.contracts.voting.Recusal;
import dev.charter.contracts.voting.RecusalReason;
import dev.charter.contracts.voting.Round;
import dev.charter.contracts.voting.Tally;
import dev.charter.contracts.voting.ThresholdBase;
import dev.charter.contracts.voting.VotingEvent.BallotCancelled;
import dev.charter.contracts.voting.VotingEvent.BallotClosed;
import dev.charter.contracts.voting.VotingEvent.BallotOpened;
import dev.charter.contracts.voting.VotingEvent.BallotReferredToLead;
import dev.charter.contracts.voting.VotingEvent.MemberRecused;
import dev.charter.contracts.voting.VotingEvent.VoteCast;
import dev.charter.platform.messaging.DeadlineMetadataInterceptor;
import dev.charter.platform.messaging.EventMetadata;
import dev.charter.platform.roster.DeclaredConflict;
import dev.charter.platform.web.GovernanceException;
import dev.charter.voting.ballot.BallotCommands.CancelBallot;
import dev.charter.voting.ballot.BallotCommands.CastVote;
import dev.charter.voting.ballot.BallotCommands.ClosingTime;
import dev.charter.voting.ballot.BallotCommands.DecideAsLead;
import dev.charter.voting.ballot.BallotCommands.OpenBallot;
import dev.charter.voting.ballot.BallotCommands.Opened;
import dev.charter.voting.ballot.BallotCommands.RecuseSelf;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.charter.testsupport.Refusals.refusal;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.predicate;

/** The Ballot aggregate, one test per rule branch. */
class BallotTest {

    private static final List<String> CORE = List.of("ada", "grace", "linus", "margaret");
    private static final BodySnapshot CORE_BODY = new BodySnapshot(CORE, "ada", List.of());
    private static final Duration WEEK = Duration.ofDays(7);
    private static final String RULES = "test-rules/1";
    private static final String SYSTEM_ACTOR = "system:voting";

    private AggregateTestFixture<Ballot> fixture;
    private Instant now;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Ballot.class);
        // as the platform configures every deadline manager: deadlines fire as the service, and what their
        // handlers apply copies that metadata
        fixture.registerDeadlineDispatchInterceptor(new DeadlineMetadataInterceptor(SYSTEM_ACTOR, RULES));
        fixture.registerDeadlineHandlerInterceptor(new CorrelationDataInterceptor<>(List.of(
                new SimpleCorrelationDataProvider(EventMetadata.ACTOR, EventMetadata.CORRELATION_ID,
                        EventMetadata.CAUSATION_ID, EventMetadata.RULES_VERSION))));
        now = fixture.currentTime();
    }

    // --- opening -------------------------------------------------------------------------------------------

    @Test
    @DisplayName("R10: the electorate is frozen at opening; the subject and members conflicted with them are recused")
    void opensWithFrozenElectorateAndRecusals() {
        BallotRequest request = request("removal-margaret", BallotBody.CORE_MAINTAINERS, DecisionMethod.MAJORITY,
                List.of("margaret"));
        BodySnapshot body = new BodySnapshot(CORE, "ada",
                List.of(new DeclaredConflict("c1", "linus", "margaret", ConflictKind.OTHER)));
        fixture.givenNoPriorActivity()
                .when(new OpenBallot(id(request), request, body, 42, RULES, now))
                .expectEvents(new BallotOpened(id(request), request, List.of("ada", "grace"), List.of(
                        new Recusal("linus", RecusalReason.CONFLICT_OF_INTEREST,
                                "Declared conflict of interest with margaret."),
                        new Recusal("margaret", RecusalReason.SUBJECT, "The ballot concerns margaret.")),
                        "ada", 42, RULES))
                .expectScheduledDeadline(request.deadline(), new ClosingTime(id(request)))
                .expectResultMessagePayloadMatching(matches(Opened.class, o -> o.status() == BallotStatus.OPEN));
    }

    @Test
    @DisplayName("a request delivered twice opens nothing new: the ballot id is derived from the request id")
    void requestTwiceOpensNothingNew() {
        BallotRequest request = coreMajority("twice");
        fixture.given(opened(request, CORE))
                .when(new OpenBallot(id(request), request, CORE_BODY, 7, RULES, now))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(matches(Opened.class, o -> o.opened() == null));
    }

    @Test
    @DisplayName("R8: SOLE_DECIDER is the lead deciding alone; any other body with it is refused")
    void soleDeciderOnlyForTheLead() {
        BallotRequest request = request("sole", BallotBody.CORE_MAINTAINERS, DecisionMethod.SOLE_DECIDER, List.of());
        fixture.givenNoPriorActivity()
                .when(new OpenBallot(id(request), request, CORE_BODY, 1, RULES, now))
                .expectNoEvents()
                .expectException(refusal(GovernanceException.RuleViolation.class, "sole-decider-is-the-lead", "R8"));
    }

    @Test
    @DisplayName("R17: the pooled body CORE_AND_AFFECTED_MODULES is retired: a new ballot on it is refused (422), nothing opens")
    void pooledBodyOpensNoNewBallot() {
        BallotRequest request = request("pooled", BallotBody.CORE_AND_AFFECTED_MODULES, DecisionMethod.MAJORITY,
                List.of());
        fixture.givenNoPriorActivity()
                .when(new OpenBallot(id(request), request, CORE_BODY, 1, RULES, now))
                .expectNoEvents()
                .expectException(refusal(GovernanceException.RuleViolation.class, "body-retired", "R17"));
    }

    @Test
    @DisplayName("R17, R8: a ballot opened on the pooled body before its retirement is read and counted as recorded: its members vote, a tie goes to the lead")
    void pooledBallotFromHistoryIsCountedAsRecorded() {
        BallotRequest pooled = new BallotRequest("pooled-before", "CHANGE", "pooled-before", "Remove the aliases?",
                BallotBody.CORE_AND_AFFECTED_MODULES, null, List.of("nn"), DecisionMethod.MAJORITY, null, null, null,
                List.of(), now.plus(WEEK), List.of(), "system:nominations");
        fixture.given(opened(pooled, List.of("ada", "dennis", "grace", "linus")),
                        new VoteCast(id(pooled), "ada", Choice.YES, List.of(), null, false),
                        new VoteCast(id(pooled), "dennis", Choice.NO, List.of(), null, false),
                        new VoteCast(id(pooled), "grace", Choice.NO, List.of(), null, false))
                .when(vote(pooled, "linus", Choice.YES))
                .expectEventsMatching(exactSequenceOf(
                        predicate((EventMessage<?> e) -> e.getPayload() instanceof VoteCast),
                        predicate((EventMessage<?> e) -> e.getPayload() instanceof BallotReferredToLead referred
                                && referred.lead().equals("ada") && referred.tally().yes() == 2),
                        andNoMore()));
    }

    @Test
    @DisplayName("a ballot whose id is not its request's is refused")
    void ballotIdFromRequest() {
        BallotRequest request = coreMajority("mismatch");
        fixture.givenNoPriorActivity()
                .when(new OpenBallot("ballot-other", request, CORE_BODY, 1, RULES, now))
                .expectException(refusal(GovernanceException.BadInput.class, "invalid-ballot-id", null));
    }

    @Test
    @DisplayName("R1: a body with nobody left to vote closes at once with NO_QUORUM")
    void emptyElectorateClosesAtOnce() {
        BallotRequest request = request("nobody", BallotBody.MODULE_MAINTAINERS, DecisionMethod.MAJORITY, List.of());
        Tally tally = yesNoTally(0, 0, 0, 0, 0, null, false);
        fixture.givenNoPriorActivity()
                .when(new OpenBallot(id(request), request, new BodySnapshot(List.of(), "ada", List.of()), 1, RULES, now))
                .expectEvents(new BallotOpened(id(request), request, List.of(), List.of(), "ada", 1, RULES),
                        closed(request, BallotOutcome.NO_QUORUM, tally, CloseReason.OUTCOME_SETTLED, null, null))
                .expectNoScheduledDeadlines();
    }

    // --- voting --------------------------------------------------------------------------------------------

    @Test
    @DisplayName("R1: a person outside the body's frozen electorate may not vote (403)")
    void nonMemberMayNotVote() {
        BallotRequest request = coreMajority("outsider");
        fixture.given(opened(request, CORE))
                .when(vote(request, "dennis", Choice.YES))
                .expectNoEvents()
                .expectException(refusal(GovernanceException.NotAllowed.class, "not-in-electorate", null));
    }

    @Test
    @DisplayName("R10: a recused member may not vote (403)")
    void recusedMayNotVote() {
        BallotRequest request = request("recused", BallotBody.CORE_MAINTAINERS, DecisionMethod.MAJORITY,
                List.of("margaret"));
        fixture.given(new BallotOpened(id(request), request, List.of("ada", "grace", "linus"),
                        List.of(new Recusal("margaret", RecusalReason.SUBJECT, "The ballot concerns margaret.")), "ada",
                        1, RULES))
                .when(vote(request, "margaret", Choice.NO))
                .expectNoEvents()
                .expectException(refusal(GovernanceException.NotAllowed.class, "recused", "R10"));
    }

    @Test
    @DisplayName("a vote after the ballot closed is refused (409)")
    void voteAfterCloseConflicts() {
        BallotRequest request = coreMajority("late");
        fixture.given(opened(request, CORE), closed(request, BallotOutcome.REJECTED,
                        yesNoTally(4, 0, 0, 0, 0, null, false), CloseReason.DEADLINE, null, null))
                .when(vote(request, "grace", Choice.YES))
                .expectNoEvents()
                .expectException(refusal(GovernanceException.Conflict.class, "ballot-closed", null));
    }

    @Test
    @DisplayName("a vote at the deadline, before the closing runs, is refused (409)")
    void voteAtDeadlineConflicts() {
        BallotRequest request = coreMajority("deadline-vote");
        fixture.given(opened(request, CORE))
                .when(new CastVote(id(request), "grace", Choice.YES, List.of(), null, "grace", request.deadline()))
                .expectNoEvents()
                .expectException(refusal(GovernanceException.Conflict.class, "voting-ended", null));
    }

    @Test
    @DisplayName("a member casts only their own vote (403)")
    void ownVoteOnly() {
        BallotRequest request = coreMajority("own");
        fixture.given(opened(request, CORE))
                .when(new CastVote(id(request), "grace", Choice.YES, null, null, "linus", now))
                .expectNoEvents()
                .expectException(refusal(GovernanceException.NotAllowed.class, "not-your-vote", null));
    }

    @Test
    @DisplayName("a member changes their vote until close; the change is public")
    void voteChange() {
        BallotRequest request = coreMajority("change");
        fixture.given(opened(request, CORE), cast(request, "grace", Choice.NO, null, false))
                .when(new CastVote(id(request), "Grace", Choice.YES, null, "convinced by the design doc", "grace", now))
                .expectEvents(cast(request, "grace", Choice.YES, "convinced by the design doc", true));
    }

    @Test
    @DisplayName("the same vote again changes nothing")
    void sameVoteTwice() {
        BallotRequest request = coreMajority("same");
        fixture.given(opened(request, CORE), cast(request, "grace", Choice.NO, null, false))
                .when(vote(request, "grace", Choice.NO))
                .expectNoEvents();
    }

    // --- closing early, ties, the lead ---------------------------------------------------------------------

    @Test
    @DisplayName("R4: a majority vote closes as soon as no outstanding vote can change it")
    void majoritySettlesEarly() {
        BallotRequest request = coreMajority("settles");
        fixture.givenCommands(open(request, CORE_BODY), vote(request, "ada", Choice.YES), vote(request, "grace", Choice.YES))
                .when(vote(request, "linus", Choice.YES))
                .expectEvents(cast(request, "linus", Choice.YES, null, false),
                        closed(request, BallotOutcome.CARRIED, yesNoTally(4, 0, 3, 0, 0, null, true),
                                CloseReason.OUTCOME_SETTLED, null, null))
                .expectNoScheduledDeadlines();
    }

    @Test
    @DisplayName("R4: while the outcome can still change, a vote does not close the ballot")
    void majorityNotSettled() {
        BallotRequest request = coreMajority("open");
        fixture.givenCommands(open(request, CORE_BODY), vote(request, "ada", Choice.YES))
                .when(vote(request, "grace", Choice.YES))
                .expectEvents(cast(request, "grace", Choice.YES, null, false))
                .expectScheduledDeadline(request.deadline(), new ClosingTime(id(request)));
    }

    @Test
    @DisplayName("R8: a tied core-maintainer ballot is referred to the lead")
    void coreTieGoesToLead() {
        BallotRequest request = coreMajority("tie");
        Tally tie = yesNoTally(4, 0, 2, 2, 0, null, true);
        fixture.givenCommands(open(request, CORE_BODY), vote(request, "ada", Choice.YES),
                        vote(request, "grace", Choice.YES), vote(request, "linus", Choice.NO))
                .when(vote(request, "margaret", Choice.NO))
                .expectEvents(cast(request, "margaret", Choice.NO, null, false),
                        new BallotReferredToLead(id(request), "ada", tie))
                .expectNoScheduledDeadlines();
    }

    @Test
    @DisplayName("R8: the lead's deciding choice and public reasoning close a tied ballot")
    void leadDecidesTie() {
        BallotRequest request = coreMajority("decide");
        Tally tie = yesNoTally(4, 0, 2, 2, 0, null, true);
        fixture.given(opened(request, CORE), new BallotReferredToLead(id(request), "ada", tie))
                .when(new DecideAsLead(id(request), "ADA", Choice.NO, "  The migration cost outweighs the gain.  "))
                .expectEvents(closed(request, BallotOutcome.REJECTED, tie, CloseReason.DECIDED_BY_LEAD, "ada",
                        "The migration cost outweighs the gain."));
    }

    @Test
    @DisplayName("R8: only the lead decides a tie (403)")
    void onlyLeadDecides() {
        BallotRequest request = coreMajority("not-lead");
        fixture.given(opened(request, CORE), new BallotReferredToLead(id(request), "ada",
                        yesNoTally(4, 0, 2, 2, 0, null, true)))
                .when(new DecideAsLead(id(request), "grace", Choice.YES, "I would like it"))
                .expectNoEvents()
                .expectException(refusal(GovernanceException.NotAllowed.class, "not-the-lead", "R8"));
    }

    @Test
    @DisplayName("R8: the lead's decision carries public reasoning (422)")
    void leadDecisionNeedsReasoning() {
        BallotRequest request = coreMajority("no-reason");
        fixture.given(opened(request, CORE), new BallotReferredToLead(id(request), "ada",
                        yesNoTally(4, 0, 2, 2, 0, null, true)))
                .when(new DecideAsLead(id(request), "ada", Choice.YES, " "))
                .expectNoEvents()
                .expectException(refusal(GovernanceException.RuleViolation.class, "reasoning-required", "R8"));
    }

    @Test
    @DisplayName("R8: the lead decides only a ballot referred to them (409)")
    void leadDecidesOnlyReferred() {
        BallotRequest request = coreMajority("not-referred");
        fixture.given(opened(request, CORE))
                .when(new DecideAsLead(id(request), "ada", Choice.YES, "because"))
                .expectNoEvents()
                .expectException(refusal(GovernanceException.Conflict.class, "not-referred-to-lead", "R8"));
    }

    @Test
    @DisplayName("R8: a tie on a ballot about the lead is not referred to the lead; it closes TIED")
    void tieAboutTheLeadStaysTied() {
        BallotRequest request = request("about-lead", BallotBody.CORE_MAINTAINERS, DecisionMethod.MAJORITY,
                List.of("ada"));
        List<Recusal> recusals = List.of(new Recusal("ada", RecusalReason.SUBJECT, "The ballot concerns ada."));
        fixture.given(new BallotOpened(id(request), request, List.of("grace", "linus"), recusals, "ada", 1, RULES),
                        cast(request, "grace", Choice.YES, null, false))
                .when(vote(request, "linus", Choice.NO))
                .expectEvents(cast(request, "linus", Choice.NO, null, false),
                        closed(request, BallotOutcome.TIED, yesNoTally(2, 1, 1, 1, 0, null, true),
                                CloseReason.OUTCOME_SETTLED, null, null));
    }

    @Test
    @DisplayName("R4: a tie of a module group's ballot closes TIED; the lead decides ties of the core maintainers only")
    void moduleTieCloses() {
        BallotRequest request = request("module-tie", BallotBody.MODULE_MAINTAINERS, DecisionMethod.MAJORITY, List.of());
        fixture.given(new BallotOpened(id(request), request, List.of("dennis", "frances"), List.of(), "ada", 1, RULES),
                        cast(request, "dennis", Choice.YES, null, false))
                .when(vote(request, "frances", Choice.NO))
                .expectEvents(cast(request, "frances", Choice.NO, null, false),
                        closed(request, BallotOutcome.TIED, yesNoTally(2, 0, 1, 1, 0, null, true),
                                CloseReason.OUTCOME_SETTLED, null, null));
    }

    // --- super-majority, unanimity, sole decider, ranked choice ---------------------------------------------

    @Test
    @DisplayName("R12: removing the lead needs at least 75% of the core maintainers without the lead — 3 of 4 carries")
    void leadRemovalCarriesAtThreeOfFour() {
        BallotRequest request = leadRemoval("lead-removal-carried");
        BodySnapshot core5 = new BodySnapshot(List.of("ada", "grace", "ken", "linus", "margaret"), "ada", List.of());
        fixture.givenCommands(open(request, core5), vote(request, "grace", Choice.YES), vote(request, "ken", Choice.YES))
                .when(vote(request, "linus", Choice.YES))
                .expectEvents(cast(request, "linus", Choice.YES, null, false),
                        closed(request, BallotOutcome.CARRIED, yesNoTally(4, 1, 3, 0, 0, 3, true),
                                CloseReason.OUTCOME_SETTLED, null, null));
    }

    @Test
    @DisplayName("R12: the lead is recused as the subject, so the 75% base is the core maintainers without the lead")
    void leadRemovalExcludesTheLead() {
        BallotRequest request = leadRemoval("lead-removal-base");
        BodySnapshot core5 = new BodySnapshot(List.of("ada", "grace", "ken", "linus", "margaret"), "ada", List.of());
        fixture.givenNoPriorActivity()
                .when(open(request, core5))
                .expectEvents(new BallotOpened(id(request), request, List.of("grace", "ken", "linus", "margaret"),
                        List.of(new Recusal("ada", RecusalReason.SUBJECT, "The ballot concerns ada.")), "ada", 5, RULES));
    }

    @Test
    @DisplayName("R12: 2 yes of 4 seated stays short of 75% and is rejected at the deadline")
    void leadRemovalRejectedAtDeadline() {
        BallotRequest request = leadRemoval("lead-removal-rejected");
        BodySnapshot core5 = new BodySnapshot(List.of("ada", "grace", "ken", "linus", "margaret"), "ada", List.of());
        fixture.givenCommands(open(request, core5), vote(request, "grace", Choice.YES), vote(request, "ken", Choice.YES),
                        vote(request, "linus", Choice.NO))
                .whenTimeElapses(WEEK)
                .expectEvents(closed(request, BallotOutcome.REJECTED, yesNoTally(4, 1, 2, 1, 0, 3, true),
                        CloseReason.DEADLINE, null, null));
    }

    @Test
    @DisplayName("R4: a group deciding by UNANIMOUS — a single no settles it as rejected")
    void unanimousRejectedByOneNo() {
        BallotRequest request = request("unanimous", BallotBody.CORE_MAINTAINERS, DecisionMethod.UNANIMOUS, List.of());
        fixture.givenCommands(open(request, CORE_BODY), vote(request, "ada", Choice.YES))
                .when(vote(request, "grace", Choice.NO))
                .expectEvents(cast(request, "grace", Choice.NO, null, false),
                        closed(request, BallotOutcome.REJECTED, yesNoTally(4, 0, 1, 1, 0, 4, true),
                                CloseReason.OUTCOME_SETTLED, null, null));
    }

    @Test
    @DisplayName("R8, R11: the lead deciding alone decides with public reasoning, at once")
    void soleDeciderDecides() {
        BallotRequest request = request("core-nomination", BallotBody.LEAD, DecisionMethod.SOLE_DECIDER,
                List.of("grace"));
        fixture.givenCommands(open(request, new BodySnapshot(List.of("ada"), "ada", List.of())))
                .when(new CastVote(id(request), "ada", Choice.YES, null, "Strong letters of support.", "ada", now))
                .expectEvents(cast(request, "ada", Choice.YES, "Strong letters of support.", false),
                        closed(request, BallotOutcome.CARRIED, yesNoTally(1, 0, 1, 0, 0, 1, true),
                                CloseReason.OUTCOME_SETTLED, "ada", "Strong letters of support."));
    }

    @Test
    @DisplayName("R8: the lead deciding alone gives reasoning (422)")
    void soleDeciderNeedsReasoning() {
        BallotRequest request = request("core-nomination-bare", BallotBody.LEAD, DecisionMethod.SOLE_DECIDER, List.of());
        fixture.givenCommands(open(request, new BodySnapshot(List.of("ada"), "ada", List.of())))
                .when(vote(request, "ada", Choice.YES))
                .expectNoEvents()
                .expectException(refusal(GovernanceException.RuleViolation.class, "reasoning-required", "R8"));
    }

    @Test
    @DisplayName("R13: a ranked-choice election closes with every round once every member ranked")
    void rankedChoiceClosesWithRounds() {
        BallotRequest request = election("election-1");
        BodySnapshot core = new BodySnapshot(List.of("grace", "linus", "margaret"), null, List.of());
        Round round = new Round(1, List.of(new OptionCount("grace", 2), new OptionCount("linus", 1),
                new OptionCount("margaret", 0)), null, false, 0);
        fixture.givenCommands(open(request, core), rank(request, "grace", "grace", "linus"),
                        rank(request, "linus", "linus", "grace"))
                .when(rank(request, "margaret", "grace"))
                .expectEvents(new VoteCast(id(request), "margaret", null, List.of("grace"), null, false),
                        closed(request, BallotOutcome.CARRIED, new Tally(3, 0, 3, 0, 0, 0, null, true, List.of(round), "grace"),
                                CloseReason.OUTCOME_SETTLED, null, null));
    }

    @Test
    @DisplayName("R13: a ranking of something that is not an option is refused (400)")
    void rankingOfUnknownOption() {
        BallotRequest request = election("election-2");
        fixture.givenCommands(open(request, new BodySnapshot(List.of("grace", "linus", "margaret"), null, List.of())))
                .when(rank(request, "grace", "grace", "ken"))
                .expectNoEvents()
                .expectException(refusal(GovernanceException.BadInput.class, "invalid-vote", null));
    }

    // --- deadline, recusal, cancelling ---------------------------------------------------------------------

    @Test
    @DisplayName("R4: at the deadline the ballot closes with the count so far, as the service itself; short of quorum is NO_QUORUM")
    void deadlineClosesWithoutQuorum() {
        BallotRequest request = new BallotRequest("quorum", "MOTION", "quorum", "Adopt?", BallotBody.CORE_MAINTAINERS,
                null, List.of(), DecisionMethod.MAJORITY, null, null, 0.75, List.of(), now.plus(WEEK), List.of(), "ada");
        fixture.givenCommands(open(request, CORE_BODY), vote(request, "grace", Choice.YES))
                .whenTimeElapses(WEEK)
                .expectEvents(closed(request, BallotOutcome.NO_QUORUM, yesNoTally(4, 0, 1, 0, 0, null, false),
                        CloseReason.DEADLINE, null, null))
                .expectEventsMatching(exactSequenceOf(predicate((EventMessage<?> e) ->
                        SYSTEM_ACTOR.equals(e.getMetaData().get(EventMetadata.ACTOR))
                                && RULES.equals(e.getMetaData().get(EventMetadata.RULES_VERSION))), andNoMore()));
    }

    @Test
    @DisplayName("a ballot closes exactly once: the deadline of a ballot already closed does nothing")
    void deadlineAfterCloseDoesNothing() {
        BallotRequest request = coreMajority("once");
        fixture.givenCommands(open(request, CORE_BODY))
                .andGiven(closed(request, BallotOutcome.CARRIED, yesNoTally(4, 0, 3, 0, 0, null, true),
                        CloseReason.OUTCOME_SETTLED, null, null))
                .whenTimeElapses(WEEK)
                .expectNoEvents();
    }

    @Test
    @DisplayName("R10: a member recuses themselves with a reason; their vote no longer counts and the rest may settle it")
    void selfRecusal() {
        BallotRequest request = coreMajority("self-recusal");
        fixture.givenCommands(open(request, CORE_BODY), vote(request, "ada", Choice.YES), vote(request, "grace", Choice.YES),
                        vote(request, "linus", Choice.NO))
                .when(new RecuseSelf(id(request), "linus", "I reviewed the proposal for my employer.", now))
                .expectEvents(new MemberRecused(id(request), "linus", RecusalReason.SELF,
                                "I reviewed the proposal for my employer."),
                        closed(request, BallotOutcome.CARRIED, yesNoTally(3, 1, 2, 0, 0, null, true),
                                CloseReason.OUTCOME_SETTLED, null, null));
    }

    @Test
    @DisplayName("R10: only a member of the electorate recuses (403)")
    void onlyMembersRecuse() {
        BallotRequest request = coreMajority("stranger-recusal");
        fixture.given(opened(request, CORE))
                .when(new RecuseSelf(id(request), "dennis", "not mine", now))
                .expectNoEvents()
                .expectException(refusal(GovernanceException.NotAllowed.class, "not-in-electorate", "R10"));
    }

    @Test
    @DisplayName("a ballot whose request became moot is cancelled, and its deadline with it")
    void cancel() {
        BallotRequest request = coreMajority("cancel");
        fixture.givenCommands(open(request, CORE_BODY))
                .when(new CancelBallot(id(request), "The nomination was withdrawn."))
                .expectEvents(new BallotCancelled(id(request), request.requestId(), "The nomination was withdrawn."))
                .expectNoScheduledDeadlines();
    }

    @Test
    @DisplayName("a cancelled ballot takes no votes (409)")
    void cancelledTakesNoVotes() {
        BallotRequest request = coreMajority("cancelled");
        fixture.given(opened(request, CORE), new BallotCancelled(id(request), request.requestId(), "withdrawn"))
                .when(vote(request, "ada", Choice.YES))
                .expectNoEvents()
                .expectException(refusal(GovernanceException.Conflict.class, "ballot-cancelled", null));
    }

    @Test
    @DisplayName("cancelling a decided ballot changes nothing: a decision stands")
    void cancelDecided() {
        BallotRequest request = coreMajority("cancel-decided");
        fixture.given(opened(request, CORE), closed(request, BallotOutcome.CARRIED,
                        yesNoTally(4, 0, 3, 0, 0, null, true), CloseReason.OUTCOME_SETTLED, null, null))
                .when(new CancelBallot(id(request), "too late"))
                .expectNoEvents();
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private BallotRequest request(String requestId, BallotBody body, DecisionMethod method, List<String> concerned) {
        return new BallotRequest(requestId, "NOMINATION", requestId, "Confirm?", body,
                body == BallotBody.MODULE_MAINTAINERS ? "nn" : null, List.of(), method, null, null, null, List.of(),
                now.plus(WEEK), concerned, "system:nominations");
    }

    private BallotRequest coreMajority(String requestId) {
        return request(requestId, BallotBody.CORE_MAINTAINERS, DecisionMethod.MAJORITY, List.of());
    }

    private BallotRequest leadRemoval(String requestId) {
        return new BallotRequest(requestId, "NOMINATION", requestId, "Remove the lead?", BallotBody.CORE_MAINTAINERS,
                null, List.of(), DecisionMethod.SUPERMAJORITY, 0.75, ThresholdBase.SEATED, null, List.of(),
                now.plus(WEEK), List.of("ada"), "system:nominations");
    }

    private BallotRequest election(String requestId) {
        return new BallotRequest(requestId, "LEAD_ELECTION", requestId, "Who leads?", BallotBody.CORE_MAINTAINERS,
                null, List.of(), DecisionMethod.RANKED_CHOICE, null, null, null, List.of("grace", "linus", "margaret"),
                now.plus(WEEK), List.of(), "system:nominations");
    }

    private static String id(BallotRequest request) {
        return BallotIds.forRequest(request.requestId());
    }

    private OpenBallot open(BallotRequest request, BodySnapshot body) {
        return new OpenBallot(id(request), request, body, 5, RULES, now);
    }

    private static BallotOpened opened(BallotRequest request, List<String> electorate) {
        return new BallotOpened(id(request), request, electorate, List.of(), "ada", 5, RULES);
    }

    private CastVote vote(BallotRequest request, String voter, Choice choice) {
        return new CastVote(id(request), voter, choice, null, null, voter, now);
    }

    private CastVote rank(BallotRequest request, String voter, String... ranking) {
        return new CastVote(id(request), voter, null, List.of(ranking), null, voter, now);
    }

    private static VoteCast cast(BallotRequest request, String voter, Choice choice, String comment, boolean changed) {
        return new VoteCast(id(request), voter, choice, List.of(), comment, changed);
    }

    private static BallotClosed closed(BallotRequest request, BallotOutcome outcome, Tally tally, CloseReason reason,
                                       String decidedBy, String reasoning) {
        return new BallotClosed(id(request), request.requestId(), request.subjectKind(), request.subjectId(),
                request.method(), outcome, tally, reason, decidedBy, reasoning, RULES);
    }

    private static Tally yesNoTally(int electorate, int recused, int yes, int no, int abstain, Integer required,
                                    boolean quorumMet) {
        return new Tally(electorate, recused, yes + no + abstain, yes, no, abstain, required, quorumMet,
                List.of(new Round(1, List.of(new OptionCount("YES", yes), new OptionCount("NO", no),
                        new OptionCount("ABSTAIN", abstain)), null, false, 0)), null);
    }

    private static <T> Matcher<Object> matches(Class<T> type, java.util.function.Predicate<T> test) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return type.isInstance(item) && test.test(type.cast(item));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a matching " + type.getSimpleName());
            }
        };
    }
}
