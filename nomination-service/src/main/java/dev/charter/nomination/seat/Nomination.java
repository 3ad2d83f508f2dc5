package dev.charter.nomination.seat;

import dev.charter.platform.axon.AggregateCache;
import dev.charter.contracts.nominations.DossierAuthor;
import dev.charter.contracts.nominations.LetterKind;
import dev.charter.contracts.nominations.NominationEvent.EvidenceAdded;
import dev.charter.contracts.nominations.NominationEvent.LeadSeatVacated;
import dev.charter.contracts.nominations.NominationEvent.LetterOfSupportAdded;
import dev.charter.contracts.nominations.NominationEvent.NominationAwaitingReasoning;
import dev.charter.contracts.nominations.NominationEvent.NominationConfirmed;
import dev.charter.contracts.nominations.NominationEvent.NominationDeclined;
import dev.charter.contracts.nominations.NominationEvent.NominationReviewRequested;
import dev.charter.contracts.nominations.NominationEvent.NominationScheduledForReview;
import dev.charter.contracts.nominations.NominationEvent.NominationSubmitted;
import dev.charter.contracts.nominations.NominationEvent.NominationWithdrawn;
import dev.charter.contracts.nominations.NominationEvent.ReviewBallotOpened;
import dev.charter.contracts.nominations.NominationEvent.TestimonialAdded;
import dev.charter.contracts.nominations.NominationKind;
import dev.charter.contracts.nominations.TestimonialStance;
import dev.charter.contracts.nominations.VacancyReason;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.contracts.voting.TallySummary;
import dev.charter.nomination.NominationSettings;
import dev.charter.nomination.decision.Reasoning;
import dev.charter.nomination.seat.NominationCommands.AddEvidence;
import dev.charter.nomination.seat.NominationCommands.AddLetterOfSupport;
import dev.charter.nomination.seat.NominationCommands.AddTestimonial;
import dev.charter.nomination.seat.NominationCommands.PublishDecision;
import dev.charter.nomination.seat.NominationCommands.RecordReviewBallotClosed;
import dev.charter.nomination.seat.NominationCommands.RecordReviewBallotOpened;
import dev.charter.nomination.seat.NominationCommands.SubmitNomination;
import dev.charter.nomination.seat.NominationCommands.Submitted;
import dev.charter.nomination.seat.NominationCommands.WithdrawNomination;
import dev.charter.platform.roster.PersonStanding;
import dev.charter.platform.web.GovernanceException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A nomination (R9–R13): to a module-maintainer seat, to a core-maintainer seat, for the removal of a module or
 * core maintainer, for the removal of the lead, or declaring the lead permanently unavailable. It carries its
 * dossier, asks voting-service for the ballot of its deciding body (at once, or at the core maintainers'
 * quarterly review meeting: a durable deadline), and once that ballot has closed becomes Confirmed or Declined
 * only when a member of the deciding body publishes reasoning that states the ballot's outcome.
 */
@Aggregate(cache = AggregateCache.BEAN)
public class Nomination {

    static final String REVIEW_MEETING = "review-meeting";
    public static final String SUBJECT_KIND = "NOMINATION";
    private static final Logger log = LoggerFactory.getLogger(Nomination.class);

    /** The lifecycle of a nomination. */
    public enum Status {
        SCHEDULED, IN_REVIEW, AWAITING_REASONING, CONFIRMED, DECLINED, WITHDRAWN;

        boolean decided() {
            return this == CONFIRMED || this == DECLINED;
        }

        /** The dossier grows until the ballot closes. */
        boolean dossierOpen() {
            return this == SCHEDULED || this == IN_REVIEW;
        }
    }

    /** The payload of the review-meeting deadline. */
    public record ReviewMeeting(String cycleId) {
    }

    @AggregateIdentifier
    private String nominationId;
    private NominationKind kind;
    private String personId;
    private Role role;
    private String moduleId;
    private String nominatedBy;
    private BallotBody body;
    private DecisionRule rule;
    private Status status;
    private Instant meetingAt;
    private String ballotRequestId;
    private String ballotId;
    private Set<String> electorate = Set.of();
    private TallySummary tally;
    private String tieDecidedBy;

    protected Nomination() {
    }

    /**
     * R9–R13: the nomination is submitted if the nominee or subject is eligible; its ballot is requested at once,
     * or at the core maintainers' next review meeting. Answered with what was applied.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public Submitted handle(SubmitNomination command, NominationSettings settings, DeadlineManager deadlines) {
        Eligibility.Submission submission = Eligibility.check(command);
        ReviewPlan plan = ReviewPlan.of(command.kind(), command.facts().module());
        NominationSubmitted submitted = new NominationSubmitted(command.nominationId(), command.kind(),
                submission.subject().personId(), submission.role(), submission.moduleId(),
                author(command.facts().nominator()), submission.statement(), submission.contributions(),
                submission.grounds(), plan.body(), plan.rule());
        apply(submitted);
        if (!plan.viaReviewCycle()) {
            requestReview(command.submittedAt(), settings);
            return new Submitted(submitted, null);
        }
        ReviewCycle cycle = settings.cycles().cycleFor(command.submittedAt());
        NominationScheduledForReview scheduled = new NominationScheduledForReview(nominationId, cycle.cycleId(),
                cycle.meetingAt(), cycle.cutOffAt());
        apply(scheduled);
        deadlines.schedule(cycle.meetingAt(), REVIEW_MEETING, new ReviewMeeting(cycle.cycleId()));
        return new Submitted(submitted, scheduled);
    }

    /** R9, R10: the core maintainers' review meeting has come; the ballot opens now. */
    @DeadlineHandler(deadlineName = REVIEW_MEETING)
    void on(ReviewMeeting meeting, NominationSettings settings) {
        if (status != Status.SCHEDULED) {
            log.info("Review meeting {} for nomination {}: nothing to do, it is {}", meeting.cycleId(), nominationId,
                    status);
            return;
        }
        requestReview(meetingAt, settings);
    }

    /** R9: testimonials of the nominee's interactions, and maintainers' testimonials of support. */
    @CommandHandler
    public TestimonialAdded handle(AddTestimonial command) {
        requireDossierOpen();
        if (kind != NominationKind.MODULE_MAINTAINER) {
            throw new GovernanceException.RuleViolation("testimonials-not-applicable", Eligibility.ruleOf(kind),
                    "Testimonials are for module-maintainer nominations (R9); add a letter of support (R11) or "
                            + "evidence instead.");
        }
        requireNotNominee(command.author(), "testify about their own nomination");
        if (command.stance() == TestimonialStance.SUPPORT && !command.author().maintainer()) {
            throw new GovernanceException.NotAllowed("support-is-for-maintainers", "R9",
                    "A general testimonial of support comes from a maintainer; give a POSITIVE testimonial instead.");
        }
        TestimonialAdded added = new TestimonialAdded(nominationId, command.entryId(), author(command.author()),
                command.stance(), requireText(command.text(), "text"));
        apply(added);
        return added;
    }

    /** R11: letters of support, from maintainers or from stakeholders, by the author's role at this moment. */
    @CommandHandler
    public LetterOfSupportAdded handle(AddLetterOfSupport command) {
        requireDossierOpen();
        if (kind != NominationKind.CORE_MAINTAINER) {
            throw new GovernanceException.RuleViolation("letters-not-applicable", Eligibility.ruleOf(kind),
                    "Letters of support are for core-maintainer nominations (R11).");
        }
        requireNotNominee(command.author(), "write a letter of support for themselves");
        LetterKind letterKind = command.author().maintainer() ? LetterKind.MAINTAINER : LetterKind.STAKEHOLDER;
        LetterOfSupportAdded added = new LetterOfSupportAdded(nominationId, command.entryId(),
                author(command.author()), letterKind, requireText(command.text(), "text"));
        apply(added);
        return added;
    }

    /** R9, R11: contributions and other information; R10, R12, R13: the grounds of a removal. */
    @CommandHandler
    public EvidenceAdded handle(AddEvidence command) {
        requireDossierOpen();
        Eligibility.requireEvidenceFits(kind, command.category());
        EvidenceAdded added = new EvidenceAdded(nominationId, command.entryId(), author(command.author()),
                command.category(), requireText(command.summary(), "summary"), Eligibility.links(command.links()));
        apply(added);
        return added;
    }

    /**
     * The nominator withdraws before the decision (Confirmed or Declined), also while the reasoning is awaited;
     * voting-service cancels a ballot still open (a closed one stays as it was, public).
     */
    @CommandHandler
    public void handle(WithdrawNomination command, DeadlineManager deadlines) {
        if (!command.withdrawnBy().equals(nominatedBy)) {
            throw new GovernanceException.NotAllowed("not-the-nominator", Eligibility.ruleOf(kind),
                    "Only the nominator, " + nominatedBy + ", may withdraw this nomination.");
        }
        switch (status) {
            case WITHDRAWN -> throw new GovernanceException.Conflict("already-withdrawn",
                    "The nomination is already withdrawn.");
            case CONFIRMED, DECLINED -> throw new GovernanceException.Conflict("already-decided",
                    "The nomination is already " + status.name().toLowerCase() + ".");
            default -> {
                // SCHEDULED, IN_REVIEW or AWAITING_REASONING: not decided yet
            }
        }
        apply(new NominationWithdrawn(nominationId, command.withdrawnBy(), requireText(command.reason(), "reason"),
                ballotRequestId));
        deadlines.cancelAllWithinScope(REVIEW_MEETING);
    }

    /** From the voting stream. Idempotent: a ballot already recorded, or not this nomination's, changes nothing. */
    @CommandHandler
    public void handle(RecordReviewBallotOpened command) {
        if (!command.requestId().equals(ballotRequestId) || ballotId != null || status != Status.IN_REVIEW) {
            log.info("Nomination {} ignores the opening of ballot {} (request {}, status {})", nominationId,
                    command.ballotId(), command.requestId(), status);
            return;
        }
        apply(new ReviewBallotOpened(nominationId, command.ballotId(), List.copyOf(command.electorate()),
                List.copyOf(command.recusals())));
    }

    /** From the voting stream. Idempotent: only an open review moves to awaiting reasoning, once. */
    @CommandHandler
    public void handle(RecordReviewBallotClosed command) {
        if (!command.requestId().equals(ballotRequestId) || status != Status.IN_REVIEW) {
            log.info("Nomination {} ignores the closing of ballot {} (request {}, status {})", nominationId,
                    command.ballotId(), command.requestId(), status);
            return;
        }
        apply(new NominationAwaitingReasoning(nominationId, command.ballotId(), command.tally(),
                command.closeReason(), command.decidedBy()));
    }

    /**
     * R7, R9–R13: a member of the deciding body publishes the public reasoning; the outcome it states must be the
     * ballot's. A confirmed removal of the lead, or declaration of their permanent unavailability, also vacates
     * the lead seat.
     */
    @CommandHandler
    public NominationViews.DecisionView handle(PublishDecision command) {
        String rule = Eligibility.ruleOf(kind);
        switch (status) {
            case AWAITING_REASONING -> {
                // the ballot has closed: the decision may be published
            }
            case CONFIRMED, DECLINED -> throw new GovernanceException.Conflict("already-decided", rule,
                    "The nomination is already " + status.name().toLowerCase() + ".");
            case WITHDRAWN -> throw new GovernanceException.Conflict("withdrawn", rule,
                    "The nomination was withdrawn.");
            default -> throw new GovernanceException.Conflict("ballot-not-closed", rule,
                    "The deciding body has not voted yet: the reasoning follows the close of the ballot.");
        }
        Reasoning.requirePublisher(command.decidedBy(), electorate, tieDecidedBy, rule);
        Verdict ballotVerdict = tally.outcome() == BallotOutcome.CARRIED ? Verdict.CONFIRMED : Verdict.DECLINED;
        if (command.verdict() != ballotVerdict) {
            throw new GovernanceException.RuleViolation("outcome-mismatch", rule,
                    "The ballot's outcome was " + tally.outcome() + ": the decision is " + ballotVerdict
                            + ", not " + command.verdict() + ".");
        }
        String reasoning = requireText(command.reasoning(), "reasoning");
        NominationViews.DecisionView decision = new NominationViews.DecisionView(ballotVerdict, reasoning,
                command.decidedBy(), command.decidedAt(), ballotId, tally, command.rulesVersion());
        if (ballotVerdict == Verdict.DECLINED) {
            apply(new NominationDeclined(nominationId, kind, personId, role, moduleId, reasoning, command.decidedBy(),
                    ballotId, tally, command.rulesVersion()));
            return decision;
        }
        apply(new NominationConfirmed(nominationId, kind, personId, role, moduleId, reasoning, command.decidedBy(),
                ballotId, tally, command.rulesVersion()));
        if (kind == NominationKind.LEAD_REMOVAL || kind == NominationKind.LEAD_UNAVAILABLE) {
            apply(new LeadSeatVacated(vacancyId(nominationId), personId,
                    kind == NominationKind.LEAD_REMOVAL ? VacancyReason.REMOVED : VacancyReason.PERMANENTLY_UNAVAILABLE,
                    nominationId, reasoning, ballotId, command.rulesVersion()));
        }
        return decision;
    }

    private void requestReview(Instant opensAt, NominationSettings settings) {
        BallotRequest request = new BallotRequest(requestId(nominationId), SUBJECT_KIND, nominationId, question(),
                body, body == BallotBody.MODULE_MAINTAINERS ? moduleId : null, List.of(), rule.method(),
                rule.threshold(), rule.base(), rule.quorum(), List.of(), opensAt.plus(settings.ballotDuration()),
                List.of(personId), nominatedBy);
        apply(new NominationReviewRequested(nominationId, request));
    }

    private String question() {
        return switch (kind) {
            case MODULE_MAINTAINER -> "Confirm " + personId + " as a maintainer of module " + moduleId + "? (R9)";
            case CORE_MAINTAINER -> "Confirm " + personId + " as a core maintainer? (R11)";
            case REMOVAL -> "Remove " + personId + " as " + (role == Role.MODULE_MAINTAINER
                    ? "a maintainer of module " + moduleId : "a core maintainer") + "? (R10)";
            case LEAD_REMOVAL -> "Remove " + personId + " from the lead seat? (R12)";
            case LEAD_UNAVAILABLE -> "Declare the lead, " + personId + ", permanently unavailable and vacate the "
                    + "lead seat? (R13)";
        };
    }

    /** One review ballot per nomination: voting-service derives the ballot id from this. */
    public static String requestId(String nominationId) {
        return "nomination:" + nominationId + ":review";
    }

    public static String vacancyId(String nominationId) {
        return "vacancy-" + nominationId;
    }

    private void requireDossierOpen() {
        if (!status.dossierOpen()) {
            throw new GovernanceException.Conflict("dossier-closed", Eligibility.ruleOf(kind),
                    "The dossier closed with the ballot; the nomination is " + status + ".");
        }
    }

    private void requireNotNominee(PersonStanding author, String what) {
        if (author.personId().equals(personId)) {
            throw new GovernanceException.RuleViolation("nominee-own-dossier", Eligibility.ruleOf(kind),
                    "The nominee may not " + what + ".");
        }
    }

    /** R9, R11: what a dossier records of its author: their role at this moment. */
    static DossierAuthor author(PersonStanding person) {
        return new DossierAuthor(person.personId(), person.standing(), List.copyOf(person.modules()));
    }

    private static String requireText(String value, String field) {
        return Reasoning.requireText(value, field);
    }

    @EventSourcingHandler
    void on(NominationSubmitted event) {
        nominationId = event.nominationId();
        kind = event.kind();
        personId = event.personId();
        role = event.role();
        moduleId = event.moduleId();
        nominatedBy = event.nominatedBy().personId();
        body = event.decidingBody();
        rule = event.decisionRule();
        status = Status.IN_REVIEW;
    }

    @EventSourcingHandler
    void on(NominationScheduledForReview event) {
        status = Status.SCHEDULED;
        meetingAt = event.meetingAt();
    }

    @EventSourcingHandler
    void on(NominationReviewRequested event) {
        status = Status.IN_REVIEW;
        ballotRequestId = event.ballotRequest().requestId();
    }

    @EventSourcingHandler
    void on(ReviewBallotOpened event) {
        ballotId = event.ballotId();
        electorate = Set.copyOf(event.electorate());
    }

    @EventSourcingHandler
    void on(NominationAwaitingReasoning event) {
        status = Status.AWAITING_REASONING;
        ballotId = event.ballotId();
        tally = event.tally();
        tieDecidedBy = event.decidedBy();
    }

    @EventSourcingHandler
    void on(NominationConfirmed event) {
        status = Status.CONFIRMED;
    }

    @EventSourcingHandler
    void on(NominationDeclined event) {
        status = Status.DECLINED;
    }

    @EventSourcingHandler
    void on(NominationWithdrawn event) {
        status = Status.WITHDRAWN;
    }
}
