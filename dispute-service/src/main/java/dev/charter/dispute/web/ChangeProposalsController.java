package dev.charter.dispute.web;

import dev.charter.api.disputes.ChangeProposalsApi;
import dev.charter.api.disputes.model.ChangeProposal;
import dev.charter.api.disputes.model.ChangeProposalPage;
import dev.charter.api.disputes.model.ChangeProposalRequest;
import dev.charter.api.disputes.model.ChangeResult;
import dev.charter.api.disputes.model.ChangeResultRequest;
import dev.charter.api.disputes.model.ChangeStatus;
import dev.charter.api.disputes.model.WithdrawalRequest;
import dev.charter.contracts.disputes.ChangeKind;
import dev.charter.contracts.disputes.ChangeVerdict;
import dev.charter.contracts.disputes.DisputeEvent;
import dev.charter.contracts.disputes.DisputeEvent.ChangeProposed;
import dev.charter.dispute.change.ChangeCommands.ProposeChange;
import dev.charter.dispute.change.ChangeCommands.PublishChangeResult;
import dev.charter.dispute.change.ChangeCommands.WithdrawChange;
import dev.charter.dispute.change.ChangeProposal.Status;
import dev.charter.dispute.change.ChangeQueries;
import dev.charter.dispute.change.ChangeViews.ChangeFilter;
import dev.charter.dispute.change.ChangeViews.ChangeView;
import dev.charter.platform.roster.ModuleFacts;
import dev.charter.platform.roster.RosterReader;
import dev.charter.platform.config.CharterProperties;
import dev.charter.platform.roster.ModuleIds;
import dev.charter.platform.security.Actors;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Controversial-change proposals (R17): proposal, the result's reasoning, withdrawal, and reads. */
@RestController
public class ChangeProposalsController implements ChangeProposalsApi {

    private static final Logger log = LoggerFactory.getLogger(ChangeProposalsController.class);

    private final CommandGateway commands;
    private final ChangeQueries proposals;
    private final RosterReader roster;
    private final String rulesVersion;
    private final Clock clock;

    public ChangeProposalsController(CommandGateway commands, ChangeQueries proposals, RosterReader roster,
                                     CharterProperties properties, Clock clock) {
        this.commands = commands;
        this.proposals = proposals;
        this.roster = roster;
        this.rulesVersion = properties.getRulesVersion();
        this.clock = clock;
    }

    @Override
    public ResponseEntity<ChangeProposalPage> listChangeProposals(String moduleId, ChangeStatus status, String after,
                                                                  Integer limit) {
        int size = Cursors.limit(limit);
        List<ChangeView> rows = proposals.list(new ChangeFilter(ModuleIds.canonical(moduleId),
                status == null ? null : Status.valueOf(status.getValue())), Cursors.decodePosition(after), size + 1);
        ChangeProposalPage page = new ChangeProposalPage(rows.stream().limit(size).map(DisputeMapping::change)
                .toList());
        page.next(Cursors.next(rows, size, ChangeView::seq));
        return ResponseEntity.ok(page);
    }

    @Override
    public ResponseEntity<ChangeProposal> proposeChange(ChangeProposalRequest request, String idempotencyKey) {
        String actor = Actors.require();
        Instant now = clock.instant();
        List<String> requested = request.getAffectedModules() == null ? List.of() : request.getAffectedModules();
        Map<String, ModuleFacts> modules = new LinkedHashMap<>();
        requested.stream().map(ModuleIds::canonical).filter(Objects::nonNull).distinct()
                .forEach(id -> roster.module(id).ifPresent(module -> modules.put(id, module)));
        ChangeProposed proposed = commands.sendAndWait(new ProposeChange(UUID.randomUUID().toString(),
                request.getKind() == null ? null : ChangeKind.valueOf(request.getKind().getValue()),
                request.getTitle(), request.getSummary(), requested, modules, request.getDiscussionIssue(),
                roster.standing(actor), now, rulesVersion));
        log.info("{} proposed the controversial change {} ({}), affecting {}", actor, proposed.proposalId(),
                proposed.kind(), proposed.affectedModules());
        return ResponseEntity.status(HttpStatus.CREATED).body(DisputeMapping.proposed(proposed, now));
    }

    @Override
    public ResponseEntity<ChangeProposal> getChangeProposal(String proposalId) {
        return ResponseEntity.ok(DisputeMapping.change(proposals.find(proposalId).orElseThrow(() ->
                new GovernanceException.NotFound("no-such-proposal", "No proposal '" + proposalId + "'."))));
    }

    @Override
    public ResponseEntity<ChangeResult> publishChangeResult(String proposalId, ChangeResultRequest request,
                                                            String idempotencyKey) {
        String actor = Actors.require();
        DisputeEvent decided = commands.sendAndWait(new PublishChangeResult(proposalId, roster.standing(actor),
                ChangeVerdict.valueOf(request.getVerdict().getValue()), request.getReasoning(), rulesVersion));
        log.info("{} published the result of proposal {}: {}", actor, proposalId,
                decided.getClass().getSimpleName());
        return ResponseEntity.ok(DisputeMapping.result(decided, clock.instant()));
    }

    @Override
    public ResponseEntity<Void> withdrawChangeProposal(String proposalId, WithdrawalRequest request,
                                                       String idempotencyKey) {
        String actor = Actors.require();
        commands.sendAndWait(new WithdrawChange(proposalId, actor, request.getReason()));
        log.info("{} withdrew proposal {}", actor, proposalId);
        return ResponseEntity.noContent().build();
    }
}
