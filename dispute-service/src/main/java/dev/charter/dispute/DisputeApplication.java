package dev.charter.dispute;

import dev.charter.platform.config.CharterServices;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Disputes between maintainer groups and their escalation to the core maintainers and the lead (R5, R6, R8),
 * vetoes of module-level decisions (R7) and controversial-change proposals (R17).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DisputeApplication {

    /**
     * The service's configuration is {@code charter-dispute.yaml}, not {@code application.yaml}: several services
     * share one classpath in the local stack, and each must read its own file.
     */
    public static final String CONFIG_NAME = "charter-dispute";

    public static void main(String[] args) {
        CharterServices.run(DisputeApplication.class, CONFIG_NAME, args);
    }
}
