package dev.charter.console.web;

import dev.charter.client.nominations.model.ModuleProposal;
import dev.charter.client.nominations.model.ModuleProposalPage;
import dev.charter.client.nominations.model.ModuleProposalStatus;
import dev.charter.console.ConsoleProperties;
import dev.charter.console.api.Calls;
import dev.charter.console.api.ServiceApis;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * R15: proposals to add, re-scope or retire a module, as nomination-service keeps them — the ground work the
 * governance text asks for, the proposed settings and initial maintainers, the core maintainers' ballot and the
 * reasoning a core maintainer published.
 */
@Controller
public class ModuleProposalController {

    private static final int PAGE = 50;

    private final ServiceApis apis;
    private final PersonNames names;
    private final Clock clock;
    private final String nominationsBase;

    public ModuleProposalController(ServiceApis apis, PersonNames names, Clock clock, ConsoleProperties properties) {
        this.apis = apis;
        this.names = names;
        this.clock = clock;
        this.nominationsBase = properties.nominations().toString().replaceAll("/+$", "");
    }

    @GetMapping("/module-proposals")
    public String moduleProposals(@RequestParam(required = false) String status,
                                  @RequestParam(required = false) String moduleId,
                                  @RequestParam(required = false) String after, Model model) {
        var now = clock.instant();
        ModuleProposalStatus filter = status == null || status.isBlank() ? null : ModuleProposalStatus.fromValue(status);
        String module = moduleId == null || moduleId.isBlank() ? null : moduleId;
        ModuleProposalPage page = Calls.call(ServiceApis.NOMINATIONS,
                () -> apis.moduleProposals().listModuleProposals(null, filter, null, module, after, PAGE));
        model.addAttribute("moduleProposals", page.getItems());
        model.addAttribute("next", page.getNext());
        model.addAttribute("moduleId", module);
        model.addAttribute("status", filter == null ? "" : filter.getValue());
        model.addAttribute("statuses", ModuleProposalStatus.values());
        model.addAttribute("reflects", now);
        return "module-proposals";
    }

    @GetMapping("/module-proposals/{proposalId}")
    public String moduleProposal(@PathVariable String proposalId, Model model) {
        var now = clock.instant();
        ModuleProposal proposal = Calls.call(ServiceApis.NOMINATIONS,
                () -> apis.moduleProposals().getModuleProposal(proposalId));
        model.addAttribute("moduleProposal", proposal);
        model.addAttribute("json", nominationsBase + "/api/v1/module-proposals/"
                + UriUtils.encodePathSegment(proposalId, StandardCharsets.UTF_8));
        model.addAttribute("names", names.names());
        model.addAttribute("reflects", now);
        return "module-proposal";
    }
}
