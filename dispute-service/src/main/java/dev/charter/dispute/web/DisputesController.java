package dev.charter.dispute.web;

import dev.charter.api.disputes.DisputesApi;
import dev.charter.api.disputes.model.Acceptance;
import dev.charter.api.disputes.model.Answer;
import dev.charter.api.disputes.model.AnswerRequest;
import dev.charter.api.disputes.model.Dispute;
import dev.charter.api.disputes.model.DisputePage;
import dev.charter.api.disputes.model.DisputeRequest;
import dev.charter.api.disputes.model.DisputeStatus;
import dev.charter.api.disputes.model.Escalation;
import dev.charter.api.disputes.model.EscalationRequest;
import dev.charter.api.disputes.model.Ruling;
import dev.charter.api.disputes.model.RulingRequest;
import dev.charter.api.disputes.model.WithdrawalRequest;
import dev.charter.contracts.disputes.DisputeEvent.DisputeAnswered;
import dev.charter.contracts.disputes.DisputeEvent.DisputeEscalated;
import dev.charter.contracts.disputes.DisputeEvent.DisputeOpened;
import dev.charter.contracts.disputes.DisputeEvent.DisputeResolved;
import dev.charter.contracts.disputes.DisputeEvent.DisputeRuled;
import dev.charter.contracts.disputes.ModuleDecision;
import dev.charter.contracts.disputes.RulingOutcome;
import dev.charter.dispute.decision.ModuleDecisions;
import dev.charter.dispute.dispute.Dispute.Status;
import dev.charter.dispute.dispute.DisputeCommands.AcceptResolution;
import dev.charter.dispute.dispute.DisputeCommands.AnswerDispute;
import dev.charter.dispute.dispute.DisputeCommands.EscalateDispute;
import dev.charter.dispute.dispute.DisputeCommands.OpenDispute;
import dev.charter.dispute.dispute.DisputeCommands.PublishRuling;
import dev.charter.dispute.dispute.DisputeCommands.WithdrawDispute;
import dev.charter.dispute.dispute.DisputeQueries;
import dev.charter.dispute.dispute.DisputeViews.DisputeFilter;
import dev.charter.dispute.dispute.DisputeViews.DisputeView;
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
import java.util.List;
import java.util.UUID;

/** Disputes (R5, R6, R8): opening, the answer, acceptance, escalation, withdrawal, the ruling, and reads. */
@RestController
public class DisputesController implements DisputesApi {

    private static final Logger log = LoggerFactory.getLogger(DisputesController.class);

    private final CommandGateway commands;
    private final DisputeQueries disputes;
    private final ModuleDecisions decisions;
    private final RosterReader roster;
    private final String rulesVersion;
    private final Clock clock;

    public DisputesController(CommandGateway commands, DisputeQueries disputes, ModuleDecisions decisions,
                              RosterReader roster, CharterProperties properties, Clock clock) {
        this.commands = commands;
        this.disputes = disputes;
        this.decisions = decisions;
        this.roster = roster;
        this.rulesVersion = properties.getRulesVersion();
        this.clock = clock;
    }

    @Override
    public ResponseEntity<DisputePage> listDisputes(String moduleId, DisputeStatus status, String decisionId,
                                                    Boolean open, String after, Integer limit) {
        int size = Cursors.limit(limit);
        List<DisputeView> rows = disputes.list(new DisputeFilter(ModuleIds.canonical(moduleId),
                status == null ? null : Status.valueOf(status.getValue()), Params.text(decisionId), open),
                Cursors.decodePosition(after), size + 1);
        DisputePage page = new DisputePage(rows.stream().limit(size).map(DisputeMapping::dispute).toList());
        page.next(Cursors.next(rows, size, DisputeView::seq));
        return ResponseEntity.ok(page);
    }

    @Override
    public ResponseEntity<Dispute> openDispute(DisputeRequest request, String idempotencyKey) {
        String actor = Actors.require();
        Instant now = clock.instant();
        ModuleDecision decision = decisions.resolve(Params.named(request.getDecision()), now, "R5");
        DisputeOpened opened = commands.sendAndWait(new OpenDispute(UUID.randomUUID().toString(), decision,
                roster.standing(actor), ModuleIds.canonical(request.getOnBehalfOf()), request.getStatement(),
                request.getLinks(), now, rulesVersion));
        log.info("{} disputes {} of module {}: dispute {}", actor, decision.decisionId(), decision.moduleId(),
                opened.disputeId());
        return ResponseEntity.status(HttpStatus.CREATED).body(DisputeMapping.opened(opened, now));
    }

    @Override
    public ResponseEntity<Dispute> getDispute(String disputeId) {
        return ResponseEntity.ok(DisputeMapping.dispute(disputes.find(disputeId).orElseThrow(() ->
                notFound(disputeId))));
    }

    @Override
    public ResponseEntity<Answer> answerDispute(String disputeId, AnswerRequest request, String idempotencyKey) {
        String actor = Actors.require();
        DisputeAnswered answered = commands.sendAndWait(new AnswerDispute(disputeId, roster.standing(actor),
                request.getExplanation(), request.getArguments(), request.getResolution()));
        return ResponseEntity.ok(DisputeMapping.answer(answered, clock.instant()));
    }

    @Override
    public ResponseEntity<Acceptance> acceptResolution(String disputeId, String idempotencyKey) {
        String actor = Actors.require();
        DisputeResolved resolved = commands.sendAndWait(new AcceptResolution(disputeId, roster.standing(actor)));
        return ResponseEntity.ok(DisputeMapping.acceptance(resolved, clock.instant()));
    }

    @Override
    public ResponseEntity<Escalation> escalateDispute(String disputeId, String idempotencyKey,
                                                      EscalationRequest request) {
        String actor = Actors.require();
        Instant now = clock.instant();
        DisputeEscalated escalated = commands.sendAndWait(new EscalateDispute(disputeId, roster.standing(actor),
                request == null ? null : request.getReason(), now));
        log.info("{} escalated dispute {} to the core maintainers", actor, disputeId);
        return ResponseEntity.ok(DisputeMapping.escalation(escalated, now));
    }

    @Override
    public ResponseEntity<Void> withdrawDispute(String disputeId, WithdrawalRequest request, String idempotencyKey) {
        String actor = Actors.require();
        commands.sendAndWait(new WithdrawDispute(disputeId, actor, request.getReason()));
        log.info("{} withdrew dispute {}", actor, disputeId);
        return ResponseEntity.noContent().build();
    }

    @Override
    public ResponseEntity<Ruling> publishRuling(String disputeId, RulingRequest request, String idempotencyKey) {
        String actor = Actors.require();
        DisputeRuled ruled = commands.sendAndWait(new PublishRuling(disputeId, actor,
                RulingOutcome.valueOf(request.getOutcome().getValue()), request.getReasoning(), rulesVersion));
        log.info("{} published the ruling on dispute {}: {}", actor, disputeId, ruled.outcome());
        return ResponseEntity.ok(DisputeMapping.ruling(ruled, clock.instant()));
    }

    private static GovernanceException notFound(String disputeId) {
        return new GovernanceException.NotFound("no-such-dispute", "No dispute '" + disputeId + "'.");
    }
}
