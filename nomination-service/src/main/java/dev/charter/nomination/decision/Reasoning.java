package dev.charter.nomination.decision;

import dev.charter.platform.web.GovernanceException;
import dev.charter.platform.web.Text;

import java.util.Set;

/**
 * R7, R8: what every decision of this service shares once its ballot has closed: who may publish its public
 * reasoning — a member of the ballot's frozen electorate, or the lead who decided a tie — and that the reasoning
 * is not blank. Pure.
 */
public final class Reasoning {

    private Reasoning() {
    }

    /**
     * Refuses (403) a publisher outside the deciding body.
     *
     * @param tieDecidedBy the lead, when the lead decided a tie (R8); otherwise null
     */
    public static void requirePublisher(String personId, Set<String> electorate, String tieDecidedBy, String rule) {
        if (!electorate.contains(personId) && !personId.equals(tieDecidedBy)) {
            throw new GovernanceException.NotAllowed("not-in-deciding-body", rule,
                    "Only a member of the deciding body (the ballot's electorate" + (tieDecidedBy == null ? ""
                            : ", or the lead who decided the tie") + ") publishes the reasoning of this decision.");
        }
    }

    /** Trimmed required text; a 400 problem naming the field when blank. */
    public static String requireText(String value, String field) {
        String text = Text.blankToNull(value);
        if (text == null) {
            throw new GovernanceException.BadInput("blank-" + field, "'" + field + "' must not be blank.");
        }
        return text;
    }
}
