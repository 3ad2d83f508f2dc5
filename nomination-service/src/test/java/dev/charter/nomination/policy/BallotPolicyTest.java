package dev.charter.nomination.policy;

import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.CloseReason;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.OptionCount;
import dev.charter.contracts.voting.Recusal;
import dev.charter.contracts.voting.RecusalReason;
import dev.charter.contracts.voting.Round;
import dev.charter.contracts.voting.Tally;
import dev.charter.contracts.voting.TallySummary;
import dev.charter.contracts.voting.VotingEvent.BallotClosed;
import dev.charter.contracts.voting.VotingEvent.BallotOpened;
import dev.charter.nomination.election.ElectionCommands.RecordElectionBallotClosed;
import dev.charter.nomination.proposal.ModuleProposalCommands.RecordProposalBallotClosed;
import dev.charter.nomination.proposal.ModuleProposalCommands.RecordProposalBallotOpened;
import dev.charter.nomination.seat.NominationCommands.RecordReviewBallotClosed;
import dev.charter.nomination.seat.NominationCommands.RecordReviewBallotOpened;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which command each voting event leads to. */
class BallotPolicyTest {

    static final Instant NOW = Instant.parse("2100-01-01T00:00:00Z");

    @Test
    @DisplayName("R10: an opened review ballot gives the nomination its frozen electorate and the recusals")
    void openedReviewBallot() {
        List<Recusal> recusals = List.of(new Recusal("dennis", RecusalReason.SUBJECT, null),
                new Recusal("grace", RecusalReason.CONFLICT_OF_INTEREST, "filial"));
        BallotOpened opened = new BallotOpened("ballot-1", request("NOMINATION", "n-1", "nomination:n-1:review"),
                List.of("ada", "linus"), recusals, "ada", 7L, "v1");
        assertThat(BallotPolicy.commandFor(opened)).contains(new RecordReviewBallotOpened("n-1", "ballot-1",
                "nomination:n-1:review", List.of("ada", "linus"), recusals));
    }

    @Test
    @DisplayName("R15: the core maintainers' ballot on a module proposal gives it its electorate, and once closed its tally")
    void moduleProposalBallot() {
        BallotOpened opened = new BallotOpened("ballot-1", request("MODULE_PROPOSAL", "p-1",
                "module-proposal:p-1:review"), List.of("ada", "grace"), List.of(), "ada", 7L, "v1");
        assertThat(BallotPolicy.commandFor(opened)).contains(new RecordProposalBallotOpened("p-1", "ballot-1",
                "module-proposal:p-1:review", List.of("ada", "grace"), List.of()));
        BallotClosed closed = closed("MODULE_PROPOSAL", "p-1", "module-proposal:p-1:review", BallotOutcome.REJECTED,
                null);
        assertThat(BallotPolicy.commandFor(closed, person -> true, "v1", NOW)).contains(new RecordProposalBallotClosed(
                "p-1", "ballot-1", "module-proposal:p-1:review", new TallySummary(4, 1, 1, 2, 1, BallotOutcome.REJECTED),
                CloseReason.DEADLINE, null));
    }

    @Test
    @DisplayName("ballots of other services lead to nothing")
    void otherSubjects() {
        BallotOpened opened = new BallotOpened("ballot-2", request("DISPUTE", "d-1", "dispute:d-1"), List.of("ada"),
                List.of(), "ada", 7L, "v1");
        assertThat(BallotPolicy.commandFor(opened)).isEmpty();
        assertThat(BallotPolicy.commandFor(closed("DISPUTE", "d-1", "dispute:d-1", BallotOutcome.CARRIED, null),
                person -> true, "v1", NOW)).isEmpty();
    }

    @Test
    @DisplayName("R7: a closed review ballot moves the nomination to awaiting reasoning with its tally summary")
    void closedReviewBallot() {
        BallotClosed closed = closed("NOMINATION", "n-1", "nomination:n-1:review", BallotOutcome.REJECTED, null);
        assertThat(BallotPolicy.commandFor(closed, person -> true, "v1", NOW)).contains(new RecordReviewBallotClosed(
                "n-1", "ballot-1",
                "nomination:n-1:review", new TallySummary(4, 1, 1, 2, 1, BallotOutcome.REJECTED),
                CloseReason.DEADLINE, null));
    }

    @Test
    @DisplayName("R13, R1: a closed election ballot names its winner, and whether they are still a core maintainer")
    void closedElectionBallot() {
        BallotClosed closed = closed("LEAD_ELECTION", "e-1", "election:e-1:ballot:1", BallotOutcome.CARRIED, "grace");
        assertThat(BallotPolicy.commandFor(closed, "grace"::equals, "v1", NOW)).contains(
                new RecordElectionBallotClosed("e-1", "ballot-1", "election:e-1:ballot:1", BallotOutcome.CARRIED,
                        "grace", true, "v1", NOW));
        assertThat(BallotPolicy.commandFor(closed, person -> false, "v1", NOW)).hasValueSatisfying(command ->
                assertThat(((RecordElectionBallotClosed) command).winnerIsCoreMaintainer()).isFalse());
    }

    private static BallotClosed closed(String kind, String subject, String requestId, BallotOutcome outcome,
                                       String winner) {
        Tally tally = new Tally(4, 1, 4, 1, 2, 1, null, true,
                List.of(new Round(1, List.of(new OptionCount("YES", 1), new OptionCount("NO", 2)), null, false, 0)),
                winner);
        return new BallotClosed("ballot-1", requestId, kind, subject, DecisionMethod.MAJORITY, outcome, tally,
                CloseReason.DEADLINE, null, null, "v1");
    }

    private static BallotRequest request(String kind, String subject, String requestId) {
        return new BallotRequest(requestId, kind, subject, "?", BallotBody.CORE_MAINTAINERS, null, List.of(),
                DecisionMethod.MAJORITY, null, null, null, List.of(), NOW, List.of("dennis"), "eve");
    }
}
