package dev.charter.dispute.ballot;

import dev.charter.contracts.voting.BallotIds;
import dev.charter.contracts.voting.CloseReason;
import dev.charter.contracts.voting.Recusal;
import dev.charter.contracts.voting.TallySummary;

import java.util.List;

/**
 * A ballot this service requested, as its own events record it: requested, opened with its frozen electorate,
 * referred to the lead (R8), closed with its tally, or cancelled. The votes themselves are public on
 * voting-service.
 *
 * @param lead      the lead the tie was referred to
 * @param decidedBy the lead, when the lead decided the tie
 */
public record BallotState(String requestId, String ballotId, Status status, List<String> electorate,
                          List<Recusal> recusals, String lead, TallySummary tally, CloseReason closeReason,
                          String decidedBy) {

    public enum Status {
        REQUESTED, OPEN, REFERRED_TO_LEAD, CLOSED, CANCELLED
    }

    public static BallotState requested(String requestId) {
        return new BallotState(requestId, BallotIds.forRequest(requestId), Status.REQUESTED, List.of(), List.of(),
                null, null, null, null);
    }

    public BallotState opened(String openedBallotId, List<String> frozen, List<Recusal> recused) {
        return new BallotState(requestId, openedBallotId, status == Status.REQUESTED ? Status.OPEN : status,
                List.copyOf(frozen), List.copyOf(recused), lead, tally, closeReason, decidedBy);
    }

    public BallotState referred(String referredTo, TallySummary tied) {
        return new BallotState(requestId, ballotId, Status.REFERRED_TO_LEAD, electorate, recusals, referredTo, tied,
                closeReason, decidedBy);
    }

    public BallotState closed(TallySummary result, CloseReason reason, String decider) {
        return new BallotState(requestId, ballotId, Status.CLOSED, electorate, recusals, lead, result, reason,
                decider);
    }

    /** Cancelled, unless it had closed already. */
    public BallotState cancelled() {
        return status == Status.CLOSED ? this : new BallotState(requestId, ballotId, Status.CANCELLED, electorate,
                recusals, lead, tally, closeReason, decidedBy);
    }
}
