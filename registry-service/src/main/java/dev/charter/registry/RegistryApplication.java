package dev.charter.registry;

import dev.charter.platform.config.CharterServices;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The registry: who maintains what, and since when by which decision. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RegistryApplication {

    /** The service's configuration is {@code charter-registry.yaml} (see {@link CharterServices}). */
    public static final String CONFIG_NAME = "charter-registry";

    public static void main(String[] args) {
        CharterServices.run(RegistryApplication.class, CONFIG_NAME, args);
    }
}
