package dev.charter.nomination.election;

import dev.charter.contracts.nominations.NominationEvent.CandidacyAccepted;
import dev.charter.contracts.nominations.NominationEvent.CandidacyDeclared;
import dev.charter.contracts.nominations.NominationEvent.CandidacyDeclined;
import dev.charter.contracts.nominations.NominationEvent.CandidacyWindowReopened;
import dev.charter.contracts.nominations.NominationEvent.CandidateNominated;
import dev.charter.contracts.nominations.NominationEvent.ElectionInconclusive;
import dev.charter.contracts.nominations.NominationEvent.ElectionOpened;
import dev.charter.contracts.nominations.NominationEvent.LeadElected;
import dev.charter.contracts.nominations.NominationEvent.LeadElectionBallotRequested;
import dev.charter.contracts.nominations.VacancyReason;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.nomination.election.ElectionCommands.AcceptCandidacy;
import dev.charter.nomination.election.ElectionCommands.DeclareCandidacy;
import dev.charter.nomination.election.ElectionCommands.DeclineCandidacy;
import dev.charter.nomination.election.ElectionCommands.OpenElection;
import dev.charter.nomination.election.ElectionCommands.RecordElectionBallotClosed;
import dev.charter.platform.web.GovernanceException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.charter.nomination.Fixtures.BALLOT;
import static dev.charter.nomination.Fixtures.SETTINGS;
import static dev.charter.nomination.Fixtures.WINDOW;
import static dev.charter.nomination.Fixtures.core;
import static dev.charter.nomination.Fixtures.maintainerOf;
import static dev.charter.testsupport.Refusals.refusal;

/** The Election aggregate: the election of a new lead by ranked-choice voting (R13). */
class ElectionTest {

    static final String ID = "election-1";
    static final Instant T0 = Instant.parse("2100-05-01T09:00:00Z");
    static final Instant CLOSES = T0.plus(WINDOW);
    static final String RULES = "rules-test";

    private AggregateTestFixture<Election> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Election.class);
        fixture.registerInjectableResource(SETTINGS);
    }

    @Test
    @DisplayName("R13: the vacated lead seat opens an election among the core maintainers other than the former lead")
    void opens() {
        fixture.givenCurrentTime(T0)
                .when(new OpenElection(ID, "vacancy-1", "ada", VacancyReason.REMOVED,
                        List.of("linus", "ada", "grace"), T0))
                .expectEvents(new ElectionOpened(ID, "vacancy-1", "ada", VacancyReason.REMOVED,
                        List.of("grace", "linus"), CLOSES))
                .expectScheduledDeadline(CLOSES, new Election.CandidacyWindow(1));
    }

    @Test
    @DisplayName("R13: the same vacancy opens its election once")
    void opensOnce() {
        fixture.given(opened())
                .when(new OpenElection(ID, "vacancy-1", "ada", VacancyReason.REMOVED, List.of("grace"), T0))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R13: a core maintainer declares their candidacy; the answer is the event applied")
    void declares() {
        fixture.given(opened())
                .when(new DeclareCandidacy(ID, core("grace"), core("grace"), T0))
                .expectEvents(new CandidacyDeclared(ID, "grace"))
                .expectResultMessagePayload(new CandidacyDeclared(ID, "grace"));
    }

    @Test
    @DisplayName("R13: a core maintainer nominates another, who stands once they accept")
    void nominatedAndAccepts() {
        fixture.given(opened())
                .when(new DeclareCandidacy(ID, core("grace"), core("linus"), T0))
                .expectEvents(new CandidateNominated(ID, "linus", "grace"))
                .expectResultMessagePayload(new CandidateNominated(ID, "linus", "grace"));
        fixture.given(opened(new CandidateNominated(ID, "linus", "grace")))
                .when(new AcceptCandidacy(ID, "linus", core("linus"), T0))
                .expectEvents(new CandidacyAccepted(ID, "linus"))
                .expectResultMessagePayload(new CandidacyAccepted(ID, "linus"));
        fixture.given(opened())
                .when(new AcceptCandidacy(ID, "linus", core("linus"), T0))
                .expectException(refusal(GovernanceException.Conflict.class, "not-nominated", "R13"));
    }

    @Test
    @DisplayName("R13: a core maintainer answers only for their own candidacy (403)")
    void answersForThemselves() {
        fixture.given(opened(new CandidateNominated(ID, "linus", "grace")))
                .when(new AcceptCandidacy(ID, "linus", core("grace"), T0))
                .expectException(refusal(GovernanceException.NotAllowed.class, "not-the-candidate", "R13"));
        fixture.given(opened(new CandidateNominated(ID, "linus", "grace")))
                .when(new DeclineCandidacy(ID, "linus", core("grace"), T0))
                .expectException(refusal(GovernanceException.NotAllowed.class, "not-the-candidate", "R13"));
        fixture.given(opened(new CandidateNominated(ID, "linus", "grace")))
                .when(new AcceptCandidacy(ID, " Linus ", core("linus"), T0))
                .expectEvents(new CandidacyAccepted(ID, "linus"));
    }

    @Test
    @DisplayName("R13: only core maintainers stand or nominate (403); the former lead does not stand (422)")
    void whoStands() {
        fixture.given(opened())
                .when(new DeclareCandidacy(ID, maintainerOf("dennis", "nn"), maintainerOf("dennis", "nn"), T0))
                .expectException(refusal(GovernanceException.NotAllowed.class, "not-a-core-maintainer", "R13"));
        fixture.given(opened())
                .when(new DeclareCandidacy(ID, core("grace"), maintainerOf("dennis", "nn"), T0))
                .expectException(refusal(GovernanceException.RuleViolation.class, "candidate-not-a-core-maintainer",
                        "R13"));
        fixture.given(opened())
                .when(new DeclareCandidacy(ID, core("ada"), core("ada"), T0))
                .expectException(refusal(GovernanceException.RuleViolation.class, "former-lead-cannot-stand", "R13"));
    }

    @Test
    @DisplayName("R13: when the candidacy window runs out, a ranked-choice ballot among core maintainers is requested, the candidates its options")
    void windowRunsOut() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(new OpenElection(ID, "vacancy-1", "ada", VacancyReason.REMOVED,
                                List.of("ada", "grace", "linus", "margaret"), T0),
                        new DeclareCandidacy(ID, core("linus"), core("linus"), T0),
                        new DeclareCandidacy(ID, core("grace"), core("grace"), T0.plusSeconds(60)))
                .whenTimeAdvancesTo(CLOSES)
                .expectEvents(new LeadElectionBallotRequested(ID, electionBallot(1, List.of("grace", "linus"),
                        CLOSES)));
    }

    @Test
    @DisplayName("R13: the window closes early once every eligible core maintainer has stood or declined")
    void closesEarly() {
        Instant now = T0.plusSeconds(3600);
        fixture.givenCurrentTime(T0)
                .andGivenCommands(new OpenElection(ID, "vacancy-1", "ada", VacancyReason.REMOVED,
                                List.of("ada", "grace", "linus"), T0),
                        new DeclareCandidacy(ID, core("grace"), core("grace"), T0))
                .when(new DeclineCandidacy(ID, "linus", core("linus"), now))
                .expectEvents(new CandidacyDeclined(ID, "linus"),
                        new LeadElectionBallotRequested(ID, electionBallot(1, List.of("grace"), now)))
                .expectNoScheduledDeadlines();
    }

    @Test
    @DisplayName("R13: without any candidate the candidacy window opens again")
    void noCandidateReopens() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(new OpenElection(ID, "vacancy-1", "ada", VacancyReason.REMOVED,
                        List.of("ada", "grace", "linus"), T0))
                .whenTimeAdvancesTo(CLOSES)
                .expectEvents(new CandidacyWindowReopened(ID, CLOSES.plus(WINDOW),
                        "no candidate stood (the candidacy window ran out)"))
                .expectScheduledDeadline(CLOSES.plus(WINDOW), new Election.CandidacyWindow(2));
    }

    @Test
    @DisplayName("R13: the ranked-choice winner is elected lead")
    void winnerElected() {
        fixture.given(voting())
                .when(new RecordElectionBallotClosed(ID, "ballot-1", Election.requestId(ID, 1), BallotOutcome.CARRIED,
                        "grace", true, RULES, CLOSES.plus(BALLOT)))
                .expectEvents(new LeadElected(ID, "grace", "ballot-1", RULES));
    }

    @Test
    @DisplayName("R13, R1: a winner who is no longer a core maintainer does not become lead; the candidacy opens again")
    void winnerNoLongerCore() {
        Instant closed = CLOSES.plus(BALLOT);
        fixture.given(voting())
                .when(new RecordElectionBallotClosed(ID, "ballot-1", Election.requestId(ID, 1), BallotOutcome.CARRIED,
                        "grace", false, RULES, closed))
                .expectEvents(new ElectionInconclusive(ID, "ballot-1", BallotOutcome.CARRIED),
                        new CandidacyWindowReopened(ID, closed.plus(WINDOW),
                                "the winner, grace, is no longer a core maintainer (R1)"));
    }

    @Test
    @DisplayName("R13: a ballot that elects no one reopens the candidacy; the next ballot is a new request")
    void inconclusiveBallot() {
        Instant closed = CLOSES.plus(BALLOT);
        fixture.given(voting())
                .when(new RecordElectionBallotClosed(ID, "ballot-1", Election.requestId(ID, 1),
                        BallotOutcome.NO_QUORUM, null, false, RULES, closed))
                .expectEvents(new ElectionInconclusive(ID, "ballot-1", BallotOutcome.NO_QUORUM),
                        new CandidacyWindowReopened(ID, closed.plus(WINDOW), "the ballot elected no one"));
        List<Object> reopened = new ArrayList<>(voting());
        reopened.add(new ElectionInconclusive(ID, "ballot-1", BallotOutcome.NO_QUORUM));
        reopened.add(new CandidacyWindowReopened(ID, closed.plus(WINDOW), "the ballot elected no one"));
        fixture.given(reopened)
                .when(new DeclineCandidacy(ID, "linus", core("linus"), closed))
                .expectEvents(new CandidacyDeclined(ID, "linus"),
                        new LeadElectionBallotRequested(ID, electionBallot(2, List.of("grace"), closed)));
    }

    @Test
    @DisplayName("R13: candidacies close with the window (409); a stale ballot result changes nothing")
    void phases() {
        fixture.given(voting())
                .when(new DeclareCandidacy(ID, core("linus"), core("linus"), T0))
                .expectException(refusal(GovernanceException.Conflict.class, "candidacy-closed", "R13"));
        fixture.given(voting())
                .when(new RecordElectionBallotClosed(ID, "ballot-0", "election:other:ballot:1", BallotOutcome.CARRIED,
                        "linus", true, RULES, T0))
                .expectNoEvents();
    }

    private static List<Object> opened(Object... more) {
        List<Object> events = new ArrayList<>(List.of(new ElectionOpened(ID, "vacancy-1", "ada",
                VacancyReason.REMOVED, List.of("grace", "linus"), CLOSES)));
        events.addAll(List.of(more));
        return events;
    }

    /** Grace stands; the window ran out; the ballot is requested. */
    private static List<Object> voting() {
        return opened(new CandidacyDeclared(ID, "grace"),
                new LeadElectionBallotRequested(ID, electionBallot(1, List.of("grace"), CLOSES)));
    }

    private static BallotRequest electionBallot(int number, List<String> candidates, Instant at) {
        return new BallotRequest(Election.requestId(ID, number), Election.SUBJECT_KIND, ID,
                "Rank the candidates for lead core maintainer (R13).", BallotBody.CORE_MAINTAINERS, null, List.of(),
                DecisionMethod.RANKED_CHOICE, null, null, null, candidates, at.plus(BALLOT), List.of(),
                "system:nomination");
    }
}
