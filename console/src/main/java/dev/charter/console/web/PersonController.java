package dev.charter.console.web;

import dev.charter.client.nominations.model.NominationPage;
import dev.charter.client.registry.model.Decision;
import dev.charter.client.registry.model.Person;
import dev.charter.client.registry.model.PersonActivity;
import dev.charter.client.registry.model.PersonPage;
import dev.charter.client.registry.model.Reinstatement;
import dev.charter.client.registry.model.Role;
import dev.charter.client.registry.model.Tenure;
import dev.charter.client.registry.model.TenureEntry;
import dev.charter.console.api.Calls;
import dev.charter.console.api.Fetch;
import dev.charter.console.api.ServiceApis;
import dev.charter.console.view.Labels;
import dev.charter.console.view.Links;
import dev.charter.console.view.TimelineChart;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Persons: who is registered; and one person's roles over time (a timeline whose every change links to the
 * decision behind it), affiliation history, declared conflicts of interest and nominations concerning them; their
 * last activity per module with any inactivity notice in force, and their requests to be reinstated (R14).
 */
@Controller
public class PersonController {

    private final ServiceApis apis;
    private final Fetch fetch;
    private final Links links;
    private final Labels labels;
    private final Clock clock;

    public PersonController(ServiceApis apis, Fetch fetch, Links links, Labels labels, Clock clock) {
        this.apis = apis;
        this.fetch = fetch;
        this.links = links;
        this.labels = labels;
        this.clock = clock;
    }

    @GetMapping("/persons")
    public String persons(@RequestParam(required = false) String after, Model model) {
        Instant now = clock.instant();
        PersonPage page = Calls.call(ServiceApis.REGISTRY, () -> apis.persons().listPersons(after, 100));
        model.addAttribute("persons", page.getItems());
        model.addAttribute("next", page.getNext());
        model.addAttribute("reflects", now);
        return "persons";
    }

    @GetMapping("/persons/{personId}")
    public String person(@PathVariable String personId, Model model) {
        Instant now = clock.instant();
        CompletableFuture<Person> person = fetch.async(() ->
                Calls.call(ServiceApis.REGISTRY, () -> apis.persons().getPerson(personId, null)));
        CompletableFuture<Tenure> tenure = fetch.async(() ->
                Calls.call(ServiceApis.REGISTRY, () -> apis.persons().getTenure(personId)));
        CompletableFuture<NominationPage> nominations = fetch.async(() -> Calls.call(ServiceApis.NOMINATIONS,
                () -> apis.nominations().listNominations(null, null, null, null, personId, null, null, 50)));
        CompletableFuture<PersonActivity> activity = fetch.async(() ->
                Calls.call(ServiceApis.REGISTRY, () -> apis.activity().getPersonActivity(personId)));
        CompletableFuture<List<Reinstatement>> reinstatements = fetch.async(() ->
                Calls.call(ServiceApis.REGISTRY, () -> apis.persons().listReinstatements(personId)));
        Person read = Fetch.join(person);
        List<TenureEntry> entries = Fetch.join(tenure).getEntries();
        model.addAttribute("person", read);
        model.addAttribute("tenure", entries);
        model.addAttribute("timeline", TimelineChart.of(spans(entries), instant(read.getRegisteredAt()), now));
        model.addAttribute("nominations", Fetch.part(nominations));
        model.addAttribute("activity", Fetch.part(activity));
        model.addAttribute("reinstatements", Fetch.part(reinstatements));
        model.addAttribute("reflects", now);
        return "person";
    }

    private List<TimelineChart.Span> spans(List<TenureEntry> entries) {
        return entries.stream()
                .sorted(Comparator.comparing((TenureEntry entry) -> laneOrder(entry))
                        .thenComparing(entry -> entry.getModuleId() == null ? "" : entry.getModuleId())
                        .thenComparing(TenureEntry::getFrom))
                .map(entry -> new TimelineChart.Span(lane(entry),
                        labels.role(entry.getRole().getValue(), entry.getModuleId()), instant(entry.getFrom()),
                        instant(entry.getTo()), entry.getStatus() == null ? null : entry.getStatus().getValue(),
                        change("Since " + entry.getFrom().toLocalDate() + ": ", entry.getStartDecision()),
                        href(entry.getStartDecision()),
                        entry.getTo() == null ? null : change("Until " + entry.getTo().toLocalDate() + ": ",
                                entry.getEndDecision()) + (entry.getEndReason() == null ? "" : " — " + entry.getEndReason()),
                        href(entry.getEndDecision())))
                .toList();
    }

    private static int laneOrder(TenureEntry entry) {
        return entry.getRole() == Role.LEAD ? 0 : entry.getRole() == Role.CORE_MAINTAINER ? 1 : 2;
    }

    private static String lane(TenureEntry entry) {
        return entry.getRole().getValue() + (entry.getModuleId() == null ? "" : ":" + entry.getModuleId());
    }

    private String change(String when, Decision decision) {
        return when + (decision == null ? "no decision recorded"
                : links.decisionLabel(decision.getSource(), decision.getEventType(), decision.getReference()));
    }

    private String href(Decision decision) {
        return decision == null ? null
                : links.decision(decision.getSource(), decision.getEventType(), decision.getReference());
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
