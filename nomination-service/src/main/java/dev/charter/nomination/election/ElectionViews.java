package dev.charter.nomination.election;

import dev.charter.contracts.nominations.VacancyReason;

import java.time.Instant;
import java.util.List;

/** What the election queries answer. */
public final class ElectionViews {

    private ElectionViews() {
    }

    /** @param ballotIds the election's ballots, oldest first */
    public record ElectionView(long seq, String electionId, String vacancyId, String formerLeadId,
                               VacancyReason reason, Election.Phase status, Instant openedAt,
                               Instant candidacyClosesAt, List<String> eligibleCandidates,
                               List<CandidateView> candidates, List<String> ballotIds, String electedLeadId,
                               Instant electedAt) {
    }

    public record CandidateView(String personId, Election.CandidateStatus status, String nominatedBy) {
    }
}
