package dev.charter.registry.lifecycle;

import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.platform.web.GovernanceException;

/**
 * A closed ballot as the registry's copy of the voting stream has it, named as the decision a direct change applies
 * (R4: a group's settings change directly only on a carried decision of the core maintainers).
 *
 * @param decision the ballot's BallotClosed event, as the decision a change names
 */
public record CoreDecision(String ballotId, BallotBody body, String subjectKind, String status, BallotOutcome outcome,
                           DecisionRef decision) {

    /** The subject kind of a motion put to a body on voting-service. */
    public static final String MOTION = "MOTION";

    /**
     * R4: the ballot is a motion of the core maintainers that carried; a 422 naming what it is otherwise (an unknown
     * ballot is {@code null}).
     */
    public static DecisionRef requireCarriedCoreMotion(String ballotId, CoreDecision ballot) {
        if (ballot == null) {
            throw refusal("no-such-core-decision", "No closed ballot '" + ballotId + "' of the core maintainers is "
                    + "known to the registry (a ballot that closed moments ago may take a moment to arrive).");
        }
        if (ballot.body() != BallotBody.CORE_MAINTAINERS || !MOTION.equals(ballot.subjectKind())) {
            throw refusal("not-a-core-decision", "Ballot " + ballotId + " is a ballot of " + ballot.body() + " on a "
                    + ballot.subjectKind() + ", not a motion of the core maintainers.");
        }
        if (!"CLOSED".equals(ballot.status()) || ballot.outcome() != BallotOutcome.CARRIED) {
            throw refusal("core-decision-not-carried", "Ballot " + ballotId + " of the core maintainers is "
                    + ballot.status() + (ballot.outcome() == null ? "" : " " + ballot.outcome())
                    + ": only a carried decision changes a group's settings directly.");
        }
        return ballot.decision();
    }

    private static GovernanceException refusal(String code, String message) {
        return new GovernanceException.RuleViolation(code, "R4", message);
    }
}
