package dev.charter.voting.ballot;

import dev.charter.contracts.voting.BallotBody;
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
import dev.charter.contracts.voting.VotingEvent.BallotCancelled;
import dev.charter.contracts.voting.VotingEvent.BallotClosed;
import dev.charter.contracts.voting.VotingEvent.BallotOpened;
import dev.charter.contracts.voting.VotingEvent.BallotReferredToLead;
import dev.charter.contracts.voting.VotingEvent.BallotVetoed;
import dev.charter.contracts.voting.VotingEvent.MemberRecused;
import dev.charter.contracts.voting.VotingEvent.VoteCast;
import dev.charter.platform.axon.AxonPersistenceAutoConfiguration;
import dev.charter.platform.config.CharterProperties;
import dev.charter.platform.jdbc.Columns;
import dev.charter.testsupport.TestInfrastructure;
import dev.charter.voting.ballot.BallotViews.BallotFilter;
import dev.charter.voting.ballot.BallotViews.BallotSummaryView;
import dev.charter.voting.ballot.BallotViews.BallotView;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The ballots projection: events in, then the queries (a real PostgreSQL). */
class BallotProjectionTest {

    private static final Instant OPENED = Instant.parse("2026-05-01T10:00:00Z");
    private static final Instant DEADLINE = OPENED.plusSeconds(7 * 24 * 3600);
    private static final BallotFilter ANY = new BallotFilter(null, null, null, null, null);
    private static final Columns COLUMNS = new Columns(AxonPersistenceAutoConfiguration.eventObjectMapper());

    private final JdbcClient jdbc = JdbcClient.create(TestInfrastructure.migratedDatabase("voting",
            "classpath:db/migration/voting"));
    private final BallotProjection projection = new BallotProjection(jdbc, COLUMNS);
    private final BallotQueries queries = new BallotQueries(jdbc, COLUMNS, new CharterProperties());

    @Test
    @DisplayName("R10: an open ballot with its frozen electorate, recusals, public votes and the count as if it closed now")
    void openBallot() {
        projection.on(opened("b1", BallotBody.CORE_MAINTAINERS, null, List.of("ada", "grace", "linus")), OPENED);
        projection.on(new VoteCast("b1", "ada", Choice.YES, List.of(), "Agreed.", false), OPENED.plusSeconds(60));
        projection.on(new VoteCast("b1", "grace", Choice.NO, List.of(), null, false), OPENED.plusSeconds(120));
        projection.on(new VoteCast("b1", "grace", Choice.YES, List.of(), "Convinced.", true), OPENED.plusSeconds(180));

        BallotView ballot = queries.ballot("b1").orElseThrow();
        assertThat(ballot.status()).isEqualTo(BallotStatus.OPEN);
        assertThat(ballot.electorate()).containsExactly("ada", "grace", "linus");
        assertThat(ballot.votes()).extracting(BallotViews.VoteView::voterId).containsExactly("ada", "grace");
        assertThat(ballot.votes().get(1).changed()).isTrue();
        assertThat(ballot.votes().get(1).comment()).isEqualTo("Convinced.");
        assertThat(ballot.tally().tally().yes()).isEqualTo(2);
        assertThat(ballot.tally().outcome()).isEqualTo(BallotOutcome.CARRIED);
        assertThat(ballot.openedAt()).isEqualTo(OPENED);
        assertThat(queries.ballot("nope")).isEmpty();
    }

    @Test
    @DisplayName("R10: a member who recuses leaves the electorate, and their vote goes")
    void recusal() {
        projection.on(opened("b1", BallotBody.CORE_MAINTAINERS, null, List.of("ada", "grace")), OPENED);
        projection.on(new VoteCast("b1", "grace", Choice.YES, List.of(), null, false), OPENED);
        projection.on(new MemberRecused("b1", "grace", RecusalReason.SELF, "My sister is concerned."));

        BallotView ballot = queries.ballot("b1").orElseThrow();
        assertThat(ballot.electorate()).containsExactly("ada");
        assertThat(ballot.recusals()).containsExactly(new Recusal("grace", RecusalReason.SELF,
                "My sister is concerned."));
        assertThat(ballot.votes()).isEmpty();
    }

    @Test
    @DisplayName("R8: a tie referred to the lead waits with its tally; the lead's decision closes it with reasoning")
    void referredAndClosed() {
        projection.on(opened("b1", BallotBody.CORE_MAINTAINERS, null, List.of("grace", "linus")), OPENED);
        Tally tied = new Tally(2, 0, 2, 1, 1, 0, null, true, List.of(new Round(1, List.of(new OptionCount("YES", 1),
                new OptionCount("NO", 1), new OptionCount("ABSTAIN", 0)), null, false, 0)), null);
        projection.on(new BallotReferredToLead("b1", "ada", tied));
        assertThat(queries.ballot("b1").orElseThrow().status()).isEqualTo(BallotStatus.AWAITING_LEAD);
        assertThat(queries.ballot("b1").orElseThrow().tally().outcome()).isEqualTo(BallotOutcome.TIED);

        projection.on(new BallotClosed("b1", "r-b1", "MOTION", "b1", DecisionMethod.MAJORITY, BallotOutcome.CARRIED,
                tied, CloseReason.DECIDED_BY_LEAD, "ada", "Both sides have a point; we try it.", "rules"), DEADLINE);
        BallotView closed = queries.ballot("b1").orElseThrow();
        assertThat(closed.status()).isEqualTo(BallotStatus.CLOSED);
        assertThat(closed.tally().outcome()).isEqualTo(BallotOutcome.CARRIED);
        assertThat(closed.closeReason()).isEqualTo(CloseReason.DECIDED_BY_LEAD);
        assertThat(closed.decidedBy()).isEqualTo("ada");
        assertThat(closed.reasoning()).isEqualTo("Both sides have a point; we try it.");
        assertThat(closed.closedAt()).isEqualTo(DEADLINE);
    }

    @Test
    @DisplayName("R7: a vetoed motion keeps its outcome and tally and is shown as vetoed, with the veto's reasoning and link")
    void vetoed() {
        projection.on(opened("b1", BallotBody.MODULE_MAINTAINERS, "nn", List.of("dennis", "frances")), OPENED);
        Tally carried = new Tally(2, 0, 2, 2, 0, 0, null, true, List.of(new Round(1, List.of(new OptionCount("YES",
                2), new OptionCount("NO", 0), new OptionCount("ABSTAIN", 0)), null, false, 0)), null);
        projection.on(new BallotClosed("b1", "r-b1", "MOTION", "b1", DecisionMethod.MAJORITY, BallotOutcome.CARRIED,
                carried, CloseReason.OUTCOME_SETTLED, null, null, "rules"), OPENED.plusSeconds(60));
        assertThat(queries.ballot("b1").orElseThrow().veto()).isNull();

        CharterProperties properties = new CharterProperties();
        properties.getLinks().setDisputes("https://disputes.example.org/");
        BallotVetoed vetoed = new BallotVetoed("b1", "veto-1", "It breaks every downstream module.", "grace");
        projection.on(vetoed, DEADLINE);
        projection.on(vetoed, DEADLINE);
        BallotView ballot = new BallotQueries(jdbc, COLUMNS, properties).ballot("b1").orElseThrow();
        assertThat(ballot.status()).isEqualTo(BallotStatus.CLOSED);
        assertThat(ballot.tally().outcome()).isEqualTo(BallotOutcome.CARRIED);
        assertThat(ballot.veto()).isEqualTo(new BallotViews.VetoView("veto-1", "It breaks every downstream module.",
                "grace", DEADLINE, "https://disputes.example.org/api/v1/vetoes/veto-1"));
        assertThat(queries.list(ANY, 0, 10)).singleElement()
                .satisfies(summary -> assertThat(summary.vetoId()).isEqualTo("veto-1"));
    }

    @Test
    @DisplayName("ballots are listed newest first, filtered by status, body and module (its own or an affected one)")
    void list() {
        projection.on(opened("b1", BallotBody.MODULE_MAINTAINERS, "nn", List.of("dennis")), OPENED);
        projection.on(opened("b2", BallotBody.CORE_MAINTAINERS, null, List.of("ada")), OPENED.plusSeconds(1));
        projection.on(new BallotCancelled("b2", "r-b2", "The nomination was withdrawn."), OPENED.plusSeconds(2));

        assertThat(queries.list(ANY, 0, 10)).extracting(BallotSummaryView::ballotId).containsExactly("b2", "b1");
        assertThat(queries.list(new BallotFilter(BallotStatus.OPEN, null, null, null, null), 0, 10))
                .extracting(BallotSummaryView::ballotId).containsExactly("b1");
        assertThat(queries.list(new BallotFilter(null, null, null, null, "nn"), 0, 10))
                .extracting(BallotSummaryView::ballotId).containsExactly("b1");
        assertThat(queries.list(new BallotFilter(null, null, null, BallotBody.CORE_MAINTAINERS, null), 0, 10))
                .extracting(BallotSummaryView::ballotId).containsExactly("b2");
        long newest = queries.list(ANY, 0, 1).get(0).position();
        assertThat(queries.list(ANY, newest, 10)).extracting(BallotSummaryView::ballotId).containsExactly("b1");
        assertThat(queries.ballot("b2").orElseThrow().cancelReason()).isEqualTo("The nomination was withdrawn.");
    }

    @Test
    @DisplayName("an event handled twice leaves the same rows")
    void idempotent() {
        BallotOpened opened = opened("b1", BallotBody.CORE_MAINTAINERS, null, List.of("ada", "grace"));
        projection.on(opened, OPENED);
        projection.on(opened, OPENED);
        VoteCast vote = new VoteCast("b1", "ada", Choice.YES, List.of(), null, false);
        projection.on(vote, OPENED);
        projection.on(vote, OPENED);
        assertThat(queries.list(ANY, 0, 10)).hasSize(1);
        assertThat(queries.ballot("b1").orElseThrow().votes()).hasSize(1);
    }

    private static BallotOpened opened(String ballotId, BallotBody body, String moduleId, List<String> electorate) {
        BallotRequest request = new BallotRequest("r-" + ballotId, "MOTION", ballotId, "Adopt it?", body, moduleId,
                List.of(), DecisionMethod.MAJORITY, null, null, null, List.of(), DEADLINE, List.of(), "ada");
        return new BallotOpened(ballotId, request, electorate, List.of(), "ada", 7, "rules");
    }
}
