package dev.charter.nomination.seat;

import dev.charter.contracts.nominations.NominationKind;
import dev.charter.contracts.registry.NominationProcess;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.contracts.voting.ThresholdBase;
import dev.charter.platform.roster.ModuleFacts;

/**
 * Who decides a nomination, how, and whether it waits for the core maintainers' quarterly review. Pure.
 *
 * @param moduleId       MODULE_MAINTAINERS: the module whose group decides
 * @param viaReviewCycle a request to the core maintainers (R9, R10): its ballot opens at the next review meeting
 */
public record ReviewPlan(BallotBody body, String moduleId, DecisionRule rule, boolean viaReviewCycle) {

    /** R4: the core maintainers decide by majority, the default rule of a group. */
    static final DecisionRule CORE_MAINTAINERS_RULE = DecisionRule.majority();
    /** R11: the lead alone confirms or declines. */
    static final DecisionRule LEAD_ALONE = new DecisionRule(DecisionMethod.SOLE_DECIDER, null, null, null);
    /**
     * R12: at least 75 % of the seated core maintainers; the lead, as the person concerned, is out of the
     * electorate and of the denominator. R13 uses the same bar for declaring the lead permanently unavailable,
     * which vacates the seat just as a removal does.
     */
    static final DecisionRule LEAD_SEAT_RULE = new DecisionRule(DecisionMethod.SUPERMAJORITY, 0.75,
            ThresholdBase.SEATED, null);

    public static ReviewPlan of(NominationKind kind, ModuleFacts module) {
        return switch (kind) {
            case MODULE_MAINTAINER -> module.nominationProcess() == NominationProcess.OWN_GROUP
                    // R9, R4: the module's own group decides by its own rule, when it holds the process
                    ? new ReviewPlan(BallotBody.MODULE_MAINTAINERS, module.moduleId(),
                    module.decisionRule() == null ? DecisionRule.majority() : module.decisionRule(), false)
                    // R9: otherwise a request to the core maintainers, at their quarterly review
                    : new ReviewPlan(BallotBody.CORE_MAINTAINERS, null, CORE_MAINTAINERS_RULE, true);
            case CORE_MAINTAINER -> new ReviewPlan(BallotBody.LEAD, null, LEAD_ALONE, false);
            // R10: the core maintainers, without the subject and anyone in conflict with them (voting recuses)
            case REMOVAL -> new ReviewPlan(BallotBody.CORE_MAINTAINERS, null, CORE_MAINTAINERS_RULE, true);
            case LEAD_REMOVAL, LEAD_UNAVAILABLE -> new ReviewPlan(BallotBody.CORE_MAINTAINERS, null, LEAD_SEAT_RULE,
                    false);
        };
    }
}
