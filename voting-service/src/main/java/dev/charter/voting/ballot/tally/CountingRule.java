package dev.charter.voting.ballot.tally;

import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.ThresholdBase;

import java.util.List;

/**
 * What a count needs from a ballot's request: the method with its threshold and base, the quorum and, for
 * RANKED_CHOICE, the options in their published order.
 */
public record CountingRule(DecisionMethod method, Double threshold, ThresholdBase base, Double quorum,
                           List<String> options) {

    public CountingRule {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public static CountingRule of(BallotRequest request) {
        return new CountingRule(request.method(), request.threshold(), request.base(), request.quorum(),
                request.options());
    }

    public boolean ranked() {
        return method == DecisionMethod.RANKED_CHOICE;
    }

    /** The yes/no method; not for RANKED_CHOICE. */
    public YesNoMethod yesNoMethod() {
        return switch (method) {
            case MAJORITY -> new Majority();
            case SUPERMAJORITY -> new Supermajority(threshold, base);
            case UNANIMOUS -> new Unanimous();
            case SOLE_DECIDER -> new SoleDecider();
            case RANKED_CHOICE -> throw new IllegalStateException("RANKED_CHOICE is counted by instant-runoff");
        };
    }
}
