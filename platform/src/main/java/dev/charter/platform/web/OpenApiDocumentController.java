package dev.charter.platform.web;

import dev.charter.platform.config.CharterProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;

/**
 * Serves the service's own OpenAPI document from api-contracts, unchanged, with the shared
 * {@code common.yaml} it refers to and the {@code audit.yaml} and {@code admin.yaml} (operations) every service
 * implements: {@code GET /openapi/<service>.yaml}.
 */
@RestController
public class OpenApiDocumentController {

    public static final MediaType YAML = MediaType.parseMediaType("application/yaml");
    private final Set<String> served;

    public OpenApiDocumentController(CharterProperties properties) {
        this.served = Set.of(properties.getApiDocument(), "common.yaml", "audit.yaml", "admin.yaml");
    }

    @GetMapping("/openapi/{document}")
    public ResponseEntity<Resource> document(@PathVariable("document") String document) {
        if (!served.contains(document)) {
            throw new GovernanceException.NotFound("no-such-document",
                    "This service serves " + String.join(" and ", served) + ".");
        }
        return ResponseEntity.ok().contentType(YAML).body(new ClassPathResource("openapi/" + document));
    }
}
