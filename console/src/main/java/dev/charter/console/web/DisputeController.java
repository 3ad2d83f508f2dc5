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
        model.addAttribute("disputes", page.getItems());
        model.addAttribute("next", page.getNext());
        model.addAttribute("open", open);
        model.addAttribute("moduleId", module);
        model.addAttribute("status", filter == null ? "" : filter.getValue());
        model.addAttribute("statuses", DisputeStatus.values());
        model.addAttribute("reflects", now);
        return "disputes";
    }

    @GetMapping("/disputes/{disputeId}")
    public String dispute(@PathVariable String disputeId, Model model) {
        var now = clock.instant();
        Dispute dispute = Calls.call(ServiceApis.DISPUTES, () -> apis.disputes().getDispute(disputeId));
        model.addAttribute("dispute", dispute);
        model.addAttribute("json", json("/api/v1/disputes/", disputeId));
        model.addAttribute("names", names.names());
        model.addAttribute("reflects", now);
        return "dispute";
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
        model.addAttribute("vetoes", page.getItems());
        model.addAttribute("next", page.getNext());
        model.addAttribute("moduleId", module);
        model.addAttribute("status", filter == null ? "" : filter.getValue());
        model.addAttribute("statuses", VetoStatus.values());
        model.addAttribute("reflects", now);
        return "vetoes";
    }

    @GetMapping("/vetoes/{vetoId}")
    public String veto(@PathVariable String vetoId, Model model) {
        var now = clock.instant();
        Veto veto = Calls.call(ServiceApis.DISPUTES, () -> apis.vetoes().getVeto(vetoId));
        model.addAttribute("veto", veto);
        model.addAttribute("json", json("/api/v1/vetoes/", vetoId));
        model.addAttribute("names", names.names());
        model.addAttribute("reflects", now);
        return "veto";
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
        model.addAttribute("proposals", page.getItems());
        model.addAttribute("next", page.getNext());
        model.addAttribute("moduleId", module);
        model.addAttribute("status", filter == null ? "" : filter.getValue());
        model.addAttribute("statuses", ChangeStatus.values());
        model.addAttribute("reflects", now);
        return "proposals";
    }

    @GetMapping("/proposals/{proposalId}")
    public String proposal(@PathVariable String proposalId, Model model) {
        var now = clock.instant();
        ChangeProposal proposal = Calls.call(ServiceApis.DISPUTES,
                () -> apis.changeProposals().getChangeProposal(proposalId));
        model.addAttribute("proposal", proposal);
        model.addAttribute("json", json("/api/v1/change-proposals/", proposalId));
        model.addAttribute("names", names.names());
        model.addAttribute("reflects", now);
        return "proposal";
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
