package dev.charter.dispute.ballot;

import dev.charter.contracts.voting.BallotIds;
import dev.charter.contracts.voting.TallySummary;

import java.util.List;
import java.util.Set;

/**
 * The core maintainers' ballot a dispute's escalation or a veto asked voting-service for, as the aggregate records
 * it from the voting stream: requested, opened with its frozen electorate, closed with its tally — and who may then
 * publish the reasoning of what it decided (R7, R8).
 *
 * @param leadWhoDecided the lead, when the lead decided a tie (R8); otherwise null
 */
public record CoreBallot(String requestId, String ballotId, Set<String> electorate, TallySummary tally,
                         String leadWhoDecided) {

    public static CoreBallot requested(String requestId) {
        return new CoreBallot(requestId, BallotIds.forRequest(requestId), Set.of(), null, null);
    }

    /** Whether the opening of this request's ballot is still to be recorded (once only). */
    public boolean awaitsOpening(String openedRequestId) {
        return requestId.equals(openedRequestId) && electorate.isEmpty() && tally == null;
    }

    public boolean isRequest(String otherRequestId) {
        return requestId.equals(otherRequestId);
    }

    public boolean isBallot(String otherBallotId) {
        return ballotId.equals(otherBallotId);
    }

    public CoreBallot opened(String openedBallotId, List<String> frozen) {
        return new CoreBallot(requestId, openedBallotId, Set.copyOf(frozen), tally, leadWhoDecided);
    }

    public CoreBallot closed(String closedBallotId, TallySummary result, String decidedBy) {
        return new CoreBallot(requestId, closedBallotId, electorate, result, decidedBy);
    }

    /** R7, R8: a member of the frozen electorate publishes the reasoning; the lead alone when the lead decided. */
    public void requirePublisher(String personId, String rule) {
        CoreBallots.requirePublisher(personId, electorate, leadWhoDecided, rule);
    }
}
