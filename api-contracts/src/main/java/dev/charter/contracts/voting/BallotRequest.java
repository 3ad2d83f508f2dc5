package dev.charter.contracts.voting;

import java.time.Instant;
import java.util.List;

/**
 * A request to hold a ballot, carried by an event of the requesting stream (e.g. NominationReviewRequested)
 * that implements {@link BallotRequesting}. voting-service opens exactly one ballot per request: its id is
 * {@link BallotIds#forRequest(String)} of {@code requestId}, so a re-delivered request opens nothing new.
 *
 * @param requestId        unique per request, chosen by the requester (e.g. {@code nomination:<id>:review})
 * @param subjectKind      what is decided, e.g. NOMINATION, LEAD_ELECTION, DISPUTE, MOTION
 * @param subjectId        the id of the thing decided, in the requester's terms
 * @param question         the question put to the body, in words
 * @param body             who votes
 * @param moduleId         MODULE_MAINTAINERS: the module
 * @param affectedModules  CORE_AND_AFFECTED_MODULES: the affected modules
 * @param method           how it is decided (SOLE_DECIDER goes with body LEAD)
 * @param threshold        SUPERMAJORITY: the fraction needed, e.g. 0.75
 * @param base             SUPERMAJORITY: SEATED (the body after recusals) or VOTES_CAST
 * @param quorum           fraction of the electorate that must take part, or null
 * @param options          RANKED_CHOICE: the candidates; otherwise empty (YES / NO / ABSTAIN)
 * @param deadline         when the ballot closes at the latest
 * @param personsConcerned the persons the ballot is about: recused, with everyone who declared a conflict
 *                         of interest with them (R10)
 * @param requestedBy      the person on whose behalf it was requested, or {@code system:<service>}
 */
public record BallotRequest(String requestId, String subjectKind, String subjectId, String question, BallotBody body,
                            String moduleId, List<String> affectedModules, DecisionMethod method, Double threshold,
                            ThresholdBase base, Double quorum, List<String> options, Instant deadline,
                            List<String> personsConcerned, String requestedBy) {

    /**
     * A yes/no ballot of a body by a decision rule (the rule's method, threshold, base and quorum), without options
     * or affected modules.
     */
    public static BallotRequest yesNo(String requestId, String subjectKind, String subjectId, String question,
                                      BallotBody body, String moduleId, DecisionRule rule, Instant deadline,
                                      List<String> personsConcerned, String requestedBy) {
        return new BallotRequest(requestId, subjectKind, subjectId, question, body, moduleId, List.of(),
                rule.method(), rule.threshold(), rule.base(), rule.quorum(), List.of(), deadline,
                personsConcerned == null ? List.of() : List.copyOf(personsConcerned), requestedBy);
    }
}
