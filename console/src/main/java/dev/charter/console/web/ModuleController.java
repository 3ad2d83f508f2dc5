package dev.charter.console.web;

import dev.charter.client.disputes.model.ChangeProposalPage;
import dev.charter.client.disputes.model.DisputePage;
import dev.charter.client.disputes.model.VetoPage;
import dev.charter.client.nominations.model.NominationPage;
import dev.charter.client.registry.model.Module;
import dev.charter.client.registry.model.Publication;
import dev.charter.client.voting.model.BallotPage;
import dev.charter.console.api.Calls;
import dev.charter.console.api.Fetch;
import dev.charter.console.api.ServiceApis;
import dev.charter.console.view.Times;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A module: its maintainers and emeritus with their tenure and the decision behind each, its group's decision
 * rule, nomination process and inactivity period, its publications; its ballots and nominations; the disputes and
 * vetoes concerning it (R5, R7: its group's decisions disputed or vetoed, and the disputes its group opened) and the
 * controversial changes affecting it (R17). As of a past moment it shows the group then, and the publications made
 * by then.
 */
@Controller
public class ModuleController {

    private final ServiceApis apis;
    private final Fetch fetch;
    private final Clock clock;

    public ModuleController(ServiceApis apis, Fetch fetch, Clock clock) {
        this.apis = apis;
        this.fetch = fetch;
        this.clock = clock;
    }

    @GetMapping("/modules/{moduleId}")
    public String module(@PathVariable String moduleId, @RequestParam(required = false) String asOf, Model model) {
        Instant at = Times.parseAsOf(asOf);
        Instant now = clock.instant();
        CompletableFuture<Module> module = fetch.async(() ->
                Calls.call(ServiceApis.REGISTRY, () -> apis.modules().getModule(moduleId, Times.offset(at))));
        CompletableFuture<List<Publication>> publications = fetch.async(() ->
                Calls.call(ServiceApis.REGISTRY, () -> apis.modules().listPublications(moduleId)));
        if (at == null) {
            CompletableFuture<BallotPage> ballots = fetch.async(() -> Calls.call(ServiceApis.VOTING,
                    () -> apis.ballots().listBallots(null, null, null, null, moduleId, null, 50)));
            CompletableFuture<NominationPage> nominations = fetch.async(() -> Calls.call(ServiceApis.NOMINATIONS,
                    () -> apis.nominations().listNominations(null, null, null, moduleId, null, null, null, 50)));
            CompletableFuture<DisputePage> disputes = fetch.async(() -> Calls.call(ServiceApis.DISPUTES,
                    () -> apis.disputes().listDisputes(moduleId, null, null, null, null, 50)));
            CompletableFuture<VetoPage> vetoes = fetch.async(() -> Calls.call(ServiceApis.DISPUTES,
                    () -> apis.vetoes().listVetoes(moduleId, null, null, null, 50)));
            CompletableFuture<ChangeProposalPage> proposals = fetch.async(() -> Calls.call(ServiceApis.DISPUTES,
                    () -> apis.changeProposals().listChangeProposals(moduleId, null, null, 50)));
            model.addAttribute("disputes", Fetch.part(disputes));
            model.addAttribute("vetoes", Fetch.part(vetoes));
            model.addAttribute("proposals", Fetch.part(proposals));
            model.addAttribute("ballots", Fetch.part(ballots));
            model.addAttribute("nominations", Fetch.part(nominations));
        }
        Module read = Fetch.join(module);
        Fetch.Part<List<Publication>> published = Fetch.part(publications);
        if (at != null && published.ok()) {
            LocalDate day = at.atOffset(ZoneOffset.UTC).toLocalDate();
            published = new Fetch.Part<>(published.value().stream()
                    .filter(publication -> !publication.getPublishedOn().isAfter(day)).toList(), null);
        }
        model.addAttribute("module", read);
        model.addAttribute("publications", published);
        model.addAttribute("asOf", at);
        model.addAttribute("reflects", at == null ? now : at);
        return "module";
    }
}
