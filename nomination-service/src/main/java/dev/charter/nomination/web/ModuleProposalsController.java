package dev.charter.nomination.web;

import dev.charter.api.nominations.ModuleProposalsApi;
import dev.charter.api.nominations.model.BallotStatus;
import dev.charter.api.nominations.model.ModuleProposal;
import dev.charter.api.nominations.model.ModuleProposalPage;
import dev.charter.api.nominations.model.ModuleProposalRequest;
import dev.charter.api.nominations.model.ModuleProposalStatus;
import dev.charter.api.nominations.model.ProposalAction;
import dev.charter.api.nominations.model.ProposalDecision;
import dev.charter.api.nominations.model.ProposalDecisionRequest;
import dev.charter.api.nominations.model.WithdrawalRequest;
import dev.charter.contracts.nominations.NominationEvent.ModuleProposalSubmitted;
import dev.charter.nomination.copy.BallotCopy;
import dev.charter.nomination.proposal.ModuleProposalCommands.ProposalVerdict;
import dev.charter.nomination.proposal.ModuleProposalCommands.PublishProposalDecision;
import dev.charter.nomination.proposal.ModuleProposalCommands.SubmitModuleProposal;
import dev.charter.nomination.proposal.ModuleProposalCommands.WithdrawModuleProposal;
import dev.charter.nomination.proposal.ModuleProposalProjection;
import dev.charter.nomination.proposal.ModuleProposalQueries;
import dev.charter.nomination.proposal.ModuleProposalViews.ModuleProposalView;
import dev.charter.nomination.proposal.ModuleProposalViews.ProposalDecisionView;
import dev.charter.nomination.proposal.ModuleProposalViews.ProposalFilter;
import dev.charter.nomination.proposal.ProposalFacts;
import dev.charter.platform.config.CharterProperties;
import dev.charter.platform.projection.ReadModel;
import dev.charter.platform.roster.ModuleIds;
import dev.charter.platform.roster.RosterReader;
import dev.charter.platform.security.Actors;
import dev.charter.platform.security.PersonIds;
import dev.charter.platform.web.Cursors;
import dev.charter.platform.web.GovernanceException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** R15: module proposals — submission, withdrawal, the core maintainers' reasoning, and reads. */
@RestController
@ReadModel(ModuleProposalProjection.PROCESSING_GROUP)
public class ModuleProposalsController implements ModuleProposalsApi {

    private static final Logger log = LoggerFactory.getLogger(ModuleProposalsController.class);

    private final CommandGateway commands;
    private final ModuleProposalQueries proposals;
    private final BallotCopy ballots;
    private final RosterReader roster;
    private final String rulesVersion;
    private final Clock clock;

    public ModuleProposalsController(CommandGateway commands, ModuleProposalQueries proposals, BallotCopy ballots,
                                     RosterReader roster, CharterProperties properties, Clock clock) {
        this.commands = commands;
        this.proposals = proposals;
        this.ballots = ballots;
        this.roster = roster;
        this.rulesVersion = properties.getRulesVersion();
        this.clock = clock;
    }

    @Override
    public ResponseEntity<ModuleProposalPage> listModuleProposals(Boolean open, ModuleProposalStatus status,
                                                                  ProposalAction action, String moduleId,
                                                                  String after, Integer limit) {
        int size = Cursors.limit(limit);
        ProposalFilter filter = new ProposalFilter(open,
                status == null ? null : dev.charter.nomination.proposal.ModuleProposal.Status.valueOf(status.getValue()),
                action == null ? null : dev.charter.contracts.nominations.ProposalAction.valueOf(action.getValue()),
                ModuleIds.canonical(moduleId));
        List<ModuleProposalView> rows = proposals.list(filter, Cursors.decodePosition(after), size + 1);
        ModuleProposalPage page = new ModuleProposalPage(rows.stream().limit(size)
                .map(row -> ProposalMapping.proposal(row, null)).toList());
        page.next(Cursors.next(rows, size, ModuleProposalView::seq));
        return ResponseEntity.ok(page);
    }

    @Override
    public ResponseEntity<ModuleProposal> submitModuleProposal(ModuleProposalRequest request, String idempotencyKey) {
        String actor = Actors.require();
        String moduleId = ModuleIds.normalize(request.getModuleId());
        List<String> initial = request.getInitialMaintainers() == null ? List.of()
                : request.getInitialMaintainers().stream().map(PersonIds::normalize).toList();
        String proposalId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        ModuleProposalSubmitted submitted = commands.sendAndWait(new SubmitModuleProposal(proposalId,
                dev.charter.contracts.nominations.ProposalAction.valueOf(request.getAction().getValue()), moduleId,
                request.getName(), ProposalMapping.kind(request.getKind()), request.getLocation(),
                request.getDescription(), ProposalMapping.groundWork(request.getGroundWork()),
                ProposalMapping.settings(request.getSettings()), initial, actor, now,
                ProposalFacts.read(roster, moduleId, initial)));
        log.info("{} proposed to {} module {}: proposal {}", actor, submitted.action(), moduleId, proposalId);
        return ResponseEntity.status(HttpStatus.CREATED).body(ProposalMapping.submitted(submitted, now));
    }

    @Override
    public ResponseEntity<ModuleProposal> getModuleProposal(String proposalId) {
        ModuleProposalView view = proposals.find(proposalId).orElseThrow(() -> notFound(proposalId));
        BallotStatus ballot = view.ballotId() == null ? null : NominationMapping.ballot(view.ballotId(),
                view.ballotRequestId(), ballots.find(view.ballotId()).orElse(null));
        return ResponseEntity.ok(ProposalMapping.proposal(view, ballot));
    }

    @Override
    public ResponseEntity<Void> withdrawModuleProposal(String proposalId, WithdrawalRequest request,
                                                       String idempotencyKey) {
        String actor = Actors.require();
        commands.sendAndWait(new WithdrawModuleProposal(proposalId, actor, request.getReason()));
        log.info("{} withdrew module proposal {}", actor, proposalId);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<ProposalDecision> publishModuleProposalDecision(String proposalId,
                                                                          ProposalDecisionRequest request,
                                                                          String idempotencyKey) {
        String actor = Actors.require();
        ProposalDecisionView decision = commands.sendAndWait(new PublishProposalDecision(proposalId, actor,
                ProposalVerdict.valueOf(request.getOutcome().getValue()), request.getReasoning(), rulesVersion,
                clock.instant()));
        log.info("{} published the decision on module proposal {}: {}", actor, proposalId, decision.outcome());
        return ResponseEntity.ok(ProposalMapping.decision(decision));
    }

    private static GovernanceException notFound(String proposalId) {
        return new GovernanceException.NotFound("no-such-proposal", "No module proposal '" + proposalId + "'.");
    }
}
