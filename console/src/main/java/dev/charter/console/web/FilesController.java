package dev.charter.console.web;

import dev.charter.client.registry.model.ModuleKind;
import dev.charter.client.registry.model.ModulePage;
import dev.charter.client.registry.model.Roster;
import dev.charter.console.api.Calls;
import dev.charter.console.api.Fetch;
import dev.charter.console.api.ServiceApis;
import dev.charter.console.view.Times;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * The files the registry generates from the roster (R16): the maintainers page and CODEOWNERS (the core
 * repository's, or a repository module's), as they are now or were at a past moment, with a copy button.
 */
@Controller
public class FilesController {

    private final ServiceApis apis;
    private final Fetch fetch;

    public FilesController(ServiceApis apis, Fetch fetch) {
        this.apis = apis;
        this.fetch = fetch;
    }

    @GetMapping("/maintainers")
    public String maintainers(@RequestParam(required = false) String asOf, Model model) {
        Instant at = Times.parseAsOf(asOf);
        CompletableFuture<String> file = fetch.async(() -> Calls.call(ServiceApis.REGISTRY,
                () -> apis.files().getMaintainersPage(Times.offset(at))));
        CompletableFuture<Roster> roster = fetch.async(() -> Calls.call(ServiceApis.REGISTRY,
                () -> apis.roster().getRoster(Times.offset(at))));
        model.addAttribute("title", "Maintainers page");
        model.addAttribute("file", Fetch.join(file));
        model.addAttribute("fileName", "MAINTAINERS.md");
        model.addAttribute("action", "/maintainers");
        model.addAttribute("asOf", at);
        model.addAttribute("reflects", Fetch.join(roster).getAsOf());
        return "file";
    }

    @GetMapping("/codeowners")
    public String codeowners(@RequestParam(required = false) String repository,
                             @RequestParam(required = false) String asOf, Model model) {
        Instant at = Times.parseAsOf(asOf);
        String repo = repository == null || repository.isBlank() ? null : repository.trim();
        CompletableFuture<String> file = fetch.async(() -> Calls.call(ServiceApis.REGISTRY,
                () -> apis.files().getCodeowners(repo, Times.offset(at))));
        CompletableFuture<ModulePage> modules = fetch.async(() -> Calls.call(ServiceApis.REGISTRY,
                () -> apis.modules().listModules(Times.offset(at), false, null, 200)));
        ModulePage page = Fetch.join(modules);
        model.addAttribute("title", repo == null ? "CODEOWNERS of the core repository" : "CODEOWNERS of " + repo);
        model.addAttribute("file", Fetch.join(file));
        model.addAttribute("fileName", "CODEOWNERS");
        model.addAttribute("action", "/codeowners");
        model.addAttribute("repository", repo);
        model.addAttribute("repositories", page.getItems().stream()
                .filter(module -> module.getKind() == ModuleKind.REPOSITORY).map(module -> module.getLocation()).toList());
        model.addAttribute("asOf", at);
        model.addAttribute("reflects", page.getAsOf());
        return "file";
    }
}
