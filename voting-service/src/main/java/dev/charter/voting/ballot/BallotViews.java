package dev.charter.voting.ballot;

import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.Choice;
import dev.charter.contracts.voting.CloseReason;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.Recusal;
import dev.charter.voting.ballot.tally.Counted;

import java.time.Instant;
import java.util.List;

/** What the ballots projection answers. */
public final class BallotViews {

    private BallotViews() {
    }

    /** One line of a ballot list; {@code position} orders the list (newest first) and makes its cursor. */
    public record BallotSummaryView(long position, String ballotId, BallotStatus status, String subjectKind,
                                    String subjectId, String question, BallotBody body, String moduleId,
                                    DecisionMethod method, Instant deadline, Instant openedAt, Instant closedAt,
                                    BallotOutcome outcome, String vetoId) {
    }

    /**
     * A ballot in full. {@code tally} is the published result once closed (the tally referred to the lead
     * while it waits for the lead), and the count as if it closed now while open; {@code veto} is set when the
     * core maintainers vetoed what it decided (R7).
     */
    public record BallotView(String ballotId, BallotStatus status, BallotRequest request, String lead,
                             List<String> electorate, List<Recusal> recusals, List<VoteView> votes, Counted tally,
                             CloseReason closeReason, String decidedBy, String reasoning, String cancelReason,
                             long seed, String rulesVersion, Instant openedAt, Instant closedAt, VetoView veto) {
    }

    /**
     * R7: the veto of what a closed motion decided, with its public reasoning.
     *
     * @param decidedBy the core maintainer who published the veto's reasoning
     * @param url       the veto on dispute-service
     */
    public record VetoView(String vetoId, String reasoning, String decidedBy, Instant vetoedAt, String url) {
    }

    /** A public vote. */
    public record VoteView(String voterId, Choice choice, List<String> ranking, String comment, boolean changed,
                           Instant castAt) {
    }

    /** Filters of the ballot list; null means any. */
    public record BallotFilter(BallotStatus status, String subjectKind, String subjectId, BallotBody body,
                               String moduleId) {
    }
}
