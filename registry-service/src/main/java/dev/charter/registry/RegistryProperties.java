package dev.charter.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;

/**
 * Registry settings ({@code charter.registry.*}).
 *
 * @param coreRepository      the core repository (owner/name) whose directories are DIRECTORY modules
 * @param bootstrapOperators  persons allowed to import a roster into an empty registry; empty means any
 *                            authenticated person (set it in production)
 * @param disputesUrl         the public base URL of dispute-service, which module pages link disputes and vetoes to
 */
@ConfigurationProperties("charter.registry")
public record RegistryProperties(String coreRepository, List<String> bootstrapOperators, String disputesUrl) {

    public RegistryProperties {
        coreRepository = coreRepository == null ? "example-org/core" : coreRepository;
        disputesUrl = disputesUrl == null || disputesUrl.isBlank() ? "http://localhost:8084"
                : disputesUrl.trim().replaceAll("/+$", "");
        bootstrapOperators = bootstrapOperators == null ? new ArrayList<>() : List.copyOf(bootstrapOperators);
    }
}
