package dev.charter.console.web;

import dev.charter.client.disputes.model.ChangeProposal;
import dev.charter.client.disputes.model.ChangeStatus;
import dev.charter.client.disputes.model.DisputePage;
import dev.charter.client.nominations.model.ElectionPage;
import dev.charter.client.nominations.model.ModuleProposalPage;
import dev.charter.client.nominations.model.NominationPage;
import dev.charter.client.nominations.model.ReviewCycle;
import dev.charter.client.registry.model.ModulePage;
import dev.charter.client.registry.model.Roster;
import dev.charter.client.voting.model.BallotPage;
import dev.charter.client.voting.model.BallotStatus;
import dev.charter.console.api.Calls;
import dev.charter.console.api.Fetch;
import dev.charter.console.api.ServiceApis;
import dev.charter.console.view.Times;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.CompletableFuture;

/**
 * The home page: the roster (the lead, the core maintainers, the modules with their maintainers), now or as of
 * a past moment; and what is being decided now — open ballots, ballots referred to the lead, nominations in
 * review, elections, open disputes, controversial-change and module proposals (R15), the core maintainers' next review meeting —
 * in a part that refreshes itself.
 */
@Controller
public class HomeController {

    private final ServiceApis apis;
    private final Fetch fetch;
    private final Clock clock;

    public HomeController(ServiceApis apis, Fetch fetch, Clock clock) {
        this.apis = apis;
        this.fetch = fetch;
        this.clock = clock;
    }

    @GetMapping("/")
    public String home(@RequestParam(required = false) String asOf, Model model) {
        Instant at = Times.parseAsOf(asOf);
        CompletableFuture<Roster> roster = fetch.async(() ->
                Calls.call(ServiceApis.REGISTRY, () -> apis.roster().getRoster(Times.offset(at))));
        if (at == null) {
            live(model);
        }
        Roster read = Fetch.join(roster);
        model.addAttribute("roster", read);
        model.addAttribute("asOf", at);
        model.addAttribute("reflects", read.getAsOf());
        return "home";
    }

    /** The part of the home page that refreshes itself (htmx). */
    @GetMapping("/parts/now")
    public String now(Model model) {
        live(model);
        return "home :: now";
    }

    /** Every module, retired ones too, now or as of a past moment. */
    @GetMapping("/modules")
    public String modules(@RequestParam(required = false) String asOf, Model model) {
        Instant at = Times.parseAsOf(asOf);
        ModulePage page = Calls.call(ServiceApis.REGISTRY,
                () -> apis.modules().listModules(Times.offset(at), true, null, 200));
        model.addAttribute("modules", page.getItems());
        model.addAttribute("asOf", at);
        model.addAttribute("reflects", page.getAsOf());
        return "modules";
    }

    private void live(Model model) {
        CompletableFuture<BallotPage> open = fetch.async(() -> Calls.call(ServiceApis.VOTING,
                () -> apis.ballots().listBallots(BallotStatus.OPEN, null, null, null, null, null, 50)));
        CompletableFuture<BallotPage> referred = fetch.async(() -> Calls.call(ServiceApis.VOTING,
                () -> apis.ballots().listBallots(BallotStatus.AWAITING_LEAD, null, null, null, null, null, 50)));
        CompletableFuture<NominationPage> nominations = fetch.async(() -> Calls.call(ServiceApis.NOMINATIONS,
                () -> apis.nominations().listNominations(true, null, null, null, null, null, null, 50)));
        CompletableFuture<ElectionPage> elections = fetch.async(() -> Calls.call(ServiceApis.NOMINATIONS,
                () -> apis.elections().listElections(true, null, 20)));
        CompletableFuture<List<ReviewCycle>> cycles = fetch.async(() -> Calls.call(ServiceApis.NOMINATIONS,
                () -> apis.reviewCycles().listReviewCycles(null, 1)));
        CompletableFuture<DisputePage> disputes = fetch.async(() -> Calls.call(ServiceApis.DISPUTES,
                () -> apis.disputes().listDisputes(null, null, null, true, null, 50)));
        CompletableFuture<ModuleProposalPage> moduleProposals = fetch.async(() -> Calls.call(ServiceApis.NOMINATIONS,
                () -> apis.moduleProposals().listModuleProposals(true, null, null, null, null, 50)));
        CompletableFuture<List<ChangeProposal>> voting = openProposals(ChangeStatus.VOTING);
        CompletableFuture<List<ChangeProposal>> awaiting = openProposals(ChangeStatus.AWAITING_REASONING);
        model.addAttribute("openBallots", Fetch.part(open));
        model.addAttribute("referredBallots", Fetch.part(referred));
        model.addAttribute("openNominations", Fetch.part(nominations));
        model.addAttribute("openElections", Fetch.part(elections));
        model.addAttribute("nextReview", Fetch.part(cycles));
        model.addAttribute("openDisputes", Fetch.part(disputes));
        model.addAttribute("openProposals", Fetch.part(voting.thenCombine(awaiting,
                (a, b) -> Stream.concat(a.stream(), b.stream()).toList())));
        model.addAttribute("openModuleProposals", Fetch.part(moduleProposals));
        model.addAttribute("liveAt", clock.instant());
    }

    /** Proposals in one of the states not decided yet (R17): their bodies vote, or the reasoning is awaited. */
    private CompletableFuture<List<ChangeProposal>> openProposals(ChangeStatus status) {
        return fetch.async(() -> Calls.call(ServiceApis.DISPUTES,
                () -> apis.changeProposals().listChangeProposals(null, status, null, 50).getItems()));
    }
}
