package dev.charter.console.web;

import dev.charter.client.disputes.model.ChangeProposalPage;
import dev.charter.client.disputes.model.DisputePage;
import dev.charter.client.disputes.model.VetoPage;
import dev.charter.client.nominations.model.NominationPage;
import dev.charter.client.registry.model.Module;
import dev.charter.client.registry.model.ModuleActivity;
import dev.charter.client.registry.model.PersonActivity;
import dev.charter.client.registry.model.Publication;
import dev.charter.client.registry.model.RosterMember;
import dev.charter.client.registry.model.SettingsMotion;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A module: its maintainers and emeritus with their tenure and the decision behind each, its group's decision
 * rule, nomination process and inactivity period, its publications; its ballots and nominations; the disputes and
 * vetoes concerning it (R5, R7: its group's decisions disputed or vetoed, and the disputes its group opened) and the
 * controversial changes affecting it (R17). As of a past moment it shows the group then, and the publications made
 * by then.
 * <p>
 * The lifecycle (issue 9): each maintainer's last activity and an inactivity notice in force (R14), why each emeritus
 * left (the inactivity notice, with their last activity in the module), the group's motion that set its settings and
 * the motions open now (R4).
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
                Calls.call(ServiceApis.REGISTRY, () -> apis.modules().listPublications(moduleId, Times.offset(at))));
        CompletableFuture<List<SettingsMotion>> motions = fetch.async(() ->
                Calls.call(ServiceApis.REGISTRY, () -> apis.modules().listSettingsMotions(moduleId)));
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
        Instant reflects = at == null ? now : at;
        Fetch.Part<List<SettingsMotion>> settingsMotions = Fetch.part(motions);
        model.addAttribute("settingsMotion", settingsMotions.ok() ? settingMotion(settingsMotions.value(), reflects) : null);
        model.addAttribute("openMotions", settingsMotions.ok()
                ? new Fetch.Part<>(at == null ? settingsMotions.value().stream()
                        .filter(motion -> motion.getStatus() == SettingsMotion.StatusEnum.OPEN).toList() : List.of(), null)
                : settingsMotions);
        model.addAttribute("names", names(read));
        model.addAttribute("emeritusActivity", at == null ? emeritusActivity(read) : Map.of());
        Fetch.Part<List<Publication>> published = Fetch.part(publications);
        model.addAttribute("module", read);
        model.addAttribute("publications", published);
        model.addAttribute("asOf", at);
        model.addAttribute("reflects", reflects);
        return "module";
    }

    /** R4: the group's carried motion in force at the instant — the last one decided by then. */
    static SettingsMotion settingMotion(List<SettingsMotion> motions, Instant at) {
        return motions.stream()
                .filter(motion -> motion.getStatus() == SettingsMotion.StatusEnum.CARRIED)
                .filter(motion -> motion.getDecidedAt() != null && !motion.getDecidedAt().toInstant().isAfter(at))
                .max(Comparator.comparing(SettingsMotion::getDecidedAt))
                .orElse(null);
    }

    private static Map<String, String> names(Module module) {
        Map<String, String> names = new LinkedHashMap<>();
        for (RosterMember member : module.getMaintainers()) {
            names.put(member.getPersonId(), member.getDisplayName());
        }
        for (RosterMember member : module.getEmeritus()) {
            names.putIfAbsent(member.getPersonId(), member.getDisplayName());
        }
        return names;
    }

    /**
     * R14: each emeritus person's last activity in the module, read from their activity (the module's own activity
     * list covers its maintainers only). A person whose activity cannot be read is left out.
     */
    private Map<String, ModuleActivity> emeritusActivity(Module module) {
        Map<String, CompletableFuture<PersonActivity>> calls = new LinkedHashMap<>();
        for (RosterMember member : module.getEmeritus()) {
            calls.put(member.getPersonId(), fetch.async(() -> Calls.call(ServiceApis.REGISTRY,
                    () -> apis.activity().getPersonActivity(member.getPersonId()))));
        }
        Map<String, ModuleActivity> last = new LinkedHashMap<>();
        calls.forEach((personId, call) -> {
            Fetch.Part<PersonActivity> activity = Fetch.part(call);
            if (activity.ok()) {
                activity.value().getModules().stream()
                        .filter(entry -> Objects.equals(entry.getModuleId(), module.getId()))
                        .findFirst()
                        .ifPresent(entry -> last.put(personId, entry));
            }
        });
        return last;
    }
}
