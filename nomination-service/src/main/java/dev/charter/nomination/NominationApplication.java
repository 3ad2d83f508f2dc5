package dev.charter.nomination;

import dev.charter.platform.config.CharterServices;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Nominations, their dossiers and decisions, removals, and elections of the lead (R9–R13). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NominationApplication {

    /**
     * The service's configuration is {@code charter-nomination.yaml}, not {@code application.yaml}: several services
     * share one classpath in the local stack, and each must read its own file.
     */
    public static final String CONFIG_NAME = "charter-nomination";

    public static void main(String[] args) {
        CharterServices.run(NominationApplication.class, CONFIG_NAME, args);
    }
}
