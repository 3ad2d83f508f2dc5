package dev.charter.dispute.web;

import dev.charter.api.disputes.DecisionsApi;
import dev.charter.api.disputes.model.DecisionDetail;
import dev.charter.api.disputes.model.DecisionKind;
import dev.charter.api.disputes.model.DecisionPage;
import dev.charter.contracts.disputes.ModuleDecision;
import dev.charter.dispute.decision.ModuleDecisions;
import dev.charter.dispute.dispute.DisputeQueries;
import dev.charter.dispute.dispute.DisputeViews.DisputeFilter;
import dev.charter.dispute.dispute.DisputeViews.DisputeView;
import dev.charter.dispute.veto.VetoQueries;
import dev.charter.dispute.veto.VetoViews.VetoFilter;
import dev.charter.dispute.veto.VetoViews.VetoView;
import dev.charter.platform.roster.ModuleIds;
import dev.charter.platform.web.Cursors;
import dev.charter.platform.web.GovernanceException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The module-level decisions this service knows, each with its disputes and vetoes (R6, R7). */
@RestController
public class DecisionsController implements DecisionsApi {

    private static final int PER_DECISION = 200;

    private final ModuleDecisions decisions;
    private final DisputeQueries disputes;
    private final VetoQueries vetoes;

    public DecisionsController(ModuleDecisions decisions, DisputeQueries disputes, VetoQueries vetoes) {
        this.decisions = decisions;
        this.disputes = disputes;
        this.vetoes = vetoes;
    }

    @Override
    public ResponseEntity<DecisionPage> listDecisions(String moduleId, DecisionKind kind, String after,
                                                      Integer limit) {
        int size = Cursors.limit(limit);
        List<ModuleDecisions.Listed> rows = decisions.list(ModuleIds.canonical(moduleId),
                kind == null ? null : dev.charter.contracts.disputes.DecisionKind.valueOf(kind.getValue()),
                Cursors.decodePosition(after), size + 1);
        DecisionPage page = new DecisionPage(rows.stream().limit(size).map(row -> DisputeMapping.decision(
                row.decision())).toList());
        page.next(Cursors.next(rows, size, ModuleDecisions.Listed::seq));
        return ResponseEntity.ok(page);
    }

    /** A decision known from the streams, or one a dispute or veto named (an external one). */
    @Override
    public ResponseEntity<DecisionDetail> getDecision(String decisionId) {
        List<DisputeView> disputed = disputes.list(new DisputeFilter(null, null, decisionId, null), 0, PER_DECISION);
        List<VetoView> vetoed = vetoes.list(new VetoFilter(null, null, decisionId), 0, PER_DECISION);
        ModuleDecision decision = decisions.find(decisionId)
                .or(() -> disputed.stream().map(DisputeView::decision).findFirst())
                .or(() -> vetoed.stream().map(VetoView::decision).findFirst())
                .orElseThrow(() -> new GovernanceException.NotFound("no-such-decision",
                        "No module-level decision '" + decisionId + "' is known."));
        return ResponseEntity.ok(new DecisionDetail(DisputeMapping.decision(decision),
                disputed.stream().map(DisputeMapping::dispute).toList(),
                vetoed.stream().map(DisputeMapping::veto).toList()));
    }

}
