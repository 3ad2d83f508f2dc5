package dev.charter.registry.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charter.api.registry.model.WebhookReceipt;
import dev.charter.platform.web.GovernanceException;
import dev.charter.platform.web.Problems;
import dev.charter.platform.web.Text;
import dev.charter.registry.RegistryProperties;
import dev.charter.registry.activity.ActivityRecorder;
import dev.charter.registry.activity.GithubEvents;
import dev.charter.registry.activity.GithubSignature;
import dev.charter.registry.activity.ModuleAttribution;
import dev.charter.registry.roster.RosterQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * {@code POST /webhooks/github} (registry.yaml, tag webhooks): GitHub's webhook deliveries, the activity of
 * maintainers where the work happens (R14). Not one of the generated JSON operations: the signature
 * ({@code X-Hub-Signature-256}, HMAC-SHA256 with the configured secret) is over the raw body, so the body is read as
 * bytes and checked before anything else (401 problem). A delivery received before ({@code X-GitHub-Delivery})
 * counts nothing again.
 */
@RestController
public class GithubWebhookController {

    private static final Logger log = LoggerFactory.getLogger(GithubWebhookController.class);

    private final ActivityRecorder recorder;
    private final RosterQueries roster;
    private final RegistryProperties properties;
    private final ObjectMapper json;
    private final Clock clock;

    public GithubWebhookController(ActivityRecorder recorder, RosterQueries roster, RegistryProperties properties,
                                   ObjectMapper defaultAxonObjectMapper, Clock clock) {
        this.recorder = recorder;
        this.roster = roster;
        this.properties = properties;
        this.json = defaultAxonObjectMapper;
        this.clock = clock;
    }

    @PostMapping(path = "/webhooks/github", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<WebhookReceipt> receive(
            @RequestHeader(value = "X-GitHub-Event", required = false) String event,
            @RequestHeader(value = "X-GitHub-Delivery", required = false) String delivery,
            @RequestHeader(value = "X-Hub-Signature-256", required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        byte[] payload = body == null ? new byte[0] : body;
        String secret = properties.github().webhookSecret();
        if (secret == null || secret.isBlank()) {
            throw new GovernanceException.Unauthenticated("webhook-not-configured",
                    "No GitHub webhook secret is configured (charter.registry.github.webhook-secret): every delivery "
                            + "is refused.");
        }
        if (!GithubSignature.valid(secret, payload, signature)) {
            throw new GovernanceException.Unauthenticated("invalid-signature",
                    "The delivery's X-Hub-Signature-256 is not the HMAC-SHA256 of its body with the webhook secret.");
        }
        String eventName = header(event, "X-GitHub-Event");
        String deliveryId = header(delivery, "X-GitHub-Delivery");
        JsonNode tree;
        try {
            tree = json.readTree(payload);
        } catch (IOException e) {
            tree = null;
        }
        if (tree == null || !tree.isObject()) {
            throw new GovernanceException.BadInput("invalid-payload", "The delivery's body is not a JSON object.");
        }
        Instant now = clock.instant();
        ModuleAttribution attribution = new ModuleAttribution(properties.coreRepository(),
                roster.modules(now, false, "", Integer.MAX_VALUE).stream()
                        .map(m -> new ModuleAttribution.Target(m.moduleId(), m.name(), m.kind(), m.location()))
                        .toList());
        ActivityRecorder.Recorded recorded = recorder.record(deliveryId, eventName,
                GithubEvents.activities(eventName, tree, attribution, now));
        log.info("GitHub delivery {} ({}): {}", deliveryId, eventName, recorded.duplicateDelivery() ? "received before"
                : recorded.recorded() + " activities counted, " + recorded.unknownPersons() + " of unknown persons");
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new WebhookReceipt(deliveryId, eventName,
                recorded.duplicateDelivery(), recorded.recorded()));
    }

    private static String header(String value, String name) {
        String text = Text.blankToNull(value);
        if (text == null || text.length() > 100) {
            throw new GovernanceException.BadInput("invalid-header", "The header " + name + " is required (at most "
                    + "100 characters).").withViolations(List.of(Problems.violation(name, "is required")));
        }
        return text;
    }
}
