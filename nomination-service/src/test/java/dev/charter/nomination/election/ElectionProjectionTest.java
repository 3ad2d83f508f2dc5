package dev.charter.nomination.election;

import dev.charter.contracts.nominations.NominationEvent.CandidacyAccepted;
import dev.charter.contracts.nominations.NominationEvent.CandidacyDeclared;
import dev.charter.contracts.nominations.NominationEvent.CandidacyDeclined;
import dev.charter.contracts.nominations.NominationEvent.CandidacyWindowReopened;
import dev.charter.contracts.nominations.NominationEvent.CandidateNominated;
import dev.charter.contracts.nominations.NominationEvent.ElectionOpened;
import dev.charter.contracts.nominations.NominationEvent.LeadElected;
import dev.charter.contracts.nominations.NominationEvent.LeadElectionBallotRequested;
import dev.charter.contracts.nominations.VacancyReason;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotIds;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.nomination.election.Election.CandidateStatus;
import dev.charter.nomination.election.ElectionViews.CandidateView;
import dev.charter.nomination.election.ElectionViews.ElectionView;
import dev.charter.platform.axon.AxonPersistenceAutoConfiguration;
import dev.charter.platform.jdbc.Columns;
import dev.charter.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The elections projection: events in, then the queries (a real PostgreSQL). */
class ElectionProjectionTest {

    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
    private static final Instant CLOSES = T0.plusSeconds(14 * 86400);
    private static final Columns COLUMNS = new Columns(AxonPersistenceAutoConfiguration.eventObjectMapper());

    private final JdbcClient jdbc = JdbcClient.create(TestInfrastructure.migratedDatabase("nomination",
            "classpath:db/migration/nomination"));
    private final ElectionProjection projection = new ElectionProjection(jdbc, COLUMNS);
    private final ElectionQueries queries = new ElectionQueries(jdbc, COLUMNS);

    @BeforeEach
    void freshDatabase() {
        projection.on(new ElectionOpened("e1", "v1", "ada", VacancyReason.REMOVED, List.of("grace", "linus",
                "margaret"), CLOSES), T0);
    }

    @Test
    @DisplayName("R13: an election opens with the eligible core maintainers and its candidacy window")
    void opened() {
        ElectionView view = queries.find("e1").orElseThrow();
        assertThat(view.status()).isEqualTo(Election.Phase.CANDIDACY);
        assertThat(view.formerLeadId()).isEqualTo("ada");
        assertThat(view.reason()).isEqualTo(VacancyReason.REMOVED);
        assertThat(view.eligibleCandidates()).containsExactly("grace", "linus", "margaret");
        assertThat(view.candidacyClosesAt()).isEqualTo(CLOSES);
        assertThat(view.openedAt()).isEqualTo(T0);
    }

    @Test
    @DisplayName("R13: candidates stand, are nominated and accept, or decline; a reopened window forgets who declined")
    void candidates() {
        projection.on(new CandidacyDeclared("e1", "grace"));
        projection.on(new CandidateNominated("e1", "linus", "grace"));
        projection.on(new CandidacyAccepted("e1", "linus"));
        projection.on(new CandidacyDeclined("e1", "margaret"));
        assertThat(queries.find("e1").orElseThrow().candidates()).containsExactly(
                new CandidateView("grace", CandidateStatus.STANDING, null),
                new CandidateView("linus", CandidateStatus.STANDING, "grace"),
                new CandidateView("margaret", CandidateStatus.DECLINED, null));

        projection.on(new CandidacyWindowReopened("e1", CLOSES.plusSeconds(86400), "no candidate"));
        ElectionView reopened = queries.find("e1").orElseThrow();
        assertThat(reopened.candidates()).extracting(CandidateView::personId).containsExactly("grace", "linus");
        assertThat(reopened.candidacyClosesAt()).isEqualTo(CLOSES.plusSeconds(86400));
    }

    @Test
    @DisplayName("R13: the election's ballots in order, then the lead it elected; listed as open until then")
    void votingAndElected() {
        projection.on(new LeadElectionBallotRequested("e1", request(1)), CLOSES);
        ElectionView voting = queries.find("e1").orElseThrow();
        assertThat(voting.status()).isEqualTo(Election.Phase.VOTING);
        assertThat(voting.ballotIds()).containsExactly(BallotIds.forRequest(Election.requestId("e1", 1)));
        assertThat(queries.list(true, 0, 10)).extracting(ElectionView::electionId).containsExactly("e1");

        Instant elected = CLOSES.plusSeconds(7 * 86400);
        projection.on(new LeadElected("e1", "grace", "ballot-1", "rules"), elected);
        ElectionView done = queries.find("e1").orElseThrow();
        assertThat(done.status()).isEqualTo(Election.Phase.ELECTED);
        assertThat(done.electedLeadId()).isEqualTo("grace");
        assertThat(done.electedAt()).isEqualTo(elected);
        assertThat(queries.list(true, 0, 10)).isEmpty();
        assertThat(queries.list(false, 0, 10)).hasSize(1);
        assertThat(queries.list(null, 0, 10)).hasSize(1);
    }

    @Test
    @DisplayName("a reset empties the projection; an opening handled twice is one election")
    void resetAndIdempotence() {
        projection.on(new ElectionOpened("e1", "v1", "ada", VacancyReason.REMOVED, List.of("grace"), CLOSES), T0);
        assertThat(queries.list(null, 0, 10)).hasSize(1);
        projection.reset();
        assertThat(queries.find("e1")).isEmpty();
    }

    private static BallotRequest request(int ballot) {
        return new BallotRequest(Election.requestId("e1", ballot), Election.SUBJECT_KIND, "e1", "Rank them.",
                BallotBody.CORE_MAINTAINERS, null, List.of(), DecisionMethod.RANKED_CHOICE, null, null, null,
                List.of("grace", "linus"), CLOSES.plusSeconds(7 * 86400), List.of(), "system:nomination");
    }
}
