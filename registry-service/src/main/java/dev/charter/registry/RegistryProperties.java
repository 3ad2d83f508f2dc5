package dev.charter.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;

/**
 * Registry settings ({@code charter.registry.*}).
 *
 * @param coreRepository      the core repository (owner/name) whose directories are DIRECTORY modules
 * @param bootstrapOperators  persons allowed to import a roster into an empty registry; empty means any
 *                            authenticated person, allowed only under the {@code dev} profile (the registry refuses
 *                            to start otherwise)
 */
@ConfigurationProperties("charter.registry")
public record RegistryProperties(String coreRepository, List<String> bootstrapOperators) {

    public RegistryProperties {
        coreRepository = coreRepository == null ? "example-org/core" : coreRepository;
        bootstrapOperators = bootstrapOperators == null ? new ArrayList<>() : List.copyOf(bootstrapOperators);
    }
}
