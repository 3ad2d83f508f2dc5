package dev.charter.nomination.seat;

import dev.charter.contracts.nominations.Contributions;
import dev.charter.contracts.nominations.DossierAuthor;
import dev.charter.contracts.nominations.EvidenceCategory;
import dev.charter.contracts.nominations.LetterKind;
import dev.charter.contracts.nominations.NominationEvent.EvidenceAdded;
import dev.charter.contracts.nominations.NominationEvent.LetterOfSupportAdded;
import dev.charter.contracts.nominations.NominationEvent.NominationAwaitingReasoning;
import dev.charter.contracts.nominations.NominationEvent.NominationConfirmed;
import dev.charter.contracts.nominations.NominationEvent.NominationReviewRequested;
import dev.charter.contracts.nominations.NominationEvent.NominationScheduledForReview;
import dev.charter.contracts.nominations.NominationEvent.NominationSubmitted;
import dev.charter.contracts.nominations.NominationEvent.NominationWithdrawn;
import dev.charter.contracts.nominations.NominationEvent.ReviewBallotOpened;
import dev.charter.contracts.nominations.NominationEvent.TestimonialAdded;
import dev.charter.contracts.nominations.NominationKind;
import dev.charter.contracts.nominations.Standing;
import dev.charter.contracts.nominations.TestimonialStance;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.CloseReason;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.contracts.voting.TallySummary;
import dev.charter.contracts.voting.ThresholdBase;
import dev.charter.nomination.seat.NominationViews.DossierEntryView;
import dev.charter.nomination.seat.NominationViews.EntryType;
import dev.charter.nomination.seat.NominationViews.NominationFilter;
import dev.charter.nomination.seat.NominationViews.NominationView;
import dev.charter.platform.axon.AxonPersistenceAutoConfiguration;
import dev.charter.platform.jdbc.Columns;
import dev.charter.testsupport.TestInfrastructure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The nominations projection: events in, then the queries (a real PostgreSQL). */
class NominationProjectionTest {

    private static final Instant T0 = Instant.parse("2026-02-01T10:00:00Z");
    private static final Instant MEETING = Instant.parse("2026-03-16T15:00:00Z");
    private static final DecisionRule THREE_QUARTERS = new DecisionRule(DecisionMethod.SUPERMAJORITY, 0.75,
            ThresholdBase.SEATED, null);
    private static final DossierAuthor BOB = new DossierAuthor("bob", Standing.MODULE_MAINTAINER, List.of("nn"));
    private static final NominationFilter ANY = new NominationFilter(null, null, null, null, null, null);
    private static final Columns COLUMNS = new Columns(AxonPersistenceAutoConfiguration.eventObjectMapper());

    private final JdbcClient jdbc = JdbcClient.create(TestInfrastructure.migratedDatabase("nomination",
            "classpath:db/migration/nomination"));
    private final NominationProjection projection = new NominationProjection(jdbc, COLUMNS);
    private final NominationQueries queries = new NominationQueries(jdbc, COLUMNS);

    @Test
    @DisplayName("R9, R4: a nomination decided by its module's own group, by the group's rule, with its nominator's role")
    void submittedToTheGroup() {
        projection.on(submitted("n1", "ann", "nn-functional", BallotBody.MODULE_MAINTAINERS, THREE_QUARTERS), T0);
        NominationView view = queries.find("n1").orElseThrow();
        assertThat(view.status()).isEqualTo(Nomination.Status.IN_REVIEW);
        assertThat(view.body()).isEqualTo(BallotBody.MODULE_MAINTAINERS);
        assertThat(view.bodyModuleId()).isEqualTo("nn-functional");
        assertThat(view.rule()).isEqualTo(THREE_QUARTERS);
        assertThat(view.nominatedBy()).isEqualTo(BOB);
        assertThat(view.contributions().summary()).isEqualTo("Reviews");
        assertThat(view.submittedAt()).isEqualTo(T0);
    }

    @Test
    @DisplayName("R9: a request to the core maintainers waits for its review cycle, then its ballot is requested and opened")
    void reviewCycle() {
        projection.on(submitted("n1", "ann", "nn", BallotBody.CORE_MAINTAINERS, DecisionRule.majority()), T0);
        projection.on(new NominationScheduledForReview("n1", "cycle-1", MEETING, MEETING.minusSeconds(14 * 86400)));
        NominationView scheduled = queries.find("n1").orElseThrow();
        assertThat(scheduled.status()).isEqualTo(Nomination.Status.SCHEDULED);
        assertThat(scheduled.cycle()).isEqualTo(new ReviewCycle("cycle-1", MEETING, MEETING.minusSeconds(14 * 86400)));
        assertThat(scheduled.bodyModuleId()).isNull();

        projection.on(new NominationReviewRequested("n1", request("n1")));
        projection.on(new ReviewBallotOpened("n1", "ballot-1", List.of("ada", "grace"), List.of()));
        NominationView inReview = queries.find("n1").orElseThrow();
        assertThat(inReview.status()).isEqualTo(Nomination.Status.IN_REVIEW);
        assertThat(inReview.ballotRequestId()).isEqualTo(Nomination.requestId("n1"));
        assertThat(inReview.ballotId()).isEqualTo("ballot-1");
        assertThat(queries.list(new NominationFilter(null, null, null, null, null, "cycle-1"), 0, 10)).hasSize(1);
    }

    @Test
    @DisplayName("R9, R11: the dossier's testimonials, letters and evidence, in order, each with its author's role then")
    void dossier() {
        projection.on(submitted("n1", "ann", "nn", BallotBody.CORE_MAINTAINERS, DecisionRule.majority()), T0);
        DossierAuthor grace = new DossierAuthor("grace", Standing.CORE_MAINTAINER, List.of());
        projection.on(new TestimonialAdded("n1", "e1", grace, TestimonialStance.SUPPORT, "Strong"), T0);
        projection.on(new LetterOfSupportAdded("n1", "e2", grace, LetterKind.MAINTAINER, "Letter"), T0);
        projection.on(new EvidenceAdded("n1", "e3", BOB, EvidenceCategory.CONTRIBUTIONS, "PRs",
                List.of("https://example.org/prs")), T0);
        List<DossierEntryView> dossier = queries.dossier("n1");
        assertThat(dossier).extracting(DossierEntryView::type)
                .containsExactly(EntryType.TESTIMONIAL, EntryType.LETTER, EntryType.EVIDENCE);
        assertThat(dossier).extracting(DossierEntryView::label).containsExactly("SUPPORT", "MAINTAINER",
                "CONTRIBUTIONS");
        assertThat(dossier.get(0).author()).isEqualTo(grace);
        assertThat(dossier.get(2).links()).containsExactly("https://example.org/prs");
    }

    @Test
    @DisplayName("R7: a confirmed nomination shows its decision: reasoning, by whom, the ballot, the tally, the rules version")
    void decided() {
        projection.on(submitted("n1", "ann", "nn", BallotBody.CORE_MAINTAINERS, DecisionRule.majority()), T0);
        TallySummary tally = new TallySummary(3, 0, 3, 0, 0, BallotOutcome.CARRIED);
        projection.on(new NominationAwaitingReasoning("n1", "ballot-1", tally, CloseReason.OUTCOME_SETTLED, null));
        assertThat(queries.find("n1").orElseThrow().status()).isEqualTo(Nomination.Status.AWAITING_REASONING);
        projection.on(new NominationConfirmed("n1", NominationKind.MODULE_MAINTAINER, "ann", Role.MODULE_MAINTAINER,
                "nn", "A year of reviews.", "grace", "ballot-1", tally, "rules-1"), MEETING);

        NominationView view = queries.find("n1").orElseThrow();
        assertThat(view.status()).isEqualTo(Nomination.Status.CONFIRMED);
        assertThat(view.decision()).isEqualTo(new NominationViews.DecisionView(Verdict.CONFIRMED,
                "A year of reviews.", "grace", MEETING, "ballot-1", tally, "rules-1"));
        assertThat(queries.list(new NominationFilter(true, null, null, null, null, null), 0, 10)).isEmpty();
        assertThat(queries.list(new NominationFilter(false, null, null, null, null, null), 0, 10)).hasSize(1);
    }

    @Test
    @DisplayName("nominations are listed in submission order, filtered by kind, module, person and status; a withdrawal is shown")
    void listAndWithdrawal() {
        projection.on(submitted("n1", "ann", "nn", BallotBody.CORE_MAINTAINERS, DecisionRule.majority()), T0);
        projection.on(submitted("n2", "carl", "vision", BallotBody.CORE_MAINTAINERS, DecisionRule.majority()), T0);
        projection.on(new NominationWithdrawn("n2", "bob", "Later.", null), MEETING);

        assertThat(queries.list(ANY, 0, 10)).extracting(NominationView::nominationId).containsExactly("n1", "n2");
        assertThat(queries.list(new NominationFilter(null, null, null, "vision", null, null), 0, 10))
                .extracting(NominationView::nominationId).containsExactly("n2");
        assertThat(queries.list(new NominationFilter(null, null, null, null, "ann", null), 0, 10))
                .extracting(NominationView::nominationId).containsExactly("n1");
        assertThat(queries.list(new NominationFilter(null, Nomination.Status.WITHDRAWN, null, null, null, null), 0,
                10)).extracting(NominationView::nominationId).containsExactly("n2");
        long first = queries.list(ANY, 0, 1).get(0).seq();
        assertThat(queries.list(ANY, first, 10)).extracting(NominationView::nominationId).containsExactly("n2");
        assertThat(queries.find("n2").orElseThrow().withdrawal())
                .isEqualTo(new NominationViews.WithdrawalView("bob", "Later.", MEETING));
    }

    @Test
    @DisplayName("a reset empties the projection, so a replay rebuilds it; a submission handled twice is one row")
    void resetAndIdempotence() {
        NominationSubmitted submitted = submitted("n1", "ann", "nn", BallotBody.CORE_MAINTAINERS,
                DecisionRule.majority());
        projection.on(submitted, T0);
        projection.on(submitted, T0);
        assertThat(queries.list(ANY, 0, 10)).hasSize(1);
        projection.reset();
        assertThat(queries.list(ANY, 0, 10)).isEmpty();
    }

    private static NominationSubmitted submitted(String id, String personId, String moduleId, BallotBody body,
                                                 DecisionRule rule) {
        return new NominationSubmitted(id, NominationKind.MODULE_MAINTAINER, personId, Role.MODULE_MAINTAINER,
                moduleId, BOB, "Please.", new Contributions("Reviews", List.of()), null, body, rule);
    }

    private static BallotRequest request(String nominationId) {
        return new BallotRequest(Nomination.requestId(nominationId), Nomination.SUBJECT_KIND, nominationId, "Confirm?",
                BallotBody.CORE_MAINTAINERS, null, List.of(), DecisionMethod.MAJORITY, null, null, null, List.of(),
                MEETING.plusSeconds(7 * 86400), List.of("ann"), "bob");
    }
}
