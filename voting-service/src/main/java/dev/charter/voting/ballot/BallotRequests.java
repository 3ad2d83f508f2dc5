package dev.charter.voting.ballot;

import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.contracts.voting.ThresholdBase;
import dev.charter.platform.roster.ModuleIds;
import dev.charter.platform.security.PersonIds;
import dev.charter.platform.web.GovernanceException;
import dev.charter.platform.web.Text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Checks a ballot request and puts it in its canonical form (trimmed text, lower-case person ids, the
 * defaults applied, the fields of other methods dropped), as it is recorded in the opening event.
 */
public final class BallotRequests {

    static final int MAX_OPTIONS = 50;

    private BallotRequests() {
    }

    public static BallotRequest canonical(BallotRequest request) {
        if (request == null) {
            throw invalid("A ballot request is required.");
        }
        String requestId = required(request.requestId(), "requestId", 300);
        String subjectKind = required(request.subjectKind(), "subjectKind", 100);
        String subjectId = Text.blankToNull(request.subjectId()) == null ? requestId
                : required(request.subjectId(), "subjectId", 300);
        String question = required(request.question(), "question", 2000);
        if (request.body() == null) {
            throw invalid("The voting body is required.");
        }
        if (request.method() == null) {
            throw invalid("The decision method is required.");
        }
        if (request.deadline() == null) {
            throw invalid("The deadline is required.");
        }
        BallotBody body = requireOpenable(request.body());
        DecisionMethod method = request.method();
        if ((body == BallotBody.LEAD) != (method == DecisionMethod.SOLE_DECIDER)) {
            throw new GovernanceException.RuleViolation("sole-decider-is-the-lead", "R8",
                    "The lead alone decides by SOLE_DECIDER, and SOLE_DECIDER is the lead deciding alone; got body "
                            + body + " with method " + method + ".");
        }
        String moduleId = null;
        if (body == BallotBody.MODULE_MAINTAINERS) {
            moduleId = ModuleIds.canonical(required(request.moduleId(), "moduleId", 64));
        }
        Double threshold = null;
        ThresholdBase base = null;
        if (method == DecisionMethod.SUPERMAJORITY) {
            threshold = request.threshold();
            if (!DecisionRule.isSupermajorityThreshold(threshold)) {
                throw invalid("A super-majority needs a threshold above 0.5 and at most 1, e.g. 0.75.");
            }
            base = request.base() == null ? ThresholdBase.SEATED : request.base();
        }
        Double quorum = request.quorum();
        if (quorum != null && (quorum.isNaN() || quorum < 0 || quorum > 1)) {
            throw invalid("The quorum is a fraction of the electorate between 0 and 1.");
        }
        List<String> options = List.of();
        if (method == DecisionMethod.RANKED_CHOICE) {
            options = distinct(request.options(), "options", 200, null);
            if (options.size() < 2 || options.size() > MAX_OPTIONS) {
                throw invalid("A ranked-choice ballot needs 2 to " + MAX_OPTIONS + " distinct options.");
            }
        } else if (request.options() != null && !request.options().isEmpty()) {
            throw invalid("Only a RANKED_CHOICE ballot has options; " + method + " is answered yes, no or abstain.");
        }
        List<String> concerned = distinct(request.personsConcerned(), "personsConcerned", 39, PersonIds::canonical);
        String requestedBy = Text.blankToNull(request.requestedBy());
        return new BallotRequest(requestId, subjectKind, subjectId, question, body, moduleId, List.of(), method,
                threshold, base, quorum, options, request.deadline(), concerned, requestedBy);
    }

    /**
     * R17: a new ballot is put to a body that still opens ballots. The pooled body CORE_AND_AFFECTED_MODULES is
     * retired: a controversial change is approved by the core maintainers and by each affected module's group,
     * each in its own ballot under its own rule (dispute-service's proposals). Ballots opened on it before stay as
     * they were recorded and are counted as they were (see {@link BallotBody}).
     */
    public static BallotBody requireOpenable(BallotBody body) {
        if (body == BallotBody.CORE_AND_AFFECTED_MODULES) {
            throw new GovernanceException.RuleViolation("body-retired", "R17", "The pooled body "
                    + "CORE_AND_AFFECTED_MODULES opens no new ballots: a controversial change is approved by the core "
                    + "maintainers and each affected module's group, each in its own ballot (propose it on "
                    + "dispute-service, /api/v1/change-proposals). Ballots opened on it before stay readable.");
        }
        return body;
    }

    private static String required(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw invalid("'" + field + "' is required.");
        }
        String trimmed = value.trim();
        if (trimmed.length() > maxLength) {
            throw invalid("'" + field + "' has more than " + maxLength + " characters.");
        }
        return trimmed;
    }

    /** The values, each once; ids in their stored form ({@code id}); other text as given, and no entry twice. */
    private static List<String> distinct(List<String> values, String field, int maxLength,
                                         UnaryOperator<String> id) {
        if (values == null) {
            return List.of();
        }
        Set<String> result = new LinkedHashSet<>();
        for (String value : values) {
            String item = required(value, field, maxLength);
            result.add(id == null ? item : id.apply(item));
        }
        if (result.size() != values.size() && id == null) {
            throw invalid("'" + field + "' lists an entry twice.");
        }
        return List.copyOf(new ArrayList<>(result));
    }

    private static GovernanceException invalid(String message) {
        return new GovernanceException.BadInput("invalid-ballot-request", message);
    }
}
