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

    /** A person has standing while they hold a seat (module maintainer, core maintainer, lead). */
    @org.springframework.context.annotation.Bean
    dev.charter.platform.web.Standing registryStanding(dev.charter.registry.roster.RosterQueries roster) {
        return roster::holdsAnySeatNow;
    }

    /**
     * Outside the {@code dev} profile the bootstrap import must name its operators: an empty list lets any
     * authenticated person import a roster into the empty registry.
     */
    @org.springframework.context.annotation.Bean
    org.springframework.beans.factory.InitializingBean bootstrapOperatorsRequired(RegistryProperties properties,
                                                                                 org.springframework.core.env.Environment environment) {
        return () -> {
            if (properties.bootstrapOperators().isEmpty()
                    && !environment.acceptsProfiles(org.springframework.core.env.Profiles.of("dev"))) {
                throw new IllegalStateException("charter.registry.bootstrap-operators is empty: outside the dev profile "
                        + "the persons allowed to import a roster must be listed");
            }
        };
    }
}
