package dev.charter.dispute.veto;

import dev.charter.contracts.disputes.ModuleDecision;
import dev.charter.contracts.disputes.VetoOutcome;
import dev.charter.dispute.ballot.BallotState;

import java.time.Instant;

/** What the veto queries answer. */
public final class VetoViews {

    private VetoViews() {
    }

    /**
     * A veto, public with its reasoning (R7), listed per module and per decision.
     *
     * @param seq position in proposal order (the pagination key)
     */
    public record VetoView(long seq, String vetoId, ModuleDecision decision, String proposedBy,
                           String proposalReasoning, String vetoWindow, Instant windowEndsAt, Instant proposedAt,
                           Veto.Status status, BallotState ballot, VetoDecisionView outcome) {
    }

    /** The core maintainers' decision on the veto, with its reasoning (R7). */
    public record VetoDecisionView(VetoOutcome outcome, String reasoning, String decidedBy, Instant decidedAt,
                                   String rulesVersion) {
    }

    /** Filters of the veto list; null means any. */
    public record VetoFilter(String moduleId, Veto.Status status, String decisionId) {
    }
}
