package dev.charter.contracts.nominations;

import dev.charter.contracts.EventRevision;
import dev.charter.contracts.PublicEvent;
import dev.charter.contracts.registry.ModuleKind;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.BallotRequesting;
import dev.charter.contracts.voting.TallySummary;

import java.util.List;

/**
 * The events of the nominations stream ({@code charter.nominations.v1}). The decision events here
 * are what the registry applies to the roster.
 */
public sealed interface NominationEvent extends PublicEvent {

    /**
     * A nomination is due for decision by a body that votes: voting-service opens the ballot it requests
     * (R9 quarterly review of the core maintainers, a module group's own process, R10, R12).
     */
    @EventRevision(1)
    record NominationReviewRequested(String nominationId, BallotRequest ballotRequest)
            implements NominationEvent, BallotRequesting {
    }

    /** The candidacy window closed: voting-service opens the ranked-choice ballot among core maintainers (R13). */
    @EventRevision(1)
    record LeadElectionBallotRequested(String electionId, BallotRequest ballotRequest)
            implements NominationEvent, BallotRequesting {
    }

    /**
     * The deciding body confirmed a nomination, with public reasoning (R9, R10, R11, R12).
     *
     * @param personId    the nominee, or the person to be removed
     * @param role        the seat gained (MODULE_MAINTAINER, CORE_MAINTAINER) or lost (REMOVAL: either;
     *                    LEAD_REMOVAL: LEAD)
     * @param moduleId    the module, for module-maintainer seats
     * @param decidedBy   the member of the deciding body who published the reasoning
     * @param ballotId    the ballot that decided, on the voting stream
     */
    @EventRevision(1)
    record NominationConfirmed(String nominationId, NominationKind kind, String personId, Role role, String moduleId,
                               String reasoning, String decidedBy, String ballotId, TallySummary tally,
                               String rulesVersion) implements NominationEvent {
    }

    /**
     * The lead seat is vacant: the lead was removed (R12) or declared permanently unavailable (R13).
     * The lead stays a core maintainer. An election of a new lead follows.
     */
    @EventRevision(1)
    record LeadSeatVacated(String vacancyId, String personId, VacancyReason reason, String nominationId,
                           String reasoning, String ballotId, String rulesVersion) implements NominationEvent {
    }

    /** The core maintainers elected a new lead by ranked-choice voting (R13). */
    @EventRevision(1)
    record LeadElected(String electionId, String personId, String ballotId, String rulesVersion)
            implements NominationEvent {
    }

    /**
     * The core maintainers accepted a proposal to add, re-scope or retire a module (R15), with public
     * reasoning. For ADD, {@code initialMaintainers} take their seats.
     */
    @EventRevision(1)
    record ModuleProposalAccepted(String proposalId, ProposalAction action, String moduleId, String name,
                                  ModuleKind kind, String location, String description,
                                  List<String> initialMaintainers, String reasoning, String ballotId,
                                  String rulesVersion) implements NominationEvent {
    }
}
