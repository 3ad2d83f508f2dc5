package dev.charter.console.web;

import dev.charter.client.audit.model.ChainHead;
import dev.charter.client.audit.model.ChainPage;
import dev.charter.client.audit.model.ChainVerification;
import dev.charter.console.api.Calls;
import dev.charter.console.api.Fetch;
import dev.charter.console.api.ServiceApis;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The audit: each service's hash chain — its head, and the service's own verification of the whole chain
 * against its event store, made when the page is drawn — and the chain's links page by page.
 */
@Controller
public class AuditController {

    /**
     * One service's chain as the page shows it; {@code verifiedAt} is when the service reached its verdict (its
     * {@code verifiedAt}), or when it answered if it did not say.
     */
    public record ChainStatus(ServiceApis.Audited service, Fetch.Part<ChainHead> head,
                              Fetch.Part<ChainVerification> verification, Instant verifiedAt) {
    }

    private final ServiceApis apis;
    private final Fetch fetch;
    private final Clock clock;

    public AuditController(ServiceApis apis, Fetch fetch, Clock clock) {
        this.apis = apis;
        this.fetch = fetch;
        this.clock = clock;
    }

    @GetMapping("/audit")
    public String audit(Model model) {
        Instant now = clock.instant();
        record Pending(ServiceApis.Audited service, CompletableFuture<ChainHead> head,
                       CompletableFuture<ChainVerification> verification) {
        }
        List<Pending> pending = apis.audited().stream().map(service -> new Pending(service,
                fetch.async(() -> Calls.call(service.name(), () -> service.audit().getChainHead())),
                fetch.async(() -> Calls.call(service.name(), () -> service.audit().verifyChain())))).toList();
        List<ChainStatus> chains = pending.stream().map(p -> {
            Fetch.Part<ChainVerification> verification = Fetch.part(p.verification());
            Instant answered = clock.instant();
            Instant verifiedAt = verification.ok() && verification.value().getVerifiedAt() != null
                    ? verification.value().getVerifiedAt().toInstant() : answered;
            return new ChainStatus(p.service(), Fetch.part(p.head()), verification, verifiedAt);
        }).toList();
        model.addAttribute("chains", chains);
        model.addAttribute("auditor", apis.auditorTargets());
        model.addAttribute("reflects", now);
        return "audit";
    }

    @GetMapping("/audit/{service}")
    public String chain(@PathVariable String service, @RequestParam(required = false) String after, Model model) {
        Instant now = clock.instant();
        ServiceApis.Audited audited = apis.audited().stream().filter(s -> s.name().equals(service)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No service " + service));
        ChainPage page = Calls.call(audited.name(), () -> audited.audit().listChainedEvents(after, 50));
        model.addAttribute("service", audited);
        model.addAttribute("chainLinks", page.getItems());
        model.addAttribute("next", page.getNext());
        model.addAttribute("reflects", now);
        return "chain";
    }
}
