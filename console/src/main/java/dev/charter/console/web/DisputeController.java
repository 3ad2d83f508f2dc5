package dev.charter.console.web;

import dev.charter.client.disputes.model.ChangeProposal;
import dev.charter.client.disputes.model.ChangeProposalPage;
import dev.charter.client.disputes.model.ChangeStatus;
import dev.charter.client.disputes.model.Dispute;
import dev.charter.client.disputes.model.DisputePage;
import dev.charter.client.disputes.model.DisputeStatus;
import dev.charter.client.disputes.model.Veto;
import dev.charter.client.disputes.model.VetoPage;
import dev.charter.client.disputes.model.VetoStatus;
import dev.charter.console.ConsoleProperties;
import dev.charter.console.api.Calls;
import dev.charter.console.api.ServiceApis;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Disputes between groups (R5, R6) with their answers, escalations and rulings (R8), vetoes of module-level
 * decisions (R7), and controversial-change proposals with one ballot per body (R17): their dossiers, status,
 * ballots and published reasoning, as dispute-service has them. The console only reads them here.
 */
@Controller
public class DisputeController {

    private static final int PAGE = 50;

    private final ServiceApis apis;
    private final PersonNames names;
    private final Clock clock;
    private final String disputesBase;

    public DisputeController(ServiceApis apis, PersonNames names, Clock clock, ConsoleProperties properties) {
        this.apis = apis;
        this.names = names;
        this.clock = clock;
        this.disputesBase = properties.disputes().toString().replaceAll("/+$", "");
    }

    @GetMapping("/disputes")
    public String disputes(@RequestParam(required = false) Boolean open,
                           @RequestParam(required = false) String status,
                           @RequestParam(required = false) String moduleId,
                           @RequestParam(required = false) String after, Model model) {
        var now = clock.instant();
        DisputeStatus filter = parse(status, DisputeStatus::fromValue);
        String module = blankToNull(moduleId);
        DisputePage page = Calls.call(ServiceApis.DISPUTES,
                () -> apis.disputes().listDisputes(module, filter, null, open, after, PAGE));
        model.addAttribute("open", open);
        return listed(model, "disputes", page.getItems(), page.getNext(), module,
                filter == null ? "" : filter.getValue(), DisputeStatus.values(), now);
    }

    @GetMapping("/disputes/{disputeId}")
    public String dispute(@PathVariable String disputeId, Model model) {
        var now = clock.instant();
        Dispute dispute = Calls.call(ServiceApis.DISPUTES, () -> apis.disputes().getDispute(disputeId));
        return shown(model, "dispute", dispute, json("/api/v1/disputes/", disputeId), now);
    }

    @GetMapping("/vetoes")
    public String vetoes(@RequestParam(required = false) String status,
                         @RequestParam(required = false) String moduleId,
                         @RequestParam(required = false) String after, Model model) {
        var now = clock.instant();
        VetoStatus filter = parse(status, VetoStatus::fromValue);
        String module = blankToNull(moduleId);
        VetoPage page = Calls.call(ServiceApis.DISPUTES,
                () -> apis.vetoes().listVetoes(module, filter, null, after, PAGE));
        return listed(model, "vetoes", page.getItems(), page.getNext(), module,
                filter == null ? "" : filter.getValue(), VetoStatus.values(), now);
    }

    @GetMapping("/vetoes/{vetoId}")
    public String veto(@PathVariable String vetoId, Model model) {
        var now = clock.instant();
        Veto veto = Calls.call(ServiceApis.DISPUTES, () -> apis.vetoes().getVeto(vetoId));
        return shown(model, "veto", veto, json("/api/v1/vetoes/", vetoId), now);
    }

    @GetMapping("/proposals")
    public String proposals(@RequestParam(required = false) String status,
                            @RequestParam(required = false) String moduleId,
                            @RequestParam(required = false) String after, Model model) {
        var now = clock.instant();
        ChangeStatus filter = parse(status, ChangeStatus::fromValue);
        String module = blankToNull(moduleId);
        ChangeProposalPage page = Calls.call(ServiceApis.DISPUTES,
                () -> apis.changeProposals().listChangeProposals(module, filter, after, PAGE));
        return listed(model, "proposals", page.getItems(), page.getNext(), module,
                filter == null ? "" : filter.getValue(), ChangeStatus.values(), now);
    }

    @GetMapping("/proposals/{proposalId}")
    public String proposal(@PathVariable String proposalId, Model model) {
        var now = clock.instant();
        ChangeProposal proposal = Calls.call(ServiceApis.DISPUTES,
                () -> apis.changeProposals().getChangeProposal(proposalId));
        return shown(model, "proposal", proposal, json("/api/v1/change-proposals/", proposalId), now);
    }

    /** A page of a list, with the filters it was drawn with. */
    private static String listed(Model model, String view, List<?> items, String next, String moduleId, String status,
                                 Object[] statuses, Instant now) {
        model.addAttribute(view, items);
        model.addAttribute("next", next);
        model.addAttribute("moduleId", moduleId);
        model.addAttribute("status", status);
        model.addAttribute("statuses", statuses);
        model.addAttribute("reflects", now);
        return view;
    }

    /** One dispute, veto or proposal, with the persons' names and its address on dispute-service. */
    private String shown(Model model, String view, Object value, String json, Instant now) {
        model.addAttribute(view, value);
        model.addAttribute("json", json);
        model.addAttribute("names", names.names());
        model.addAttribute("reflects", now);
        return view;
    }

    /** A status filter from the query, none when blank; an unknown one is bad input (400, by the page advice). */
    private static <T> T parse(String value, Function<String, T> fromValue) {
        return value == null || value.isBlank() ? null : fromValue.apply(value);
    }

    /** The same thing as dispute-service answers it, for readers who want the JSON. */
    private String json(String path, String id) {
        return disputesBase + path + org.springframework.web.util.UriUtils.encodePathSegment(id,
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
