package dev.charter.contracts.voting;

/**
 * A maintainer group's decision rule (R4); majority vote is the default.
 *
 * @param method    how the ballot is decided
 * @param threshold SUPERMAJORITY only: the fraction of the base needed, e.g. 0.75
 * @param base      SUPERMAJORITY only: what the threshold is a fraction of
 * @param quorum    fraction of the electorate that must take part (abstentions count), or null for none
 */
public record DecisionRule(DecisionMethod method, Double threshold, ThresholdBase base, Double quorum) {

    public static DecisionRule majority() {
        return new DecisionRule(DecisionMethod.MAJORITY, null, null, null);
    }

    /**
     * The one definition of a super-majority's threshold, for every service that checks one: more than half
     * (a super-majority is more than a majority) and at most the whole base: {@code 0.5 < threshold <= 1}.
     */
    public static boolean isSupermajorityThreshold(Double threshold) {
        return threshold != null && !threshold.isNaN() && threshold > 0.5 && threshold <= 1;
    }
}
