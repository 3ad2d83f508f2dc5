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
    static final String DISPUTES_STREAM = "charter.disputes.v1";
    static final String VOTING_STREAM = "charter.voting.v1";
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
                // R15: an accepted module proposal adds, re-scopes or retires a module
                case "ModuleProposalAccepted" -> moduleProposal(reference);
                // the vacancy is named after the nomination that vacated the seat (removal, unavailability)
                case "LeadSeatVacated" -> reference.startsWith(VACANCY_PREFIX)
                        ? "/nominations/" + segment(reference.substring(VACANCY_PREFIX.length())) : null;
                default -> null;
            };
        }
        if (VOTING_STREAM.equals(source)) {
            // R4, R14: a carried group motion (settings, a reinstatement) names the ballot that decided it
            return "BallotClosed".equals(eventType) ? ballot(reference) : null;
        }
        if (DISPUTES_STREAM.equals(source)) {
            // R7: a carried veto ends a vetoed appointment or restores vetoed settings; the reference is the veto
            return "VetoCarried".equals(eventType) ? veto(reference) : null;
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

    /**
     * The page of what a ballot decides: a nomination, a lead election, a dispute's escalation, a veto, one body's
     * approval of a controversial change, or a motion's web link.
     */
    public String subject(String subjectKind, String subjectId) {
        if (subjectKind == null || subjectId == null) {
            return null;
        }
        return switch (subjectKind) {
            case "NOMINATION" -> "/nominations/" + segment(subjectId);
            case "LEAD_ELECTION" -> "/elections/" + segment(subjectId);
            case "DISPUTE" -> dispute(subjectId);
            case "VETO" -> veto(subjectId);
            case "CHANGE_PROPOSAL" -> proposal(subjectId);
            default -> web(subjectId);
        };
    }

    /**
     * Where a module-level decision (dispute-service's {@code ModuleDecision}) can be read: a motion's ballot, a
     * nomination, an external decision's or a publication's own address. Null for a settings change (the module's
     * page shows its settings).
     */
    public String moduleDecision(String kind, String decisionId, String url) {
        String local = decisionId == null ? null : decisionId.substring(decisionId.indexOf(':') + 1);
        return switch (kind == null ? "" : kind) {
            case "MOTION" -> ballot(local);
            case "MODULE_NOMINATION" -> local == null ? null : "/nominations/" + segment(local);
            case "EXTERNAL", "PUBLICATION" -> web(url);
            default -> null;
        };
    }

    /** A dispute's page. */
    public String dispute(String disputeId) {
        return disputeId == null ? null : "/disputes/" + segment(disputeId);
    }

    /** A veto's page. */
    public String veto(String vetoId) {
        return vetoId == null ? null : "/vetoes/" + segment(vetoId);
    }

    /** A controversial-change proposal's page. */
    public String proposal(String proposalId) {
        return proposalId == null ? null : "/proposals/" + segment(proposalId);
    }

    /** A module proposal's page (R15). */
    public String moduleProposal(String proposalId) {
        return proposalId == null ? null : "/module-proposals/" + segment(proposalId);
    }

    /** A web address as a link, only when it is one (http or https). */
    public String web(String address) {
        return address != null && WEB.matcher(address).matches() ? address : null;
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
