package dev.charter.voting.ballot.tally;

import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.contracts.voting.ThresholdBase;

/**
 * SUPERMAJORITY(threshold, base): yes ≥ ceil(threshold × base), and at least one yes. The base is the seated
 * body after recusals (SEATED — R12: the core maintainers without the lead, who is recused as the subject,
 * and without anyone else recused) or the yes and no votes cast (VOTES_CAST). Never a tie.
 */
public record Supermajority(double threshold, ThresholdBase base) implements YesNoMethod {

    public Supermajority {
        if (!DecisionRule.isSupermajorityThreshold(threshold)) {
            throw new IllegalArgumentException("A super-majority threshold is in (0.5, 1], not " + threshold);
        }
        base = base == null ? ThresholdBase.SEATED : base;
    }

    @Override
    public BallotOutcome decide(int electorate, YesNo votes) {
        return votes.yes() >= required(electorate, votes) ? BallotOutcome.CARRIED : BallotOutcome.REJECTED;
    }

    @Override
    public Integer required(int electorate, YesNo votes) {
        int of = base == ThresholdBase.SEATED ? electorate : votes.yes() + votes.no();
        return Math.max(1, Thresholds.atLeast(threshold, of));
    }
}
