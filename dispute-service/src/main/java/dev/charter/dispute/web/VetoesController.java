package dev.charter.dispute.web;

import dev.charter.api.disputes.VetoesApi;
import dev.charter.api.disputes.model.Veto;
import dev.charter.api.disputes.model.VetoDecision;
import dev.charter.api.disputes.model.VetoDecisionRequest;
import dev.charter.api.disputes.model.VetoPage;
import dev.charter.api.disputes.model.VetoRequest;
import dev.charter.api.disputes.model.VetoStatus;
import dev.charter.contracts.disputes.DisputeEvent;
import dev.charter.contracts.disputes.DisputeEvent.VetoProposed;
import dev.charter.contracts.disputes.ModuleDecision;
import dev.charter.contracts.disputes.VetoOutcome;
import dev.charter.dispute.decision.ModuleDecisions;
import dev.charter.platform.roster.RosterReader;
import dev.charter.dispute.veto.Veto.Status;
import dev.charter.dispute.veto.VetoCommands.ProposeVeto;
import dev.charter.dispute.veto.VetoCommands.PublishVetoDecision;
import dev.charter.dispute.veto.VetoQueries;
import dev.charter.dispute.veto.VetoViews.VetoFilter;
import dev.charter.dispute.veto.VetoViews.VetoView;
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

/** Vetoes of module-level decisions (R7): proposal, the decision's reasoning, and reads. */
@RestController
public class VetoesController implements VetoesApi {

    private static final Logger log = LoggerFactory.getLogger(VetoesController.class);

    private final CommandGateway commands;
    private final VetoQueries vetoes;
    private final ModuleDecisions decisions;
    private final RosterReader roster;
    private final String rulesVersion;
    private final Clock clock;

    public VetoesController(CommandGateway commands, VetoQueries vetoes, ModuleDecisions decisions, RosterReader roster,
                            CharterProperties properties, Clock clock) {
        this.commands = commands;
        this.vetoes = vetoes;
        this.decisions = decisions;
        this.roster = roster;
        this.rulesVersion = properties.getRulesVersion();
        this.clock = clock;
    }

    @Override
    public ResponseEntity<VetoPage> listVetoes(String moduleId, VetoStatus status, String decisionId, String after,
                                               Integer limit) {
        int size = Cursors.limit(limit);
        List<VetoView> rows = vetoes.list(new VetoFilter(ModuleIds.canonical(moduleId),
                status == null ? null : Status.valueOf(status.getValue()), Params.text(decisionId)),
                Cursors.decodePosition(after), size + 1);
        VetoPage page = new VetoPage(rows.stream().limit(size).map(DisputeMapping::veto).toList());
        page.next(Cursors.next(rows, size, VetoView::seq));
        return ResponseEntity.ok(page);
    }

    @Override
    public ResponseEntity<Veto> proposeVeto(VetoRequest request, String idempotencyKey) {
        String actor = Actors.require();
        Instant now = clock.instant();
        ModuleDecision decision = decisions.resolve(Params.named(request.getDecision()), now, "R7");
        VetoProposed proposed = commands.sendAndWait(new ProposeVeto(
                dev.charter.dispute.veto.Veto.idFor(decision.decisionId()), decision, roster.standing(actor),
                request.getReasoning(), now));
        log.info("{} proposes to veto {} of module {}: veto {}", actor, decision.decisionId(), decision.moduleId(),
                proposed.vetoId());
        return ResponseEntity.status(HttpStatus.CREATED).body(DisputeMapping.proposed(proposed, now));
    }

    @Override
    public ResponseEntity<Veto> getVeto(String vetoId) {
        return ResponseEntity.ok(DisputeMapping.veto(vetoes.find(vetoId).orElseThrow(() ->
                new GovernanceException.NotFound("no-such-veto", "No veto '" + vetoId + "'."))));
    }

    @Override
    public ResponseEntity<VetoDecision> publishVetoDecision(String vetoId, VetoDecisionRequest request,
                                                            String idempotencyKey) {
        String actor = Actors.require();
        DisputeEvent decided = commands.sendAndWait(new PublishVetoDecision(vetoId, actor,
                VetoOutcome.valueOf(request.getOutcome().getValue()), request.getReasoning(), rulesVersion));
        log.info("{} published the decision on veto {}: {}", actor, vetoId, decided.getClass().getSimpleName());
        return ResponseEntity.ok(DisputeMapping.vetoDecision(decided, clock.instant()));
    }
}
