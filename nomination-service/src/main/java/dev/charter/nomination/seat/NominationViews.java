package dev.charter.nomination.seat;

import dev.charter.contracts.nominations.Contributions;
import dev.charter.contracts.nominations.DossierAuthor;
import dev.charter.contracts.nominations.NominationKind;
import dev.charter.contracts.nominations.RemovalGrounds;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.contracts.voting.TallySummary;

import java.time.Instant;
import java.util.List;

/** What the nomination queries answer. */
public final class NominationViews {

    private NominationViews() {
    }

    /**
     * @param seq             position in submission order (the pagination key)
     * @param cycle           the review cycle it joined, or null
     * @param ballotRequestId the review ballot's request, once requested
     */
    public record NominationView(long seq, String nominationId, NominationKind kind, String personId, Role role,
                                 String moduleId, DossierAuthor nominatedBy, Nomination.Status status,
                                 Instant submittedAt, String statement, Contributions contributions,
                                 RemovalGrounds grounds, BallotBody body, String bodyModuleId, DecisionRule rule,
                                 ReviewCycle cycle, String ballotRequestId, String ballotId, DecisionView decision,
                                 WithdrawalView withdrawal) {
    }

    /** A testimonial (label: its stance), letter (its kind) or evidence (its category). */
    public record DossierEntryView(String entryId, EntryType type, DossierAuthor author, String label, String text,
                                   List<String> links, Instant addedAt) {
    }

    public enum EntryType {
        TESTIMONIAL, LETTER, EVIDENCE
    }

    public record DecisionView(Verdict outcome, String reasoning, String decidedBy, Instant decidedAt,
                               String ballotId, TallySummary tally, String rulesVersion) {
    }

    public record WithdrawalView(String withdrawnBy, String reason, Instant withdrawnAt) {
    }

    /** Filters of the nomination list; null means any. */
    public record NominationFilter(Boolean open, Nomination.Status status, NominationKind kind, String moduleId,
                                   String personId, String cycleId) {
    }
}
