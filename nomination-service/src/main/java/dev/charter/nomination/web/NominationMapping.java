package dev.charter.nomination.web;

import dev.charter.api.nominations.model.BallotBody;
import dev.charter.api.nominations.model.BallotOutcome;
import dev.charter.api.nominations.model.BallotStatus;
import dev.charter.api.nominations.model.Candidate;
import dev.charter.api.nominations.model.CandidateStatus;
import dev.charter.api.nominations.model.Contributions;
import dev.charter.api.nominations.model.DecidingBody;
import dev.charter.api.nominations.model.Decision;
import dev.charter.api.nominations.model.DecisionMethod;
import dev.charter.api.nominations.model.DecisionOutcome;
import dev.charter.api.nominations.model.Dossier;
import dev.charter.api.nominations.model.DossierAuthor;
import dev.charter.api.nominations.model.Election;
import dev.charter.api.nominations.model.ElectionStatus;
import dev.charter.api.nominations.model.ElectionSummary;
import dev.charter.api.nominations.model.Evidence;
import dev.charter.api.nominations.model.EvidenceCategory;
import dev.charter.api.nominations.model.Grounds;
import dev.charter.api.nominations.model.Letter;
import dev.charter.api.nominations.model.LetterKind;
import dev.charter.api.nominations.model.Nomination;
import dev.charter.api.nominations.model.NominationKind;
import dev.charter.api.nominations.model.NominationStatus;
import dev.charter.api.nominations.model.NominationSummary;
import dev.charter.api.nominations.model.OptionCount;
import dev.charter.api.nominations.model.Recusal;
import dev.charter.api.nominations.model.RecusalReason;
import dev.charter.api.nominations.model.ReviewCycle;
import dev.charter.api.nominations.model.Role;
import dev.charter.api.nominations.model.Round;
import dev.charter.api.nominations.model.Standing;
import dev.charter.api.nominations.model.TallySummary;
import dev.charter.api.nominations.model.Testimonial;
import dev.charter.api.nominations.model.TestimonialStance;
import dev.charter.api.nominations.model.ThresholdBase;
import dev.charter.api.nominations.model.VacancyReason;
import dev.charter.api.nominations.model.Vote;
import dev.charter.contracts.nominations.NominationEvent.EvidenceAdded;
import dev.charter.contracts.nominations.NominationEvent.LetterOfSupportAdded;
import dev.charter.contracts.nominations.NominationEvent.NominationScheduledForReview;
import dev.charter.contracts.nominations.NominationEvent.NominationSubmitted;
import dev.charter.contracts.nominations.NominationEvent.TestimonialAdded;
import dev.charter.contracts.nominations.NominationEvent;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.contracts.voting.Tally;
import dev.charter.nomination.copy.BallotView;
import dev.charter.nomination.election.ElectionViews.CandidateView;
import dev.charter.nomination.election.ElectionViews.ElectionView;
import dev.charter.nomination.seat.NominationCommands.Submitted;
import dev.charter.nomination.seat.NominationViews.DecisionView;
import dev.charter.nomination.seat.NominationViews.DossierEntryView;
import dev.charter.nomination.seat.NominationViews.EntryType;
import dev.charter.nomination.seat.NominationViews.NominationView;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Maps views to the generated REST models; no rules here. */
final class NominationMapping {

    private NominationMapping() {
    }

    static NominationSummary summary(NominationView view) {
        return new NominationSummary(view.nominationId(), NominationKind.fromValue(view.kind().name()),
                view.personId(), Role.fromValue(view.role().name()), view.nominatedBy().personId(),
                NominationStatus.fromValue(view.status().name()), time(view.submittedAt()))
                .moduleId(view.moduleId())
                .reviewCycle(cycle(view.cycle()))
                .decidingBody(body(view.body(), view.bodyModuleId(), view.rule()));
    }

    /** The answer to a submission, from what the aggregate applied (before the projection has caught up). */
    static NominationSummary submitted(Submitted result, Instant at) {
        NominationSubmitted submitted = result.submitted();
        NominationScheduledForReview scheduled = result.scheduled();
        return new NominationSummary(submitted.nominationId(), NominationKind.fromValue(submitted.kind().name()),
                submitted.personId(), Role.fromValue(submitted.role().name()), submitted.nominatedBy().personId(),
                scheduled != null ? NominationStatus.SCHEDULED : NominationStatus.IN_REVIEW, time(at))
                .moduleId(submitted.moduleId())
                .reviewCycle(scheduled == null ? null : cycle(new dev.charter.nomination.seat.ReviewCycle(
                        scheduled.cycleId(), scheduled.meetingAt(), scheduled.cutOffAt())))
                .decidingBody(body(submitted.decidingBody(), bodyModuleId(submitted), submitted.decisionRule()));
    }

    /** The module whose group decides: the nomination's own module when its maintainer group is the body. */
    static String bodyModuleId(NominationSubmitted submitted) {
        return submitted.decidingBody() == dev.charter.contracts.voting.BallotBody.MODULE_MAINTAINERS
                ? submitted.moduleId() : null;
    }

    static Nomination detail(NominationView view, List<DossierEntryView> entries, BallotStatus ballot) {
        return new Nomination(view.nominationId(), NominationKind.fromValue(view.kind().name()), view.personId(),
                Role.fromValue(view.role().name()), author(view.nominatedBy()),
                NominationStatus.fromValue(view.status().name()), time(view.submittedAt()),
                body(view.body(), view.bodyModuleId(), view.rule()), dossier(entries))
                .moduleId(view.moduleId())
                .statement(view.statement())
                .contributions(view.contributions() == null ? null
                        : new Contributions(view.contributions().summary(), view.contributions().links()))
                .grounds(view.grounds() == null ? null : new Grounds().activity(view.grounds().activity())
                        .changedDirection(view.grounds().changedDirection()).unfitness(view.grounds().unfitness())
                        .conflictsOfInterest(view.grounds().conflictsOfInterest()))
                .reviewCycle(cycle(view.cycle()))
                .ballot(ballot)
                .decision(decision(view.decision()))
                .withdrawal(view.withdrawal() == null ? null : new dev.charter.api.nominations.model.Withdrawal(
                        view.withdrawal().withdrawnBy(), view.withdrawal().reason(),
                        time(view.withdrawal().withdrawnAt())));
    }

    static Dossier dossier(List<DossierEntryView> entries) {
        return new Dossier(
                entries.stream().filter(e -> e.type() == EntryType.TESTIMONIAL).map(NominationMapping::testimonial)
                        .toList(),
                entries.stream().filter(e -> e.type() == EntryType.LETTER).map(NominationMapping::letter).toList(),
                entries.stream().filter(e -> e.type() == EntryType.EVIDENCE).map(NominationMapping::evidence)
                        .toList());
    }

    static Testimonial testimonial(TestimonialAdded added, Instant at) {
        return testimonial(new DossierEntryView(added.entryId(), EntryType.TESTIMONIAL, added.author(),
                added.stance().name(), added.text(), List.of(), at));
    }

    static Letter letter(LetterOfSupportAdded added, Instant at) {
        return letter(new DossierEntryView(added.entryId(), EntryType.LETTER, added.author(), added.kind().name(),
                added.text(), List.of(), at));
    }

    static Evidence evidence(EvidenceAdded added, Instant at) {
        return evidence(new DossierEntryView(added.entryId(), EntryType.EVIDENCE, added.author(),
                added.category().name(), added.summary(), added.links(), at));
    }

    static Testimonial testimonial(DossierEntryView entry) {
        return new Testimonial(entry.entryId(), author(entry.author()), TestimonialStance.fromValue(entry.label()),
                entry.text(), time(entry.addedAt()));
    }

    static Letter letter(DossierEntryView entry) {
        return new Letter(entry.entryId(), author(entry.author()), LetterKind.fromValue(entry.label()), entry.text(),
                time(entry.addedAt()));
    }

    static Evidence evidence(DossierEntryView entry) {
        return new Evidence(entry.entryId(), author(entry.author()), EvidenceCategory.fromValue(entry.label()),
                entry.text(), entry.links(), time(entry.addedAt()));
    }

    static DossierAuthor author(dev.charter.contracts.nominations.DossierAuthor author) {
        return new DossierAuthor(author.personId(), Standing.fromValue(author.standing().name()), author.modules());
    }

    static DecidingBody body(dev.charter.contracts.voting.BallotBody body, String moduleId, DecisionRule rule) {
        return new DecidingBody(BallotBody.fromValue(body.name()), DecisionMethod.fromValue(rule.method().name()))
                .moduleId(moduleId).threshold(rule.threshold())
                .base(rule.base() == null ? null : ThresholdBase.fromValue(rule.base().name()))
                .quorum(rule.quorum());
    }

    static ReviewCycle cycle(dev.charter.nomination.seat.ReviewCycle cycle) {
        return cycle == null ? null : new ReviewCycle(cycle.cycleId(), time(cycle.meetingAt()), time(cycle.cutOffAt()));
    }

    static Decision decision(DecisionView decision) {
        if (decision == null) {
            return null;
        }
        return new Decision(DecisionOutcome.fromValue(decision.outcome().name()), decision.reasoning(),
                decision.decidedBy(), time(decision.decidedAt()), decision.ballotId(), tally(decision.tally()),
                decision.rulesVersion());
    }

    static TallySummary tally(dev.charter.contracts.voting.TallySummary tally) {
        if (tally == null) {
            return null;
        }
        return new TallySummary(tally.eligible(), tally.recused(), tally.yes(), tally.no(), tally.abstain(),
                tally.outcome() == null ? null : BallotOutcome.fromValue(tally.outcome().name()));
    }

    /** A ballot as copied from the voting stream, or a requested one voting-service has not opened yet. */
    static BallotStatus ballot(String ballotId, String requestId, BallotView view) {
        if (view == null) {
            return new BallotStatus(ballotId, requestId, BallotStatus.StatusEnum.REQUESTED, List.of(), List.of(),
                    List.of(), List.of());
        }
        Tally tally = view.tally();
        return new BallotStatus(view.ballotId(), view.requestId(), BallotStatus.StatusEnum.fromValue(view.status()),
                view.electorate(),
                view.recusals().stream().map(r -> new Recusal(r.personId(),
                        RecusalReason.fromValue(r.reason().name())).detail(r.detail())).toList(),
                view.votes().stream().map(v -> new Vote(v.voterId())
                        .choice(v.choice() == null ? null : Vote.ChoiceEnum.fromValue(v.choice()))
                        .ranking(v.ranking()).comment(v.comment())).toList(),
                tally == null ? List.of() : tally.rounds().stream().map(NominationMapping::round).toList())
                .method(DecisionMethod.fromValue(view.method().name()))
                .deadline(time(view.deadline()))
                .openedAt(time(view.openedAt()))
                .outcome(view.outcome() == null ? null : BallotOutcome.fromValue(view.outcome().name()))
                .closeReason(view.closeReason() == null ? null
                        : BallotStatus.CloseReasonEnum.fromValue(view.closeReason().name()))
                .closedAt(time(view.closedAt()))
                .tally(tally == null ? null : tally(new dev.charter.contracts.voting.TallySummary(tally.electorate(),
                        tally.recused(), tally.yes(), tally.no(), tally.abstain(), view.outcome())))
                .winner(tally == null ? null : tally.winner());
    }

    static Round round(dev.charter.contracts.voting.Round round) {
        return new Round(round.number(), round.counts().stream()
                .map(c -> new OptionCount(c.option(), c.votes())).toList(), round.tieBroken(), round.exhausted())
                .eliminated(round.eliminated());
    }

    static ElectionSummary electionSummary(ElectionView view) {
        return new ElectionSummary(view.electionId(), ElectionStatus.fromValue(view.status().name()), view.vacancyId(),
                view.formerLeadId(), VacancyReason.fromValue(view.reason().name()), time(view.openedAt()),
                time(view.candidacyClosesAt()))
                .electedLeadId(view.electedLeadId());
    }

    static Election election(ElectionView view, List<BallotStatus> ballots) {
        return new Election(view.electionId(), ElectionStatus.fromValue(view.status().name()), view.vacancyId(),
                view.formerLeadId(), VacancyReason.fromValue(view.reason().name()), time(view.openedAt()),
                time(view.candidacyClosesAt()), view.eligibleCandidates(),
                view.candidates().stream().map(c -> candidate(view.electionId(), c)).toList(), ballots)
                .electedLeadId(view.electedLeadId())
                .electedAt(time(view.electedAt()));
    }

    /** A candidate as the election's event left them: standing, nominated by another, or declined. */
    static Candidate candidate(String electionId, NominationEvent event) {
        if (event instanceof NominationEvent.CandidacyDeclared declared) {
            return new Candidate(electionId, declared.personId(), CandidateStatus.STANDING);
        }
        if (event instanceof NominationEvent.CandidateNominated nominated) {
            return new Candidate(electionId, nominated.personId(), CandidateStatus.NOMINATED)
                    .nominatedBy(nominated.nominatedBy());
        }
        if (event instanceof NominationEvent.CandidacyAccepted accepted) {
            return new Candidate(electionId, accepted.personId(), CandidateStatus.STANDING);
        }
        if (event instanceof NominationEvent.CandidacyDeclined declined) {
            return new Candidate(electionId, declined.personId(), CandidateStatus.DECLINED);
        }
        throw new IllegalArgumentException("Not a candidacy event: " + event);
    }

    static Candidate candidate(String electionId, CandidateView view) {
        return new Candidate(electionId, view.personId(), CandidateStatus.fromValue(view.status().name()))
                .nominatedBy(view.nominatedBy());
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
