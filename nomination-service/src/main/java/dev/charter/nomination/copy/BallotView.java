package dev.charter.nomination.copy;

import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.CloseReason;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.Recusal;
import dev.charter.contracts.voting.Tally;

import java.time.Instant;
import java.util.List;

/**
 * A ballot this service requested, as its copy of the voting stream has it.
 *
 * @param status OPEN, CLOSED or CANCELLED
 * @param tally  the full count with every round, once closed
 */
public record BallotView(String ballotId, String requestId, String subjectKind, String subjectId,
                         DecisionMethod method, Instant deadline, String status, Instant openedAt,
                         List<String> electorate, List<Recusal> recusals, List<VoteView> votes,
                         BallotOutcome outcome, CloseReason closeReason, Instant closedAt, String decidedBy,
                         Tally tally) {

    /** A member's latest vote; votes are public. */
    public record VoteView(String voterId, String choice, List<String> ranking, String comment, Instant castAt) {
    }
}
