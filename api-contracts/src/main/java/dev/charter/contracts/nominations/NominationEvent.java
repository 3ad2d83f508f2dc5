package dev.charter.contracts.nominations;

import dev.charter.contracts.EventRevision;
import dev.charter.contracts.PublicEvent;
import dev.charter.contracts.disputes.ModuleSettings;
import dev.charter.contracts.registry.ModuleKind;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotCancelling;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.BallotRequesting;
import dev.charter.contracts.voting.CloseReason;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.contracts.voting.Recusal;
import dev.charter.contracts.voting.TallySummary;

import java.time.Instant;
import java.util.List;

/**
 * The events of the nominations stream ({@code charter.nominations.v1}). The aggregate id is the nomination id
 * for nomination events and the election id for election events. The decision events here are what the
 * registry applies to the roster.
 */
public sealed interface NominationEvent extends PublicEvent {

    /**
     * A nomination was submitted with its opening dossier, and the body that will decide it was fixed
     * (R9: the module's own group by its rule, or the core maintainers; R10: the core maintainers; R11: the
     * lead alone; R12, R13: at least 75 % of the seated core maintainers other than the lead).
     *
     * @param personId      the nominee, or the person to be removed (for LEAD_REMOVAL and LEAD_UNAVAILABLE the lead)
     * @param role          the seat gained (MODULE_MAINTAINER, CORE_MAINTAINER) or lost (REMOVAL: either;
     *                      LEAD_REMOVAL, LEAD_UNAVAILABLE: LEAD)
     * @param moduleId      the module, for module-maintainer seats
     * @param statement     the nominator's statement, or null
     * @param contributions R9, R11: the nominee's contributions, or null
     * @param grounds       R10, R12, R13: the grounds, or null
     * @param decidingBody  who decides
     * @param decisionRule  how the body decides
     */
    @EventRevision(1)
    record NominationSubmitted(String nominationId, NominationKind kind, String personId, Role role, String moduleId,
                               DossierAuthor nominatedBy, String statement, Contributions contributions,
                               RemovalGrounds grounds, BallotBody decidingBody, DecisionRule decisionRule)
            implements NominationEvent {
    }

    /**
     * A request to the core maintainers (R9, R10) joined a quarterly review cycle: it arrived before that
     * cycle's cut-off. Its ballot is requested at the cycle's meeting.
     */
    @EventRevision(1)
    record NominationScheduledForReview(String nominationId, String cycleId, Instant meetingAt, Instant cutOffAt)
            implements NominationEvent {
    }

    /**
     * A nomination is due for decision by a body that votes: voting-service opens the ballot it requests
     * (R9 quarterly review of the core maintainers, a module group's own process, R10, R11, R12, R13).
     */
    @EventRevision(1)
    record NominationReviewRequested(String nominationId, BallotRequest ballotRequest)
            implements NominationEvent, BallotRequesting {
    }

    /** R9: a testimonial of the nominee's interactions, or a maintainer's testimonial of support. */
    @EventRevision(1)
    record TestimonialAdded(String nominationId, String entryId, DossierAuthor author, TestimonialStance stance,
                            String text) implements NominationEvent {
    }

    /** R11: a letter of support, from a maintainer or from a stakeholder (by the author's role at the moment). */
    @EventRevision(1)
    record LetterOfSupportAdded(String nominationId, String entryId, DossierAuthor author, LetterKind kind,
                                String text) implements NominationEvent {
    }

    /** Evidence for the dossier: contributions (R9, R11), grounds of a removal (R10, R12, R13), other information. */
    @EventRevision(1)
    record EvidenceAdded(String nominationId, String entryId, DossierAuthor author, EvidenceCategory category,
                         String summary, List<String> links) implements NominationEvent {
    }

    /**
     * The review ballot opened (copied from the voting stream): its frozen electorate — the members of the
     * deciding body who may publish the decision's reasoning — and who was recused (R10).
     */
    @EventRevision(1)
    record ReviewBallotOpened(String nominationId, String ballotId, List<String> electorate, List<Recusal> recusals)
            implements NominationEvent {
    }

    /**
     * The review ballot closed; the nomination waits for a member of the deciding body to publish the reasoning
     * of the decision, which must state the ballot's outcome.
     *
     * @param decidedBy the lead, when the lead decided a tie (R8); otherwise null
     */
    @EventRevision(1)
    record NominationAwaitingReasoning(String nominationId, String ballotId, TallySummary tally,
                                       CloseReason closeReason, String decidedBy) implements NominationEvent {
    }

    /**
     * The deciding body confirmed a nomination, with public reasoning (R9, R10, R11, R12, R13).
     *
     * @param personId    the nominee, or the person to be removed
     * @param role        the seat gained (MODULE_MAINTAINER, CORE_MAINTAINER) or lost (REMOVAL: either;
     *                    LEAD_REMOVAL, LEAD_UNAVAILABLE: LEAD)
     * @param moduleId    the module, for module-maintainer seats
     * @param decidedBy   the member of the deciding body who published the reasoning
     * @param ballotId    the ballot that decided, on the voting stream
     */
    @EventRevision(1)
    record NominationConfirmed(String nominationId, NominationKind kind, String personId, Role role, String moduleId,
                               String reasoning, String decidedBy, String ballotId, TallySummary tally,
                               String rulesVersion) implements NominationEvent {
    }

    /** The deciding body declined a nomination, with public reasoning; nothing changes in the roster. */
    @EventRevision(1)
    record NominationDeclined(String nominationId, NominationKind kind, String personId, Role role, String moduleId,
                              String reasoning, String decidedBy, String ballotId, TallySummary tally,
                              String rulesVersion) implements NominationEvent {
    }

    /**
     * The nominator withdrew the nomination before its ballot closed. voting-service cancels the review ballot
     * if one is open.
     *
     * @param ballotRequestId the request of the review ballot, or null when none was requested yet (the
     *                        nomination was waiting for its review cycle): then there is nothing to cancel
     */
    @EventRevision(1)
    record NominationWithdrawn(String nominationId, String withdrawnBy, String reason, String ballotRequestId)
            implements NominationEvent, BallotCancelling {

        @Override
        public String cancellationReason() {
            return "Nomination " + nominationId + " was withdrawn by " + withdrawnBy + ": " + reason;
        }
    }

    /**
     * The lead seat is vacant: the lead was removed (R12) or declared permanently unavailable (R13).
     * The lead stays a core maintainer. An election of a new lead follows.
     */
    @EventRevision(1)
    record LeadSeatVacated(String vacancyId, String personId, VacancyReason reason, String nominationId,
                           String reasoning, String ballotId, String rulesVersion) implements NominationEvent {
    }

    /**
     * R13: an election of a new lead opened because the registry reported the lead seat vacant. The core
     * maintainers may stand until {@code candidacyClosesAt}, or until every eligible candidate has answered.
     *
     * @param vacancyId          the vacancy (the decision that vacated the seat)
     * @param formerLeadId       the lead whose seat was vacated; not a candidate
     * @param eligibleCandidates the core maintainers at opening, other than the former lead
     */
    @EventRevision(1)
    record ElectionOpened(String electionId, String vacancyId, String formerLeadId, VacancyReason reason,
                          List<String> eligibleCandidates, Instant candidacyClosesAt) implements NominationEvent {
    }

    /** R13: a core maintainer declared their candidacy. */
    @EventRevision(1)
    record CandidacyDeclared(String electionId, String personId) implements NominationEvent {
    }

    /** R13: a core maintainer was nominated as candidate by another; they stand only once they accept. */
    @EventRevision(1)
    record CandidateNominated(String electionId, String personId, String nominatedBy) implements NominationEvent {
    }

    /** R13: a nominated core maintainer accepted to stand. */
    @EventRevision(1)
    record CandidacyAccepted(String electionId, String personId) implements NominationEvent {
    }

    /** R13: a core maintainer declined to stand (whether nominated or not), or withdrew their candidacy. */
    @EventRevision(1)
    record CandidacyDeclined(String electionId, String personId) implements NominationEvent {
    }

    /** R13: the candidacy window opened again (no candidate stood, or the ballot elected no one). */
    @EventRevision(1)
    record CandidacyWindowReopened(String electionId, Instant candidacyClosesAt, String reason)
            implements NominationEvent {
    }

    /** The candidacy window closed: voting-service opens the ranked-choice ballot among core maintainers (R13). */
    @EventRevision(1)
    record LeadElectionBallotRequested(String electionId, BallotRequest ballotRequest)
            implements NominationEvent, BallotRequesting {
    }

    /** R13: the election ballot closed without electing anyone (e.g. no vote was cast). */
    @EventRevision(1)
    record ElectionInconclusive(String electionId, String ballotId, BallotOutcome outcome) implements NominationEvent {
    }

    /** The core maintainers elected a new lead by ranked-choice voting (R13). */
    @EventRevision(1)
    record LeadElected(String electionId, String personId, String ballotId, String rulesVersion)
            implements NominationEvent {
    }

    /**
     * R15: someone proposed to add, re-scope or retire a module, with the ground work the text asks for; for ADD
     * also the group's proposed settings and its initial maintainers. The core maintainers decide by ballot.
     *
     * @param name        ADD, RESCOPE: the module's name
     * @param kind        ADD, RESCOPE: a repository or a directory of the core repository (R3)
     * @param location    ADD, RESCOPE: owner/name, or the directory's path
     * @param settings    ADD: the group's decision rule, nomination process and inactivity period (all set)
     * @param initialMaintainers ADD: the persons who take the first seats
     */
    @EventRevision(1)
    record ModuleProposalSubmitted(String proposalId, ProposalAction action, String moduleId, String name,
                                   ModuleKind kind, String location, String description, GroundWork groundWork,
                                   ModuleSettings settings, List<String> initialMaintainers, String proposedBy)
            implements NominationEvent {
    }

    /** R15: the core maintainers' ballot on a module proposal is requested (majority; a tie goes to the lead). */
    @EventRevision(1)
    record ModuleProposalReviewRequested(String proposalId, BallotRequest ballotRequest)
            implements NominationEvent, BallotRequesting {
    }

    /**
     * R15: the ballot on a module proposal opened (copied from the voting stream): its frozen electorate, whose
     * members may publish the reasoning of the decision.
     */
    @EventRevision(1)
    record ModuleProposalBallotOpened(String proposalId, String ballotId, List<String> electorate,
                                      List<Recusal> recusals) implements NominationEvent {
    }

    /**
     * R15: the ballot on a module proposal closed; a core maintainer of its electorate (the lead, when the lead
     * decided a tie) publishes the reasoning, which must state the ballot's outcome.
     */
    @EventRevision(1)
    record ModuleProposalAwaitingReasoning(String proposalId, String ballotId, TallySummary tally,
                                           CloseReason closeReason, String decidedBy) implements NominationEvent {
    }

    /**
     * The core maintainers accepted a proposal to add, re-scope or retire a module (R15), with public
     * reasoning. For ADD, {@code initialMaintainers} take their seats and the group starts with {@code settings}.
     *
     * @param settings  revision 2: ADD: the group's decision rule, nomination process and inactivity period; null
     *                  before revision 2 (the registry's defaults)
     * @param decidedBy revision 2: the core maintainer who published the reasoning
     * @param tally     revision 2: the ballot's result
     */
    @EventRevision(2)
    record ModuleProposalAccepted(String proposalId, ProposalAction action, String moduleId, String name,
                                  ModuleKind kind, String location, String description,
                                  List<String> initialMaintainers, ModuleSettings settings, String reasoning,
                                  String decidedBy, String ballotId, TallySummary tally, String rulesVersion)
            implements NominationEvent {
    }

    /** R15: the core maintainers declined a module proposal, with public reasoning; nothing changes. */
    @EventRevision(1)
    record ModuleProposalDeclined(String proposalId, ProposalAction action, String moduleId, String reasoning,
                                  String decidedBy, String ballotId, TallySummary tally, String rulesVersion)
            implements NominationEvent {
    }

    /**
     * R15: the proposer withdrew the proposal before the decision; voting-service cancels its ballot if open.
     */
    @EventRevision(1)
    record ModuleProposalWithdrawn(String proposalId, String withdrawnBy, String reason, String ballotRequestId)
            implements NominationEvent, BallotCancelling {

        @Override
        public String cancellationReason() {
            return "Module proposal " + proposalId + " was withdrawn by " + withdrawnBy + ": " + reason;
        }
    }
}
