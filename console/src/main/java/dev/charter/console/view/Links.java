package dev.charter.console.view;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Where a decision, or the subject of a ballot, is shown in the console ({@code links} in the templates).
 * Every stream's decisions and every kind of ballot subject the console has a page for is listed here; others
 * are shown as text.
 */
@Component
public class Links {

    static final String NOMINATIONS_STREAM = "charter.nominations.v1";
    static final String BOOTSTRAP = "bootstrap";
    private static final String VACANCY_PREFIX = "vacancy-";
    private static final Pattern WEB = Pattern.compile("https?://\\S+");

    /**
     * The page of the decision behind a role change (the registry's {@code Decision}): a nomination, an
     * election, or for the bootstrap import the registry's audit chain. Null when the console has no page for it.
     */
    public String decision(String source, String eventType, String reference) {
        if (source == null || reference == null) {
            return null;
        }
        if (BOOTSTRAP.equals(source)) {
            return "/audit/registry";
        }
        if (NOMINATIONS_STREAM.equals(source)) {
            return switch (eventType == null ? "" : eventType) {
                case "NominationConfirmed" -> "/nominations/" + segment(reference);
                case "LeadElected" -> "/elections/" + segment(reference);
                // the vacancy is named after the nomination that vacated the seat (removal, unavailability)
                case "LeadSeatVacated" -> reference.startsWith(VACANCY_PREFIX)
                        ? "/nominations/" + segment(reference.substring(VACANCY_PREFIX.length())) : null;
                default -> null;
            };
        }
        return null;
    }

    /** A reader's name of the decision: {@code NominationConfirmed (nomination 7f3…)}. */
    public String decisionLabel(String source, String eventType, String reference) {
        if (BOOTSTRAP.equals(source)) {
            return "the bootstrap import";
        }
        String what = eventType == null ? "a decision" : eventType;
        return reference == null ? what : what + " (" + reference + ")";
    }

    /** The page of what a ballot decides: a nomination, a lead election, or a motion's web link. */
    public String subject(String subjectKind, String subjectId) {
        if (subjectKind == null || subjectId == null) {
            return null;
        }
        return switch (subjectKind) {
            case "NOMINATION" -> "/nominations/" + segment(subjectId);
            case "LEAD_ELECTION" -> "/elections/" + segment(subjectId);
            default -> WEB.matcher(subjectId).matches() ? subjectId : null;
        };
    }

    /** A person's page. */
    public String person(String personId) {
        return personId == null ? null : "/persons/" + segment(personId);
    }

    /** A module's page, as of an instant when time-travelling. */
    public String module(String moduleId, String asOf) {
        if (moduleId == null) {
            return null;
        }
        return "/modules/" + segment(moduleId) + (asOf == null || asOf.isBlank() ? "" : "?asOf=" + query(asOf));
    }

    /** A ballot's page. */
    public String ballot(String ballotId) {
        return ballotId == null ? null : "/ballots/" + segment(ballotId);
    }

    static String segment(String value) {
        return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
    }

    static String query(String value) {
        return UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8);
    }
}
