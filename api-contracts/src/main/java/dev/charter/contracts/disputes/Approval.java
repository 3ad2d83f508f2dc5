package dev.charter.contracts.disputes;

import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.contracts.voting.TallySummary;

/**
 * One body's approval of a controversial change (R17): the core maintainers, or one affected module's group
 * under its own rule (R4), each with a ballot of its own.
 *
 * @param moduleId  MODULE_MAINTAINERS: the module
 * @param rule      the rule the body decides by
 * @param requestId the ballot request (the ballot id derives from it)
 * @param tally     once closed, the short account of the ballot
 * @param decidedBy the lead, when the lead decided a tie of the core maintainers (R8)
 */
public record Approval(BallotBody body, String moduleId, DecisionRule rule, String requestId, String ballotId,
                       ApprovalOutcome outcome, TallySummary tally, String decidedBy) {
}
