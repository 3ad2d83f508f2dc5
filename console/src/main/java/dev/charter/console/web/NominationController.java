package dev.charter.console.web;

import dev.charter.client.nominations.model.BallotStatus;
import dev.charter.client.nominations.model.Election;
import dev.charter.client.nominations.model.ElectionPage;
import dev.charter.client.nominations.model.Nomination;
import dev.charter.client.nominations.model.NominationPage;
import dev.charter.client.nominations.model.NominationStatus;
import dev.charter.console.api.Calls;
import dev.charter.console.api.ServiceApis;
import dev.charter.console.view.Count;
import dev.charter.console.view.RoundsChart;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Nominations and elections of a lead: their dossiers, status, ballots and the published reasoning of their
 * decisions, as nomination-service has them.
 */
@Controller
public class NominationController {

    private final ServiceApis apis;
    private final PersonNames names;
    private final Clock clock;

    public NominationController(ServiceApis apis, PersonNames names, Clock clock) {
        this.apis = apis;
        this.names = names;
        this.clock = clock;
    }

    @GetMapping("/nominations")
    public String nominations(@RequestParam(required = false) Boolean open,
                              @RequestParam(required = false) String status,
                              @RequestParam(required = false) String after, Model model) {
        var now = clock.instant();
        NominationStatus filter = status == null || status.isBlank() ? null : NominationStatus.fromValue(status);
        NominationPage page = Calls.call(ServiceApis.NOMINATIONS,
                () -> apis.nominations().listNominations(open, filter, null, null, null, null, after, 50));
        model.addAttribute("nominations", page.getItems());
        model.addAttribute("next", page.getNext());
        model.addAttribute("open", open);
        model.addAttribute("status", filter == null ? "" : filter.getValue());
        model.addAttribute("statuses", NominationStatus.values());
        model.addAttribute("reflects", now);
        return "nominations";
    }

    @GetMapping("/nominations/{nominationId}")
    public String nomination(@PathVariable String nominationId, Model model) {
        var now = clock.instant();
        Nomination nomination = Calls.call(ServiceApis.NOMINATIONS,
                () -> apis.nominations().getNomination(nominationId));
        model.addAttribute("nomination", nomination);
        model.addAttribute("names", names.names());
        model.addAttribute("reflects", now);
        return "nomination";
    }

    @GetMapping("/elections")
    public String elections(@RequestParam(required = false) String after, Model model) {
        var now = clock.instant();
        ElectionPage page = Calls.call(ServiceApis.NOMINATIONS, () -> apis.elections().listElections(null, after, 50));
        model.addAttribute("elections", page.getItems());
        model.addAttribute("next", page.getNext());
        model.addAttribute("reflects", now);
        return "elections";
    }

    @GetMapping("/elections/{electionId}")
    public String election(@PathVariable String electionId, Model model) {
        var now = clock.instant();
        Election election = Calls.call(ServiceApis.NOMINATIONS, () -> apis.elections().getElection(electionId));
        Map<String, RoundsChart> charts = election.getBallots().stream()
                .filter(ballot -> ballot.getRounds() != null && !ballot.getRounds().isEmpty())
                .collect(Collectors.toMap(BallotStatus::getBallotId,
                        ballot -> RoundsChart.of(Count.ofNominations(ballot.getRounds()), true, ballot.getWinner()),
                        (a, b) -> a, java.util.LinkedHashMap::new));
        model.addAttribute("election", election);
        model.addAttribute("charts", charts);
        model.addAttribute("names", names.names());
        model.addAttribute("reflects", now);
        return "election";
    }

}
