package dev.charter.nomination.seat;

import dev.charter.contracts.nominations.Contributions;
import dev.charter.contracts.nominations.DossierAuthor;
import dev.charter.contracts.nominations.EvidenceCategory;
import dev.charter.contracts.nominations.LetterKind;
import dev.charter.contracts.nominations.NominationEvent.EvidenceAdded;
import dev.charter.contracts.nominations.NominationEvent.LeadSeatVacated;
import dev.charter.contracts.nominations.NominationEvent.LetterOfSupportAdded;
import dev.charter.contracts.nominations.NominationEvent.NominationAwaitingReasoning;
import dev.charter.contracts.nominations.NominationEvent.NominationConfirmed;
import dev.charter.contracts.nominations.NominationEvent.NominationDeclined;
import dev.charter.contracts.nominations.NominationEvent.NominationReviewRequested;
import dev.charter.contracts.nominations.NominationEvent.NominationScheduledForReview;
import dev.charter.contracts.nominations.NominationEvent.NominationSubmitted;
import dev.charter.contracts.nominations.NominationEvent.NominationWithdrawn;
import dev.charter.contracts.nominations.NominationEvent.ReviewBallotOpened;
import dev.charter.contracts.nominations.NominationEvent.TestimonialAdded;
import dev.charter.contracts.nominations.NominationKind;
import dev.charter.contracts.nominations.RemovalGrounds;
import dev.charter.contracts.nominations.Standing;
import dev.charter.contracts.nominations.TestimonialStance;
import dev.charter.contracts.nominations.VacancyReason;
import dev.charter.contracts.registry.NominationProcess;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.CloseReason;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.contracts.voting.Recusal;
import dev.charter.contracts.voting.RecusalReason;
import dev.charter.contracts.voting.TallySummary;
import dev.charter.contracts.voting.ThresholdBase;
import dev.charter.nomination.seat.NominationCommands.AddEvidence;
import dev.charter.nomination.seat.NominationCommands.AddLetterOfSupport;
import dev.charter.nomination.seat.NominationCommands.AddTestimonial;
import dev.charter.nomination.seat.NominationCommands.PublishDecision;
import dev.charter.nomination.seat.NominationCommands.RecordReviewBallotClosed;
import dev.charter.nomination.seat.NominationCommands.RecordReviewBallotOpened;
import dev.charter.nomination.seat.NominationCommands.SubmitNomination;
import dev.charter.nomination.seat.NominationCommands.Submitted;
import dev.charter.nomination.seat.NominationCommands.WithdrawNomination;
import dev.charter.platform.roster.ModuleFacts;
import dev.charter.platform.roster.PersonStanding;
import dev.charter.platform.web.GovernanceException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.charter.nomination.Fixtures.BALLOT;
import static dev.charter.nomination.Fixtures.MEETING;
import static dev.charter.nomination.Fixtures.SETTINGS;
import static dev.charter.nomination.Fixtures.core;
import static dev.charter.nomination.Fixtures.lead;
import static dev.charter.nomination.Fixtures.maintainerOf;
import static dev.charter.nomination.Fixtures.person;
import static dev.charter.testsupport.Refusals.refusal;

/** The Nomination aggregate, one test per rule branch (R7–R13). */
class NominationTest {

    static final String ID = "n-1";
    static final Instant T0 = Instant.parse("2100-02-01T10:00:00Z");
    static final String RULES = "rules-test";

    static final DecisionRule MAJORITY = DecisionRule.majority();
    static final DecisionRule SUPERMAJORITY_75 = new DecisionRule(DecisionMethod.SUPERMAJORITY, 0.75,
            ThresholdBase.SEATED, null);
    static final ModuleFacts OWN_GROUP = new ModuleFacts("nn-functional", "Functional", ModuleFacts.Status.ACTIVE,
            NominationProcess.OWN_GROUP, SUPERMAJORITY_75, 365);
    static final ModuleFacts VIA_CORE = new ModuleFacts("nn", "Neural networks", ModuleFacts.Status.ACTIVE,
            NominationProcess.CORE_MAINTAINERS, MAJORITY, 365);
    static final Contributions CONTRIBUTIONS = new Contributions("Reviewed 200 pull requests of torch.nn",
            List.of("https://example.org/prs"));
    static final RemovalGrounds GROUNDS = new RemovalGrounds("No activity for two years", null, null, null);

    private AggregateTestFixture<Nomination> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Nomination.class);
        fixture.registerInjectableResource(SETTINGS);
    }

    // --- R9: module maintainers

    @Test
    @DisplayName("R9: a module whose group holds its own process decides at once, by its own rule (R4)")
    void ownGroupDecides() {
        fixture.givenCurrentTime(T0)
                .when(submit(NominationKind.MODULE_MAINTAINER, "ann", null, "nn-functional", person("bob"),
                        person("ann"), OWN_GROUP))
                .expectEvents(
                        submitted(NominationKind.MODULE_MAINTAINER, "ann", Role.MODULE_MAINTAINER, "nn-functional",
                                "bob", BallotBody.MODULE_MAINTAINERS, SUPERMAJORITY_75),
                        new NominationReviewRequested(ID, request(BallotBody.MODULE_MAINTAINERS, "nn-functional",
                                SUPERMAJORITY_75, "ann", "bob", T0.plus(BALLOT),
                                "Confirm ann as a maintainer of module nn-functional? (R9)")))
                .expectResultMessagePayload(new Submitted(submitted(NominationKind.MODULE_MAINTAINER, "ann",
                        Role.MODULE_MAINTAINER, "nn-functional", "bob", BallotBody.MODULE_MAINTAINERS, SUPERMAJORITY_75),
                        null))
                .expectNoScheduledDeadlines();
    }

    @Test
    @DisplayName("R9: a request to the core maintainers joins the next quarterly review; nothing is requested before")
    void requestJoinsReviewCycle() {
        fixture.givenCurrentTime(T0)
                .when(submit(NominationKind.MODULE_MAINTAINER, "ann", null, "nn", person("bob"), person("ann"),
                        VIA_CORE))
                .expectEvents(
                        submitted(NominationKind.MODULE_MAINTAINER, "ann", Role.MODULE_MAINTAINER, "nn", "bob",
                                BallotBody.CORE_MAINTAINERS, MAJORITY),
                        new NominationScheduledForReview(ID, MEETING.toString(), MEETING,
                                MEETING.minus(Duration.ofDays(14))))
                .expectResultMessagePayload(new Submitted(submitted(NominationKind.MODULE_MAINTAINER, "ann",
                        Role.MODULE_MAINTAINER, "nn", "bob", BallotBody.CORE_MAINTAINERS, MAJORITY),
                        new NominationScheduledForReview(ID, MEETING.toString(), MEETING,
                                MEETING.minus(Duration.ofDays(14)))))
                .expectScheduledDeadline(MEETING, new Nomination.ReviewMeeting(MEETING.toString()));
    }

    @Test
    @DisplayName("R9: its ballot opens at the cycle's meeting (a durable deadline), decided by core maintainers")
    void ballotOpensAtMeeting() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(submit(NominationKind.MODULE_MAINTAINER, "ann", null, "nn", person("bob"),
                        person("ann"), VIA_CORE))
                .whenTimeAdvancesTo(MEETING)
                .expectEvents(new NominationReviewRequested(ID, request(BallotBody.CORE_MAINTAINERS, null, MAJORITY,
                        "ann", "bob", MEETING.plus(BALLOT), "Confirm ann as a maintainer of module nn? (R9)")));
    }

    @Test
    @DisplayName("R9: a request arriving after the cut-off goes to the next cycle")
    void afterCutOffNextCycle() {
        Instant late = MEETING.minus(Duration.ofDays(13));
        Instant next = Instant.parse("2100-06-16T15:00:00Z");
        fixture.givenCurrentTime(T0)
                .when(new SubmitNomination(ID, NominationKind.MODULE_MAINTAINER, "ann", null, "nn", null,
                        CONTRIBUTIONS, null, late, facts(person("bob"), person("ann"), "lead", VIA_CORE)))
                .expectEvents(
                        submitted(NominationKind.MODULE_MAINTAINER, "ann", Role.MODULE_MAINTAINER, "nn", "bob",
                                BallotBody.CORE_MAINTAINERS, MAJORITY),
                        new NominationScheduledForReview(ID, next.toString(), next, next.minus(Duration.ofDays(14))));
    }

    @Test
    @DisplayName("R9: a request to the core maintainers must describe the nominee's contributions")
    void contributionsRequired() {
        fixture.givenNoPriorActivity()
                .when(new SubmitNomination(ID, NominationKind.MODULE_MAINTAINER, "ann", null, "nn", "Please", null,
                        null, T0, facts(person("bob"), person("ann"), "lead", VIA_CORE)))
                .expectException(refusal(GovernanceException.RuleViolation.class, "contributions-required", "R9"));
    }

    @Test
    @DisplayName("R9: a nominee who already maintains the module is refused (409)")
    void alreadyMaintainer() {
        fixture.givenNoPriorActivity()
                .when(submit(NominationKind.MODULE_MAINTAINER, "ann", null, "nn", person("bob"),
                        maintainerOf("ann", "nn"), VIA_CORE))
                .expectException(refusal(GovernanceException.Conflict.class, "already-holds-role", "R9"));
    }

    @Test
    @DisplayName("R9: an unknown module is 404, a retired one 409, an unregistered nominee 422 (R2)")
    void moduleAndNomineeChecks() {
        fixture.givenNoPriorActivity()
                .when(submit(NominationKind.MODULE_MAINTAINER, "ann", null, "nope", person("bob"), person("ann"),
                        null))
                .expectException(refusal(GovernanceException.NotFound.class, "no-such-module", null));
        fixture.givenNoPriorActivity()
                .when(submit(NominationKind.MODULE_MAINTAINER, "ann", null, "nn", person("bob"), person("ann"),
                        new ModuleFacts("nn", "Neural networks", ModuleFacts.Status.RETIRED,
                                NominationProcess.CORE_MAINTAINERS, MAJORITY, 365)))
                .expectException(refusal(GovernanceException.Conflict.class, "module-retired", "R9"));
        fixture.givenNoPriorActivity()
                .when(submit(NominationKind.MODULE_MAINTAINER, "ann", null, "nn", person("bob"),
                        PersonStanding.outsider("ann"), VIA_CORE))
                .expectException(refusal(GovernanceException.RuleViolation.class, "not-a-registered-person", "R9"));
    }

    @Test
    @DisplayName("R9: testimonials, positive or negative, record the author's role at that moment")
    void testimonialRecordsRole() {
        fixture.given(moduleNominationInReview())
                .when(new AddTestimonial(ID, "e-1", maintainerOf("carl", "vision"), TestimonialStance.NEGATIVE,
                        "  Dismissive in reviews.  "))
                .expectEvents(new TestimonialAdded(ID, "e-1",
                        new DossierAuthor("carl", Standing.MODULE_MAINTAINER, List.of("vision")),
                        TestimonialStance.NEGATIVE, "Dismissive in reviews."));
    }

    @Test
    @DisplayName("R9: a general testimonial of support comes from a maintainer (403 otherwise); not from the nominee")
    void supportFromMaintainers() {
        fixture.given(moduleNominationInReview())
                .when(new AddTestimonial(ID, "e-1", person("dora"), TestimonialStance.SUPPORT, "I support her"))
                .expectException(refusal(GovernanceException.NotAllowed.class, "support-is-for-maintainers", "R9"));
        fixture.given(moduleNominationInReview())
                .when(new AddTestimonial(ID, "e-1", person("ann"), TestimonialStance.POSITIVE, "I am great"))
                .expectException(refusal(GovernanceException.RuleViolation.class, "nominee-own-dossier", "R9"));
        fixture.given(moduleNominationInReview())
                .when(new AddTestimonial(ID, "e-2", core("grace"), TestimonialStance.SUPPORT, "Strong support"))
                .expectEvents(new TestimonialAdded(ID, "e-2",
                        new DossierAuthor("grace", Standing.CORE_MAINTAINER, List.of()), TestimonialStance.SUPPORT,
                        "Strong support"));
    }

    @Test
    @DisplayName("R9: the dossier takes contributions and other information, not removal grounds; it closes with the ballot")
    void evidenceFitsAndDossierCloses() {
        fixture.given(moduleNominationInReview())
                .when(new AddEvidence(ID, "e-1", person("dora"), EvidenceCategory.CONTRIBUTIONS, "Design of nn.Module",
                        List.of("https://example.org/rfc")))
                .expectEvents(new EvidenceAdded(ID, "e-1", new DossierAuthor("dora", Standing.COMMUNITY, List.of()),
                        EvidenceCategory.CONTRIBUTIONS, "Design of nn.Module", List.of("https://example.org/rfc")));
        fixture.given(moduleNominationInReview())
                .when(new AddEvidence(ID, "e-1", person("dora"), EvidenceCategory.UNFITNESS, "x", List.of()))
                .expectException(refusal(GovernanceException.RuleViolation.class, "evidence-does-not-fit", "R9"));
        fixture.given(awaitingReasoning(moduleNominationInReview(), BallotOutcome.CARRIED))
                .when(new AddTestimonial(ID, "e-1", person("dora"), TestimonialStance.POSITIVE, "Late"))
                .expectException(refusal(GovernanceException.Conflict.class, "dossier-closed", "R9"));
    }

    // --- R11: core maintainers

    @Test
    @DisplayName("R11: a core-maintainer nomination is decided by the lead alone, at once")
    void leadDecidesCoreNomination() {
        fixture.givenCurrentTime(T0)
                .when(submit(NominationKind.CORE_MAINTAINER, "ann", null, null, maintainerOf("bob", "nn"),
                        maintainerOf("ann", "nn"), null))
                .expectEvents(
                        new NominationSubmitted(ID, NominationKind.CORE_MAINTAINER, "ann", Role.CORE_MAINTAINER, null,
                                new DossierAuthor("bob", Standing.MODULE_MAINTAINER, List.of("nn")), null,
                                CONTRIBUTIONS, null, BallotBody.LEAD,
                                new DecisionRule(DecisionMethod.SOLE_DECIDER, null, null, null)),
                        new NominationReviewRequested(ID, request(BallotBody.LEAD, null,
                                new DecisionRule(DecisionMethod.SOLE_DECIDER, null, null, null), "ann", "bob",
                                T0.plus(BALLOT), "Confirm ann as a core maintainer? (R11)")));
    }

    @Test
    @DisplayName("R11: a nominator who is neither a core nor a module maintainer is refused (403)")
    void coreNominatorMustBeMaintainer() {
        fixture.givenNoPriorActivity()
                .when(submit(NominationKind.CORE_MAINTAINER, "ann", null, null, person("bob"), person("ann"), null))
                .expectException(refusal(GovernanceException.NotAllowed.class, "nominator-not-a-maintainer", "R11"));
    }

    @Test
    @DisplayName("R11: a nominee who is already a core maintainer is refused (409); so is any while the lead seat is vacant")
    void coreNomineeChecks() {
        fixture.givenNoPriorActivity()
                .when(submit(NominationKind.CORE_MAINTAINER, "grace", null, null, core("linus"), core("grace"), null))
                .expectException(refusal(GovernanceException.Conflict.class, "already-holds-role", "R11"));
        fixture.givenNoPriorActivity()
                .when(new SubmitNomination(ID, NominationKind.CORE_MAINTAINER, "ann", null, null, null, null, null, T0,
                        facts(core("linus"), person("ann"), null, null)))
                .expectException(refusal(GovernanceException.Conflict.class, "lead-seat-vacant", "R11"));
    }

    @Test
    @DisplayName("R11: letters of support are a maintainer's or a stakeholder's by the author's role at that moment")
    void lettersBySupportersRole() {
        List<Object> coreNomination = List.of(new NominationSubmitted(ID, NominationKind.CORE_MAINTAINER, "ann",
                Role.CORE_MAINTAINER, null, new DossierAuthor("bob", Standing.MODULE_MAINTAINER, List.of("nn")),
                null, null, null, BallotBody.LEAD, ReviewPlan.LEAD_ALONE));
        fixture.given(coreNomination)
                .when(new AddLetterOfSupport(ID, "e-1", maintainerOf("carl", "vision"), "Carl supports"))
                .expectEvents(new LetterOfSupportAdded(ID, "e-1",
                        new DossierAuthor("carl", Standing.MODULE_MAINTAINER, List.of("vision")), LetterKind.MAINTAINER,
                        "Carl supports"));
        fixture.given(coreNomination)
                .when(new AddLetterOfSupport(ID, "e-2", person("acme-user"), "We rely on her work"))
                .expectEvents(new LetterOfSupportAdded(ID, "e-2",
                        new DossierAuthor("acme-user", Standing.COMMUNITY, List.of()), LetterKind.STAKEHOLDER,
                        "We rely on her work"));
        fixture.given(moduleNominationInReview())
                .when(new AddLetterOfSupport(ID, "e-3", core("grace"), "Letter"))
                .expectException(refusal(GovernanceException.RuleViolation.class, "letters-not-applicable", "R9"));
    }

    // --- R10: removals

    @Test
    @DisplayName("R10: a removal is decided at the core maintainers' review, without the subject and those in conflict with them")
    void removalByCoreWithoutConcerned() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(new SubmitNomination(ID, NominationKind.REMOVAL, "dennis", Role.MODULE_MAINTAINER,
                        "nn", null, null, GROUNDS, T0, facts(person("eve"), maintainerOf("dennis", "nn"), "lead", VIA_CORE)))
                .whenTimeAdvancesTo(MEETING)
                .expectEvents(new NominationReviewRequested(ID, request(BallotBody.CORE_MAINTAINERS, null, MAJORITY,
                        "dennis", "eve", MEETING.plus(BALLOT),
                        "Remove dennis as a maintainer of module nn? (R10)")));
    }

    @Test
    @DisplayName("R10: the person may nominate themselves for removal")
    void selfRemoval() {
        fixture.givenCurrentTime(T0)
                .when(new SubmitNomination(ID, NominationKind.REMOVAL, "grace", Role.CORE_MAINTAINER, null, null,
                        null, GROUNDS, T0, facts(core("grace"), core("grace"), "lead", null)))
                .expectEvents(
                        new NominationSubmitted(ID, NominationKind.REMOVAL, "grace", Role.CORE_MAINTAINER, null,
                                new DossierAuthor("grace", Standing.CORE_MAINTAINER, List.of()), null, null, GROUNDS,
                                BallotBody.CORE_MAINTAINERS, MAJORITY),
                        new NominationScheduledForReview(ID, MEETING.toString(), MEETING,
                                MEETING.minus(Duration.ofDays(14))));
    }

    @Test
    @DisplayName("R10: a removal's subject must hold the role (409), and it states its grounds (422)")
    void removalChecks() {
        fixture.givenNoPriorActivity()
                .when(new SubmitNomination(ID, NominationKind.REMOVAL, "ann", Role.MODULE_MAINTAINER, "nn", null,
                        null, GROUNDS, T0, facts(person("eve"), person("ann"), "lead", VIA_CORE)))
                .expectException(refusal(GovernanceException.Conflict.class, "does-not-hold-role", "R10"));
        fixture.givenNoPriorActivity()
                .when(new SubmitNomination(ID, NominationKind.REMOVAL, "ann", Role.CORE_MAINTAINER, null, null,
                        null, new RemovalGrounds(" ", null, null, null), T0,
                        facts(person("eve"), core("ann"), "lead", null)))
                .expectException(refusal(GovernanceException.RuleViolation.class, "grounds-required", "R10"));
    }

    @Test
    @DisplayName("R12: the lead's core seat is not removed by an R10 majority; a lead removal comes first (409)")
    void leadNotRemovedByR10() {
        fixture.givenNoPriorActivity()
                .when(new SubmitNomination(ID, NominationKind.REMOVAL, "ada", Role.CORE_MAINTAINER, null, null, null,
                        GROUNDS, T0, facts(core("grace"), lead("ada"), "ada", null)))
                .expectException(refusal(GovernanceException.Conflict.class, "subject-is-the-lead", "R12"));
    }

    // --- R12, R13: the lead seat

    @Test
    @DisplayName("R12: lead removal needs at least 75% of seated core maintainers other than the lead")
    void leadRemovalSupermajority() {
        fixture.givenCurrentTime(T0)
                .when(new SubmitNomination(ID, NominationKind.LEAD_REMOVAL, "ada", null, null, null, null, GROUNDS,
                        T0, facts(core("grace"), lead("ada"), "ada", null)))
                .expectEvents(
                        new NominationSubmitted(ID, NominationKind.LEAD_REMOVAL, "ada", Role.LEAD, null,
                                new DossierAuthor("grace", Standing.CORE_MAINTAINER, List.of()), null, null, GROUNDS,
                                BallotBody.CORE_MAINTAINERS, SUPERMAJORITY_75),
                        new NominationReviewRequested(ID, request(BallotBody.CORE_MAINTAINERS, null, SUPERMAJORITY_75,
                                "ada", "grace", T0.plus(BALLOT), "Remove ada from the lead seat? (R12)")));
    }

    @Test
    @DisplayName("R12, R13: naming nobody, a lead removal is about the lead now; with the seat vacant it is refused (409)")
    void leadSeatNominationDefaultsToTheLead() {
        fixture.givenCurrentTime(T0)
                .when(new SubmitNomination(ID, NominationKind.LEAD_REMOVAL, null, null, null, null, null, GROUNDS, T0,
                        new RosterFacts(core("grace"), null, lead("ada"), null)))
                .expectEvents(
                        new NominationSubmitted(ID, NominationKind.LEAD_REMOVAL, "ada", Role.LEAD, null,
                                new DossierAuthor("grace", Standing.CORE_MAINTAINER, List.of()), null, null, GROUNDS,
                                BallotBody.CORE_MAINTAINERS, SUPERMAJORITY_75),
                        new NominationReviewRequested(ID, request(BallotBody.CORE_MAINTAINERS, null, SUPERMAJORITY_75,
                                "ada", "grace", T0.plus(BALLOT), "Remove ada from the lead seat? (R12)")));
        fixture.givenNoPriorActivity()
                .when(new SubmitNomination(ID, NominationKind.LEAD_UNAVAILABLE, null, null, null, null, null, GROUNDS,
                        T0, new RosterFacts(core("grace"), null, null, null)))
                .expectException(refusal(GovernanceException.Conflict.class, "lead-seat-vacant", "R13"));
        fixture.givenNoPriorActivity()
                .when(new SubmitNomination(ID, NominationKind.MODULE_MAINTAINER, null, null, "nn", null, CONTRIBUTIONS,
                        null, T0, new RosterFacts(person("bob"), null, lead("ada"), VIA_CORE)))
                .expectException(refusal(GovernanceException.BadInput.class, "person-required", null));
    }

    @Test
    @DisplayName("R12: only a core maintainer moves to remove the lead (403); only the lead is its subject (409)")
    void leadRemovalChecks() {
        fixture.givenNoPriorActivity()
                .when(new SubmitNomination(ID, NominationKind.LEAD_REMOVAL, "ada", null, null, null, null, GROUNDS,
                        T0, facts(maintainerOf("dennis", "nn"), lead("ada"), "ada", null)))
                .expectException(refusal(GovernanceException.NotAllowed.class, "nominator-not-a-core-maintainer",
                        "R12"));
        fixture.givenNoPriorActivity()
                .when(new SubmitNomination(ID, NominationKind.LEAD_REMOVAL, "grace", null, null, null, null, GROUNDS,
                        T0, facts(core("linus"), core("grace"), "ada", null)))
                .expectException(refusal(GovernanceException.Conflict.class, "does-not-hold-role", "R12"));
    }

    @Test
    @DisplayName("R12: a confirmed lead removal vacates the lead seat; the lead stays a core maintainer")
    void confirmedLeadRemovalVacatesSeat() {
        TallySummary tally = new TallySummary(4, 1, 3, 1, 0, BallotOutcome.CARRIED);
        fixture.given(awaiting(NominationKind.LEAD_REMOVAL, "ada", Role.LEAD, SUPERMAJORITY_75, tally, null))
                .when(new PublishDecision(ID, "grace", Verdict.CONFIRMED, "Three of four want a new lead.", RULES, T0))
                .expectEvents(
                        new NominationConfirmed(ID, NominationKind.LEAD_REMOVAL, "ada", Role.LEAD, null,
                                "Three of four want a new lead.", "grace", "ballot-1", tally, RULES),
                        new LeadSeatVacated("vacancy-" + ID, "ada", VacancyReason.REMOVED, ID,
                                "Three of four want a new lead.", "ballot-1", RULES));
    }

    @Test
    @DisplayName("R13: a confirmed declaration of the lead's permanent unavailability vacates the seat, with that reason")
    void unavailableLeadVacatesSeat() {
        TallySummary tally = new TallySummary(3, 1, 3, 0, 0, BallotOutcome.CARRIED);
        fixture.given(awaiting(NominationKind.LEAD_UNAVAILABLE, "ada", Role.LEAD, SUPERMAJORITY_75, tally, null))
                .when(new PublishDecision(ID, "grace", Verdict.CONFIRMED, "Unreachable for a year.", RULES, T0))
                .expectEvents(
                        new NominationConfirmed(ID, NominationKind.LEAD_UNAVAILABLE, "ada", Role.LEAD, null,
                                "Unreachable for a year.", "grace", "ballot-1", tally, RULES),
                        new LeadSeatVacated("vacancy-" + ID, "ada", VacancyReason.PERMANENTLY_UNAVAILABLE, ID,
                                "Unreachable for a year.", "ballot-1", RULES));
    }

    // --- the decision (R7)

    @Test
    @DisplayName("R7: a closed ballot waits for reasoning; a declined nomination carries reasoning, ballot, tally and rules version")
    void declinedWithReasoning() {
        TallySummary tally = new TallySummary(3, 0, 1, 2, 0, BallotOutcome.REJECTED);
        fixture.given(moduleNominationInReview())
                .when(new RecordReviewBallotClosed(ID, "ballot-1", Nomination.requestId(ID), tally,
                        CloseReason.DEADLINE, null))
                .expectEvents(new NominationAwaitingReasoning(ID, "ballot-1", tally, CloseReason.DEADLINE, null));
        fixture.given(awaiting(NominationKind.MODULE_MAINTAINER, "ann", Role.MODULE_MAINTAINER, MAJORITY, tally, null))
                .when(new PublishDecision(ID, "linus", Verdict.DECLINED, "Not enough reviews yet.", RULES, T0))
                .expectEvents(new NominationDeclined(ID, NominationKind.MODULE_MAINTAINER, "ann",
                        Role.MODULE_MAINTAINER, "nn", "Not enough reviews yet.", "linus", "ballot-1", tally, RULES))
                .expectResultMessagePayload(new NominationViews.DecisionView(Verdict.DECLINED,
                        "Not enough reviews yet.", "linus", T0, "ballot-1", tally, RULES));
    }

    @Test
    @DisplayName("R7: the outcome stated by the reasoning must be the ballot's (422)")
    void outcomeMustMatch() {
        TallySummary noQuorum = new TallySummary(3, 0, 1, 0, 0, BallotOutcome.NO_QUORUM);
        fixture.given(awaiting(NominationKind.MODULE_MAINTAINER, "ann", Role.MODULE_MAINTAINER, MAJORITY, noQuorum,
                        null))
                .when(new PublishDecision(ID, "linus", Verdict.CONFIRMED, "We like her.", RULES, T0))
                .expectException(refusal(GovernanceException.RuleViolation.class, "outcome-mismatch", "R9"));
    }

    @Test
    @DisplayName("R7, R10: only a member of the deciding body publishes the reasoning; a recused member is not one (403)")
    void onlyDecidingBodyPublishes() {
        TallySummary tally = new TallySummary(2, 1, 2, 0, 0, BallotOutcome.CARRIED);
        fixture.given(awaiting(NominationKind.REMOVAL, "dennis", Role.MODULE_MAINTAINER, MAJORITY, tally, null))
                .when(new PublishDecision(ID, "grace", Verdict.CONFIRMED, "Inactive.", RULES, T0))
                .expectException(refusal(GovernanceException.NotAllowed.class, "not-in-deciding-body", "R10"));
    }

    @Test
    @DisplayName("R8: the lead who decided a tie may publish the reasoning")
    void leadWhoBrokeTiePublishes() {
        TallySummary tally = new TallySummary(4, 0, 2, 2, 0, BallotOutcome.CARRIED);
        fixture.given(awaiting(NominationKind.MODULE_MAINTAINER, "ann", Role.MODULE_MAINTAINER, MAJORITY, tally,
                        "ada"))
                .when(new PublishDecision(ID, "ada", Verdict.CONFIRMED, "I break the tie in her favour.", RULES, T0))
                .expectEvents(new NominationConfirmed(ID, NominationKind.MODULE_MAINTAINER, "ann",
                        Role.MODULE_MAINTAINER, "nn", "I break the tie in her favour.", "ada", "ballot-1", tally,
                        RULES));
    }

    @Test
    @DisplayName("R7: no decision before the ballot closes, nor twice (409)")
    void decisionPhase() {
        fixture.given(moduleNominationInReview())
                .when(new PublishDecision(ID, "linus", Verdict.CONFIRMED, "Early.", RULES, T0))
                .expectException(refusal(GovernanceException.Conflict.class, "ballot-not-closed", "R9"));
        TallySummary tally = new TallySummary(3, 0, 3, 0, 0, BallotOutcome.CARRIED);
        List<Object> decided = new java.util.ArrayList<>(awaiting(NominationKind.MODULE_MAINTAINER, "ann",
                Role.MODULE_MAINTAINER, MAJORITY, tally, null));
        decided.add(new NominationConfirmed(ID, NominationKind.MODULE_MAINTAINER, "ann", Role.MODULE_MAINTAINER, "nn",
                "Yes.", "linus", "ballot-1", tally, RULES));
        fixture.given(decided)
                .when(new PublishDecision(ID, "grace", Verdict.CONFIRMED, "Again.", RULES, T0))
                .expectException(refusal(GovernanceException.Conflict.class, "already-decided", "R9"));
    }

    @Test
    @DisplayName("the ballot's opening and closing are recorded once, and only for this nomination's ballot")
    void ballotRecordedOnce() {
        List<Object> opened = new java.util.ArrayList<>(moduleNominationInReview());
        opened.add(new ReviewBallotOpened(ID, "ballot-1", List.of("grace", "linus"), List.of()));
        fixture.given(opened)
                .when(new RecordReviewBallotOpened(ID, "ballot-1", Nomination.requestId(ID), List.of("grace"),
                        List.of()))
                .expectNoEvents();
        fixture.given(moduleNominationInReview())
                .when(new RecordReviewBallotClosed(ID, "ballot-9", "someone-else:request",
                        new TallySummary(1, 0, 1, 0, 0, BallotOutcome.CARRIED), CloseReason.DEADLINE, null))
                .expectNoEvents();
    }

    // --- withdrawal

    @Test
    @DisplayName("R9: the nominator withdraws before the decision; the withdrawal names the ballot to cancel")
    void withdrawInReview() {
        fixture.given(moduleNominationInReview())
                .when(new WithdrawNomination(ID, "bob", "She prefers to wait."))
                .expectEvents(new NominationWithdrawn(ID, "bob", "She prefers to wait.", Nomination.requestId(ID)));
    }

    @Test
    @DisplayName("a withdrawal while waiting for the review cancels the meeting's request: no ballot is ever requested")
    void withdrawWhileScheduled() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(submit(NominationKind.MODULE_MAINTAINER, "ann", null, "nn", person("bob"),
                        person("ann"), VIA_CORE))
                .when(new WithdrawNomination(ID, "bob", "Changed my mind."))
                .expectEvents(new NominationWithdrawn(ID, "bob", "Changed my mind.", null))
                .expectNoScheduledDeadlines();
    }

    @Test
    @DisplayName("R9: only the nominator withdraws (403); before the decision, even while its reasoning is awaited")
    void withdrawalChecks() {
        fixture.given(moduleNominationInReview())
                .when(new WithdrawNomination(ID, "mallory", "Because."))
                .expectException(refusal(GovernanceException.NotAllowed.class, "not-the-nominator", "R9"));
        fixture.given(awaitingReasoning(moduleNominationInReview(), BallotOutcome.REJECTED))
                .when(new WithdrawNomination(ID, "bob", "Before the reasoning."))
                .expectEvents(new NominationWithdrawn(ID, "bob", "Before the reasoning.", Nomination.requestId(ID)));
    }

    // --- helpers

    static RosterFacts facts(PersonStanding nominator, PersonStanding subject, String lead, ModuleFacts module) {
        return new RosterFacts(nominator, subject, lead == null ? null : lead(lead), module);
    }

    static SubmitNomination submit(NominationKind kind, String personId, Role role, String moduleId,
                                   PersonStanding nominator, PersonStanding subject, ModuleFacts module) {
        return new SubmitNomination(ID, kind, personId, role, moduleId, null, CONTRIBUTIONS, null, T0,
                facts(nominator, subject, "lead", module));
    }

    static NominationSubmitted submitted(NominationKind kind, String personId, Role role, String moduleId,
                                         String nominator, BallotBody body, DecisionRule rule) {
        return new NominationSubmitted(ID, kind, personId, role, moduleId,
                new DossierAuthor(nominator, Standing.COMMUNITY, List.of()), null, CONTRIBUTIONS, null, body, rule);
    }

    static BallotRequest request(BallotBody body, String moduleId, DecisionRule rule, String concerned,
                                 String requestedBy, Instant deadline, String question) {
        return new BallotRequest(Nomination.requestId(ID), Nomination.SUBJECT_KIND, ID, question, body, moduleId,
                List.of(), rule.method(), rule.threshold(), rule.base(), rule.quorum(), List.of(), deadline,
                List.of(concerned), requestedBy);
    }

    /** A module-maintainer nomination of ann for nn, decided by the core maintainers, its ballot requested. */
    static List<Object> moduleNominationInReview() {
        return List.of(submitted(NominationKind.MODULE_MAINTAINER, "ann", Role.MODULE_MAINTAINER, "nn", "bob",
                        BallotBody.CORE_MAINTAINERS, MAJORITY),
                new NominationReviewRequested(ID, request(BallotBody.CORE_MAINTAINERS, null, MAJORITY, "ann", "bob",
                        MEETING.plus(BALLOT), "Confirm ann as a maintainer of module nn? (R9)")));
    }

    static List<Object> awaitingReasoning(List<Object> inReview, BallotOutcome outcome) {
        List<Object> events = new java.util.ArrayList<>(inReview);
        events.add(new ReviewBallotOpened(ID, "ballot-1", List.of("grace", "linus"), List.of()));
        events.add(new NominationAwaitingReasoning(ID, "ballot-1", new TallySummary(2, 0, 1, 1, 0, outcome),
                CloseReason.DEADLINE, null));
        return events;
    }

    /**
     * A nomination whose ballot closed: electorate grace (for lead ballots) or linus and grace, with barbara
     * recused for a conflict with the subject (R10).
     */
    static List<Object> awaiting(NominationKind kind, String personId, Role role, DecisionRule rule,
                                 TallySummary tally, String tieDecidedBy) {
        String moduleId = role == Role.MODULE_MAINTAINER ? "nn" : null;
        List<String> electorate = kind == NominationKind.REMOVAL ? List.of("linus", "margaret")
                : List.of("grace", "linus");
        return List.of(
                new NominationSubmitted(ID, kind, personId, role, moduleId,
                        new DossierAuthor("bob", Standing.COMMUNITY, List.of()), null, null, null,
                        BallotBody.CORE_MAINTAINERS, rule),
                new NominationReviewRequested(ID, request(BallotBody.CORE_MAINTAINERS, null, rule, personId, "bob",
                        MEETING.plus(BALLOT), "?")),
                new ReviewBallotOpened(ID, "ballot-1", electorate,
                        kind == NominationKind.REMOVAL
                                ? List.of(new Recusal("grace", RecusalReason.CONFLICT_OF_INTEREST, "sibling of dennis"))
                                : List.of()),
                new NominationAwaitingReasoning(ID, "ballot-1", tally, CloseReason.OUTCOME_SETTLED, tieDecidedBy));
    }
}
