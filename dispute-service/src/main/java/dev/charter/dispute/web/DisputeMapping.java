package dev.charter.dispute.web;

import dev.charter.api.disputes.model.Acceptance;
import dev.charter.api.disputes.model.Answer;
import dev.charter.api.disputes.model.Approval;
import dev.charter.api.disputes.model.BallotOutcome;
import dev.charter.api.disputes.model.BallotState;
import dev.charter.api.disputes.model.ChangeKind;
import dev.charter.api.disputes.model.ChangeProposal;
import dev.charter.api.disputes.model.ChangeResult;
import dev.charter.api.disputes.model.ChangeStatus;
import dev.charter.api.disputes.model.ChangeVerdict;
import dev.charter.api.disputes.model.CloseReason;
import dev.charter.api.disputes.model.Decision;
import dev.charter.api.disputes.model.DecisionKind;
import dev.charter.api.disputes.model.DecisionMethod;
import dev.charter.api.disputes.model.DecisionRule;
import dev.charter.api.disputes.model.Dispute;
import dev.charter.api.disputes.model.DisputeStatus;
import dev.charter.api.disputes.model.Escalation;
import dev.charter.api.disputes.model.ModuleDecision;
import dev.charter.api.disputes.model.ModuleSettings;
import dev.charter.api.disputes.model.Recusal;
import dev.charter.api.disputes.model.RecusalReason;
import dev.charter.api.disputes.model.Ruling;
import dev.charter.api.disputes.model.RulingOutcome;
import dev.charter.api.disputes.model.TallySummary;
import dev.charter.api.disputes.model.ThresholdBase;
import dev.charter.api.disputes.model.Veto;
import dev.charter.api.disputes.model.VetoDecision;
import dev.charter.api.disputes.model.VetoOutcome;
import dev.charter.api.disputes.model.VetoStatus;
import dev.charter.api.disputes.model.Withdrawal;
import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.disputes.DisputeEvent;
import dev.charter.contracts.disputes.DisputeEvent.ChangeApproved;
import dev.charter.contracts.disputes.DisputeEvent.ChangeProposed;
import dev.charter.contracts.disputes.DisputeEvent.ChangeRejected;
import dev.charter.contracts.disputes.DisputeEvent.DisputeAnswered;
import dev.charter.contracts.disputes.DisputeEvent.DisputeEscalated;
import dev.charter.contracts.disputes.DisputeEvent.DisputeOpened;
import dev.charter.contracts.disputes.DisputeEvent.DisputeResolved;
import dev.charter.contracts.disputes.DisputeEvent.DisputeRuled;
import dev.charter.contracts.disputes.DisputeEvent.VetoCarried;
import dev.charter.contracts.disputes.DisputeEvent.VetoProposed;
import dev.charter.contracts.disputes.DisputeEvent.VetoRejected;
import dev.charter.dispute.change.ChangeViews.ApprovalView;
import dev.charter.dispute.change.ChangeViews.ChangeView;
import dev.charter.dispute.dispute.DisputeViews.DisputeView;
import dev.charter.dispute.veto.VetoViews.VetoView;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Maps views and applied events to the generated REST models; no rules here. */
final class DisputeMapping {

    private DisputeMapping() {
    }

    // --- decisions

    static ModuleDecision decision(dev.charter.contracts.disputes.ModuleDecision decision) {
        DecisionRef ref = decision.ref();
        return new ModuleDecision(decision.decisionId(), DecisionKind.fromValue(decision.kind().name()),
                decision.moduleId(), time(decision.decidedAt()), decision.summary())
                .ref(ref == null || ref.eventType() == null ? null
                        : new Decision(ref.source(), ref.eventType(), ref.reference()).eventId(ref.eventId()))
                .url(decision.url())
                .personId(decision.personId())
                .outcome(decision.outcome())
                .settingsBefore(settings(decision.settingsBefore()))
                .settingsAfter(settings(decision.settingsAfter()));
    }

    static ModuleSettings settings(dev.charter.contracts.disputes.ModuleSettings settings) {
        if (settings == null) {
            return null;
        }
        return new ModuleSettings().decisionRule(rule(settings.decisionRule()))
                .nominationProcess(settings.nominationProcess() == null ? null
                        : ModuleSettings.NominationProcessEnum.fromValue(settings.nominationProcess().name()))
                .inactivityPeriodDays(settings.inactivityPeriodDays());
    }

    static DecisionRule rule(dev.charter.contracts.voting.DecisionRule rule) {
        if (rule == null) {
            return null;
        }
        return new DecisionRule(DecisionMethod.fromValue(rule.method().name())).threshold(rule.threshold())
                .base(rule.base() == null ? null : ThresholdBase.fromValue(rule.base().name())).quorum(rule.quorum());
    }

    // --- ballots

    static BallotState ballot(dev.charter.dispute.ballot.BallotState ballot) {
        if (ballot == null) {
            return null;
        }
        return new BallotState(ballot.requestId(), ballot.ballotId(),
                BallotState.StatusEnum.fromValue(ballot.status().name()), ballot.electorate(),
                ballot.recusals().stream().map(r -> new Recusal(r.personId(),
                        RecusalReason.fromValue(r.reason().name())).detail(r.detail())).toList())
                .lead(ballot.lead())
                .tally(tally(ballot.tally()))
                .closeReason(ballot.closeReason() == null ? null
                        : CloseReason.fromValue(ballot.closeReason().name()))
                .decidedBy(ballot.decidedBy());
    }

    static TallySummary tally(dev.charter.contracts.voting.TallySummary tally) {
        if (tally == null) {
            return null;
        }
        return new TallySummary(tally.eligible(), tally.recused(), tally.yes(), tally.no(), tally.abstain(),
                BallotOutcome.fromValue(tally.outcome().name()));
    }

    // --- disputes

    static Dispute dispute(DisputeView view) {
        return new Dispute(view.disputeId(), decision(view.decision()), view.respondentModuleId(),
                view.disputantModuleId(), view.disputedBy(), view.statement(), view.links(),
                DisputeStatus.fromValue(view.status().name()), time(view.openedAt()), view.responseWindow(),
                time(view.responseDueAt()))
                .rulesVersion(view.rulesVersion())
                .answer(view.answer() == null ? null : new Answer(view.answer().answeredBy(),
                        view.answer().explanation(), view.answer().arguments(), view.answer().resolution(),
                        time(view.answer().answeredAt())))
                .acceptance(view.resolution() == null ? null : new Acceptance(view.resolution().acceptedBy(),
                        time(view.resolution().resolvedAt())))
                .escalation(view.escalation() == null ? null : new Escalation(view.escalation().escalatedBy(),
                        view.escalation().automatic(), time(view.escalation().escalatedAt()),
                        view.ballot().requestId(), view.ballot().ballotId()).reason(view.escalation().reason()))
                .ballot(ballot(view.ballot()))
                .ruling(view.ruling() == null ? null : new Ruling(
                        RulingOutcome.fromValue(view.ruling().outcome().name()), view.ruling().reasoning(),
                        view.ruling().ruledBy(), time(view.ruling().ruledAt()), view.ruling().rulesVersion())
                        .ballotId(view.ballot() == null ? null : view.ballot().ballotId())
                        .tally(view.ballot() == null ? null : tally(view.ballot().tally())))
                .withdrawal(view.withdrawal() == null ? null : new Withdrawal(view.withdrawal().withdrawnBy(),
                        view.withdrawal().reason(), time(view.withdrawal().withdrawnAt())));
    }

    /** The answer to an opening, as the aggregate applied it (before the projection has caught up). */
    static Dispute opened(DisputeOpened opened, Instant at) {
        return new Dispute(opened.disputeId(), decision(opened.decision()), opened.decision().moduleId(),
                opened.disputantModuleId(), opened.disputedBy(), opened.statement(), opened.links(),
                DisputeStatus.OPEN, time(at), opened.responseWindow(), time(opened.responseDueAt()))
                .rulesVersion(opened.rulesVersion());
    }

    static Answer answer(DisputeAnswered answered, Instant at) {
        return new Answer(answered.answeredBy(), answered.explanation(), answered.arguments(), answered.resolution(),
                time(at));
    }

    static Acceptance acceptance(DisputeResolved resolved, Instant at) {
        return new Acceptance(resolved.acceptedBy(), time(at));
    }

    static Escalation escalation(DisputeEscalated escalated, Instant at) {
        String requestId = escalated.ballotRequest().requestId();
        return new Escalation(escalated.escalatedBy(), escalated.automatic(), time(at), requestId,
                dev.charter.contracts.voting.BallotIds.forRequest(requestId)).reason(escalated.reason());
    }

    static Ruling ruling(DisputeRuled ruled, Instant at) {
        return new Ruling(RulingOutcome.fromValue(ruled.outcome().name()), ruled.reasoning(), ruled.ruledBy(),
                time(at), ruled.rulesVersion()).ballotId(ruled.ballotId()).tally(tally(ruled.tally()));
    }

    // --- vetoes

    static Veto veto(VetoView view) {
        return new Veto(view.vetoId(), decision(view.decision()), view.proposedBy(), view.proposalReasoning(),
                view.vetoWindow(), time(view.windowEndsAt()), time(view.proposedAt()),
                VetoStatus.fromValue(view.status().name()), ballot(view.ballot()))
                .outcome(view.outcome() == null ? null : new VetoDecision(
                        VetoOutcome.fromValue(view.outcome().outcome().name()), view.outcome().reasoning(),
                        view.outcome().decidedBy(), time(view.outcome().decidedAt()), view.outcome().rulesVersion())
                        .ballotId(view.ballot().ballotId()).tally(tally(view.ballot().tally())));
    }

    static Veto proposed(VetoProposed proposed, Instant at) {
        return new Veto(proposed.vetoId(), decision(proposed.decision()), proposed.proposedBy(),
                proposed.reasoning(), proposed.vetoWindow(), time(proposed.windowEndsAt()), time(at),
                VetoStatus.PROPOSED,
                ballot(dev.charter.dispute.ballot.BallotState.requested(proposed.ballotRequest().requestId())));
    }

    static VetoDecision vetoDecision(DisputeEvent decided, Instant at) {
        if (decided instanceof VetoCarried carried) {
            return new VetoDecision(VetoOutcome.CARRIED, carried.reasoning(), carried.decidedBy(), time(at),
                    carried.rulesVersion()).ballotId(carried.ballotId()).tally(tally(carried.tally()));
        }
        VetoRejected rejected = (VetoRejected) decided;
        return new VetoDecision(VetoOutcome.REJECTED, rejected.reasoning(), rejected.decidedBy(), time(at),
                rejected.rulesVersion()).ballotId(rejected.ballotId()).tally(tally(rejected.tally()));
    }

    // --- controversial changes

    static ChangeProposal change(ChangeView view) {
        return new ChangeProposal(view.proposalId(), ChangeKind.fromValue(view.kind().name()), view.title(),
                view.summary(), view.affectedModules(), view.discussionIssue(), view.proposedBy(),
                time(view.proposedAt()), ChangeStatus.fromValue(view.status().name()),
                view.approvals().stream().map(DisputeMapping::approval).toList())
                .rulesVersion(view.rulesVersion())
                .result(view.result() == null ? null : new ChangeResult(
                        ChangeVerdict.fromValue(view.result().verdict().name())).reasoning(view.result().reasoning())
                        .decidedBy(view.result().decidedBy()).decidedAt(time(view.result().decidedAt()))
                        .rulesVersion(view.result().rulesVersion()))
                .withdrawal(view.withdrawal() == null ? null : new Withdrawal(view.withdrawal().withdrawnBy(),
                        view.withdrawal().reason(), time(view.withdrawal().withdrawnAt())));
    }

    static ChangeProposal proposed(ChangeProposed proposed, Instant at) {
        return new ChangeProposal(proposed.proposalId(), ChangeKind.fromValue(proposed.kind().name()),
                proposed.title(), proposed.summary(), proposed.affectedModules(), proposed.discussionIssue(),
                proposed.proposedBy(), time(at), ChangeStatus.VOTING,
                proposed.approvals().stream().map(a -> new Approval(Approval.BodyEnum.fromValue(a.body().name()),
                        rule(a.rule()), Approval.OutcomeEnum.fromValue(a.outcome().name()),
                        ballot(dev.charter.dispute.ballot.BallotState.requested(a.requestId())))
                        .moduleId(a.moduleId())).toList())
                .rulesVersion(proposed.rulesVersion());
    }

    static Approval approval(ApprovalView view) {
        return new Approval(Approval.BodyEnum.fromValue(view.body().name()), rule(view.rule()),
                Approval.OutcomeEnum.fromValue(view.outcome().name()), ballot(view.ballot())).moduleId(view.moduleId());
    }

    static ChangeResult result(DisputeEvent decided, Instant at) {
        if (decided instanceof ChangeApproved approved) {
            return new ChangeResult(ChangeVerdict.APPROVED).reasoning(approved.reasoning())
                    .decidedBy(approved.decidedBy()).decidedAt(time(at)).rulesVersion(approved.rulesVersion());
        }
        ChangeRejected rejected = (ChangeRejected) decided;
        return new ChangeResult(ChangeVerdict.REJECTED).reasoning(rejected.reasoning())
                .decidedBy(rejected.decidedBy()).decidedAt(time(at)).rulesVersion(rejected.rulesVersion());
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
