package dev.charter.dispute.ballot;

import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.platform.web.GovernanceException;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The ballots this service asks voting-service for, and who publishes the reasoning of what they decided.
 * The core maintainers decide by majority (DESIGN §7); voting-service hands a tie to the lead (R8); a module's
 * group decides by its own rule (R4).
 */
public final class CoreBallots {

    private CoreBallots() {
    }

    /** A yes/no ballot of the core maintainers, by majority. */
    public static BallotRequest core(String requestId, String subjectKind, String subjectId, String question,
                                     Instant deadline, List<String> personsConcerned, String requestedBy) {
        return of(requestId, subjectKind, subjectId, question, BallotBody.CORE_MAINTAINERS, null,
                DecisionRule.majority(), deadline, personsConcerned, requestedBy);
    }

    /** A yes/no ballot of a body by the given rule. */
    public static BallotRequest of(String requestId, String subjectKind, String subjectId, String question,
                                   BallotBody body, String moduleId, DecisionRule rule, Instant deadline,
                                   List<String> personsConcerned, String requestedBy) {
        return BallotRequest.yesNo(requestId, subjectKind, subjectId, question, body, moduleId, rule, deadline,
                personsConcerned, requestedBy);
    }

    /**
     * R7, R8: the reasoning of what the core maintainers decided is published by a member of the ballot's frozen
     * electorate — by the lead alone when the lead decided a tie (the lead's ruling is the final step).
     *
     * @param leadWhoDecided the lead, when the lead decided a tie; otherwise null
     */
    public static void requirePublisher(String personId, Collection<String> electorate, String leadWhoDecided,
                                        String rule) {
        if (leadWhoDecided != null) {
            if (!leadWhoDecided.equals(personId)) {
                throw new GovernanceException.NotAllowed("lead-decides", "R8", "The core maintainers tied and the "
                        + "lead, " + leadWhoDecided + ", decided: the lead publishes the reasoning.");
            }
            return;
        }
        if (!electorate.contains(personId)) {
            throw new GovernanceException.NotAllowed("not-in-deciding-body", rule,
                    "Only a core maintainer of the ballot's electorate publishes the reasoning of this decision.");
        }
    }

    /** Trimmed required text; a 400 problem naming the field when blank. */
    public static String requireText(String value, String field) {
        String text = value == null || value.isBlank() ? null : value.trim();
        if (text == null) {
            throw new GovernanceException.BadInput("blank-" + field, "'" + field + "' must not be blank.")
                    .withViolations(List.of(dev.charter.platform.web.Problems.violation(field, "must not be blank")));
        }
        return text;
    }
}
