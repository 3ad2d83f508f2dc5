package dev.charter.nomination.election;

import dev.charter.contracts.nominations.VacancyReason;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.platform.roster.PersonStanding;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Commands of the {@link Election} aggregate (R13). */
public final class ElectionCommands {

    private ElectionCommands() {
    }

    /** The registry reported the lead seat vacant. Opening the same election twice changes nothing. */
    public record OpenElection(@TargetAggregateIdentifier String electionId, String vacancyId, String formerLeadId,
                               VacancyReason reason, List<String> coreMaintainers, Instant openedAt) {
    }

    /** The declarant stands themselves (candidate = declarant) or nominates another core maintainer. */
    public record DeclareCandidacy(@TargetAggregateIdentifier String electionId, PersonStanding declarant,
                                   PersonStanding candidate, Instant at) {
    }

    /** The nominated {@code personId} accepts to stand; only they answer for themselves ({@code answeredBy}). */
    public record AcceptCandidacy(@TargetAggregateIdentifier String electionId, String personId,
                                  PersonStanding answeredBy, Instant at) {
    }

    /** {@code personId} declines to stand, or withdraws; only they answer for themselves ({@code answeredBy}). */
    public record DeclineCandidacy(@TargetAggregateIdentifier String electionId, String personId,
                                   PersonStanding answeredBy, Instant at) {
    }

    /**
     * From the voting stream: the election ballot closed, with its winner or none.
     *
     * @param winnerIsCoreMaintainer whether the winner is still a core maintainer (R1: the lead is one)
     */
    public record RecordElectionBallotClosed(@TargetAggregateIdentifier String electionId, String ballotId,
                                             String requestId, BallotOutcome outcome, String winner,
                                             boolean winnerIsCoreMaintainer, String rulesVersion, Instant at) {
    }
}
