package dev.charter.nomination.web;

import dev.charter.api.nominations.model.BallotStatus;
import dev.charter.api.nominations.model.DecisionMethod;
import dev.charter.api.nominations.model.DecisionRule;
import dev.charter.api.nominations.model.GroundWork;
import dev.charter.api.nominations.model.ModuleKind;
import dev.charter.api.nominations.model.ModuleProposal;
import dev.charter.api.nominations.model.ModuleProposalStatus;
import dev.charter.api.nominations.model.ModuleSettings;
import dev.charter.api.nominations.model.NominationProcess;
import dev.charter.api.nominations.model.ProposalAction;
import dev.charter.api.nominations.model.ProposalDecision;
import dev.charter.api.nominations.model.ProposalOutcome;
import dev.charter.api.nominations.model.ThresholdBase;
import dev.charter.api.nominations.model.Withdrawal;
import dev.charter.contracts.nominations.NominationEvent.ModuleProposalSubmitted;
import dev.charter.contracts.voting.BallotIds;
import dev.charter.nomination.proposal.ModuleProposal.Status;
import dev.charter.nomination.proposal.ModuleProposalViews.ModuleProposalView;
import dev.charter.nomination.proposal.ModuleProposalViews.ProposalDecisionView;

import java.time.Instant;

import static dev.charter.nomination.web.NominationMapping.time;

/** Maps module proposals (R15) between the generated REST models and the contracts; no rules here. */
final class ProposalMapping {

    private ProposalMapping() {
    }

    static ModuleProposal proposal(ModuleProposalView view, BallotStatus ballot) {
        return new ModuleProposal(view.proposalId(), ProposalAction.fromValue(view.action().name()), view.moduleId(),
                groundWork(view.groundWork()), view.initialMaintainers(), view.proposedBy(),
                ModuleProposalStatus.fromValue(view.status().name()), time(view.submittedAt()))
                .name(view.name())
                .kind(view.kind() == null ? null : ModuleKind.fromValue(view.kind().name()))
                .location(view.location())
                .description(view.description())
                .settings(settings(view.settings()))
                .ballot(ballot)
                .decision(decision(view.decision()))
                .withdrawal(view.withdrawal() == null ? null : new Withdrawal(view.withdrawal().withdrawnBy(),
                        view.withdrawal().reason(), time(view.withdrawal().withdrawnAt())));
    }

    /** The answer to a submission, from what the aggregate applied (before the projection has caught up). */
    static ModuleProposal submitted(ModuleProposalSubmitted submitted, Instant at) {
        String requestId = dev.charter.nomination.proposal.ModuleProposal.requestId(submitted.proposalId());
        return proposal(new ModuleProposalView(0, submitted.proposalId(), submitted.action(), submitted.moduleId(),
                submitted.name(), submitted.kind(), submitted.location(), submitted.description(),
                submitted.groundWork(), submitted.settings(), submitted.initialMaintainers(), submitted.proposedBy(),
                Status.IN_REVIEW, at, requestId, BallotIds.forRequest(requestId), null, null),
                NominationMapping.ballot(BallotIds.forRequest(requestId), requestId, null));
    }

    static ProposalDecision decision(ProposalDecisionView decision) {
        if (decision == null) {
            return null;
        }
        return new ProposalDecision(ProposalOutcome.fromValue(decision.outcome().name()), decision.reasoning(),
                decision.decidedBy(), time(decision.decidedAt()), decision.ballotId(),
                NominationMapping.tally(decision.tally()), decision.rulesVersion());
    }

    static GroundWork groundWork(dev.charter.contracts.nominations.GroundWork work) {
        return new GroundWork(work.problem(), work.peopleConsulted(), work.stateOfTheWorld(),
                work.maintainershipPlan(), work.developmentPlan(), work.communityPlan());
    }

    static dev.charter.contracts.nominations.GroundWork groundWork(GroundWork work) {
        return work == null ? null : new dev.charter.contracts.nominations.GroundWork(work.getProblem(),
                work.getPeopleConsulted(), work.getStateOfTheWorld(), work.getMaintainershipPlan(),
                work.getDevelopmentPlan(), work.getCommunityPlan());
    }

    static ModuleSettings settings(dev.charter.contracts.disputes.ModuleSettings settings) {
        if (settings == null) {
            return null;
        }
        dev.charter.contracts.voting.DecisionRule rule = settings.decisionRule();
        return new ModuleSettings(new DecisionRule(DecisionMethod.fromValue(rule.method().name()))
                .threshold(rule.threshold())
                .base(rule.base() == null ? null : ThresholdBase.fromValue(rule.base().name()))
                .quorum(rule.quorum()),
                NominationProcess.fromValue(settings.nominationProcess().name()), settings.inactivityPeriodDays());
    }

    static dev.charter.contracts.disputes.ModuleSettings settings(ModuleSettings settings) {
        if (settings == null) {
            return null;
        }
        DecisionRule rule = settings.getDecisionRule();
        return new dev.charter.contracts.disputes.ModuleSettings(rule == null ? null
                : new dev.charter.contracts.voting.DecisionRule(
                dev.charter.contracts.voting.DecisionMethod.valueOf(rule.getMethod().getValue()), rule.getThreshold(),
                rule.getBase() == null ? null
                        : dev.charter.contracts.voting.ThresholdBase.valueOf(rule.getBase().getValue()),
                rule.getQuorum()),
                settings.getNominationProcess() == null ? null
                        : dev.charter.contracts.registry.NominationProcess.valueOf(
                        settings.getNominationProcess().getValue()),
                settings.getInactivityPeriodDays());
    }

    static dev.charter.contracts.registry.ModuleKind kind(ModuleKind kind) {
        return kind == null ? null : dev.charter.contracts.registry.ModuleKind.valueOf(kind.getValue());
    }
}
