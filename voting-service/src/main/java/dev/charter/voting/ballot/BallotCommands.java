package dev.charter.voting.ballot;

import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.Choice;
import dev.charter.contracts.voting.VotingEvent.BallotOpened;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Commands of the {@link Ballot}. Time comes in with the command ({@code at}), never from a clock inside. */
public final class BallotCommands {

    private BallotCommands() {
    }

    /**
     * Open the ballot a request asks for, with the body as the roster shows it now and the seed of its
     * tie-break permutation. Its id is {@code BallotIds.forRequest(request.requestId())}: a second OpenBallot
     * for the same request opens nothing new.
     */
    public record OpenBallot(@TargetAggregateIdentifier String ballotId, BallotRequest request, BodySnapshot body,
                             long seed, String rulesVersion, Instant at) {
    }

    /** The ballot as it stands after {@link OpenBallot}: OPEN, or CLOSED at once when nobody can vote. */
    public record Opened(BallotOpened opened, BallotStatus status) {
    }

    /**
     * Cast or change a vote: {@code choice} for yes/no methods, {@code ranking} for RANKED_CHOICE. {@code castBy} is
     * the person casting it, who casts only their own ({@code voterId}).
     */
    public record CastVote(@TargetAggregateIdentifier String ballotId, String voterId, Choice choice,
                           List<String> ranking, String comment, String castBy, Instant at) {
    }

    /** A member of the electorate recuses themselves, with a reason (R10). */
    public record RecuseSelf(@TargetAggregateIdentifier String ballotId, String personId, String reason, Instant at) {
    }

    /** The lead decides a tied core-maintainer ballot, with public reasoning (R8). */
    public record DecideAsLead(@TargetAggregateIdentifier String ballotId, String personId, Choice choice,
                               String reasoning) {
    }

    /** The ballot's request became moot (e.g. the nomination was withdrawn). */
    public record CancelBallot(@TargetAggregateIdentifier String ballotId, String reason) {
    }

    /**
     * R7: the core maintainers vetoed what this closed motion decided (VetoCarried on the disputes stream).
     *
     * @param decidedBy the core maintainer who published the veto's reasoning
     */
    public record RecordVeto(@TargetAggregateIdentifier String ballotId, String vetoId, String reasoning,
                             String decidedBy) {
    }

    /** The payload of the ballot's closing deadline. */
    public record ClosingTime(String ballotId) {
    }
}
