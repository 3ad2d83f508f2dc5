package dev.charter.nomination.seat;

import dev.charter.contracts.nominations.Contributions;
import dev.charter.contracts.nominations.EvidenceCategory;
import dev.charter.contracts.nominations.NominationEvent.NominationScheduledForReview;
import dev.charter.contracts.nominations.NominationEvent.NominationSubmitted;
import dev.charter.contracts.nominations.NominationKind;
import dev.charter.contracts.nominations.RemovalGrounds;
import dev.charter.contracts.nominations.TestimonialStance;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.CloseReason;
import dev.charter.contracts.voting.Recusal;
import dev.charter.contracts.voting.TallySummary;
import dev.charter.platform.roster.PersonStanding;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Commands of the {@link Nomination} aggregate. */
public final class NominationCommands {

    private NominationCommands() {
    }

    /**
     * @param personId the nominee or subject; for LEAD_REMOVAL and LEAD_UNAVAILABLE null means the lead
     * @param role     REMOVAL: the seat to remove from; otherwise optional (it follows from the kind)
     */
    public record SubmitNomination(@TargetAggregateIdentifier String nominationId, NominationKind kind,
                                   String personId, Role role, String moduleId, String statement,
                                   Contributions contributions, RemovalGrounds grounds, Instant submittedAt,
                                   RosterFacts facts) {
    }

    /**
     * What a submission applied: the nomination, and its place in a review cycle when it waits for the core
     * maintainers' meeting (null when its ballot was requested at once).
     */
    public record Submitted(NominationSubmitted submitted, NominationScheduledForReview scheduled) {
    }

    public record AddTestimonial(@TargetAggregateIdentifier String nominationId, String entryId,
                                 PersonStanding author, TestimonialStance stance, String text) {
    }

    public record AddLetterOfSupport(@TargetAggregateIdentifier String nominationId, String entryId,
                                     PersonStanding author, String text) {
    }

    public record AddEvidence(@TargetAggregateIdentifier String nominationId, String entryId, PersonStanding author,
                              EvidenceCategory category, String summary, List<String> links) {
    }

    public record WithdrawNomination(@TargetAggregateIdentifier String nominationId, String withdrawnBy,
                                     String reason) {
    }

    /** From the voting stream: the review ballot opened with this frozen electorate. */
    public record RecordReviewBallotOpened(@TargetAggregateIdentifier String nominationId, String ballotId,
                                           String requestId, List<String> electorate, List<Recusal> recusals) {
    }

    /** From the voting stream: the review ballot closed. */
    public record RecordReviewBallotClosed(@TargetAggregateIdentifier String nominationId, String ballotId,
                                           String requestId, TallySummary tally, CloseReason closeReason,
                                           String decidedBy) {
    }

    /** Answered with the decision as published. */
    public record PublishDecision(@TargetAggregateIdentifier String nominationId, String decidedBy, Verdict verdict,
                                  String reasoning, String rulesVersion, Instant decidedAt) {
    }
}
