package dev.charter.contracts.voting;

import dev.charter.contracts.EventRevision;
import dev.charter.contracts.PublicEvent;

import java.util.List;

/**
 * The events of the voting stream ({@code charter.voting.v1}); the aggregate id is the ballot id.
 * Every vote is public.
 */
public sealed interface VotingEvent extends PublicEvent {

    /**
     * A ballot opened on a request. The electorate is frozen here and listed, with the recusals and their
     * reasons; {@code seed} fixes the tie-break permutation of ranked-choice eliminations, so a replay
     * reproduces every round. {@code lead} is the lead at opening, who decides ties of core ballots (R8).
     */
    @EventRevision(1)
    record BallotOpened(String ballotId, BallotRequest request, List<String> electorate, List<Recusal> recusals,
                        String lead, long seed, String rulesVersion) implements VotingEvent {
    }

    /**
     * A member voted, or changed their vote ({@code changed}). Yes/no methods carry {@code choice};
     * RANKED_CHOICE carries {@code ranking} (most preferred first).
     */
    @EventRevision(1)
    record VoteCast(String ballotId, String voterId, Choice choice, List<String> ranking, String comment,
                    boolean changed) implements VotingEvent {
    }

    /** A member recused themselves after opening; they leave the electorate and the denominator. */
    @EventRevision(1)
    record MemberRecused(String ballotId, String personId, RecusalReason reason, String detail)
            implements VotingEvent {
    }

    /** A core-maintainer ballot ended tied or deadlocked: the lead decides (R8). */
    @EventRevision(1)
    record BallotReferredToLead(String ballotId, String lead, Tally tally) implements VotingEvent {
    }

    /**
     * The ballot closed. For a tie decided by the lead, {@code decidedBy} is the lead and {@code reasoning}
     * their public reasoning (R8).
     */
    @EventRevision(1)
    record BallotClosed(String ballotId, String requestId, String subjectKind, String subjectId,
                        DecisionMethod method, BallotOutcome outcome, Tally tally, CloseReason closeReason,
                        String decidedBy, String reasoning, String rulesVersion) implements VotingEvent {
    }

    /** The ballot was cancelled before closing (its request became moot). */
    @EventRevision(1)
    record BallotCancelled(String ballotId, String requestId, String reason) implements VotingEvent {
    }

    /**
     * R7: the core maintainers vetoed what this closed motion of a module's group decided (VetoCarried on
     * charter.disputes.v1). The ballot keeps its outcome and tally and is shown as vetoed.
     *
     * @param vetoId    the veto, on the disputes stream
     * @param reasoning the core maintainers' public reasoning of the veto
     * @param decidedBy the core maintainer who published that reasoning
     */
    @EventRevision(1)
    record BallotVetoed(String ballotId, String vetoId, String reasoning, String decidedBy) implements VotingEvent {
    }
}
