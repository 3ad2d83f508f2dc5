package dev.charter.nomination;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.util.Arrays;
import java.util.stream.Stream;

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
        SpringApplication.run(NominationApplication.class, withConfigName(args));
    }

    /** The arguments, naming this service's configuration unless they name one already. */
    public static String[] withConfigName(String... args) {
        if (Arrays.stream(args).anyMatch(arg -> arg.startsWith("--spring.config.name="))) {
            return args;
        }
        return Stream.concat(Stream.of("--spring.config.name=" + CONFIG_NAME), Arrays.stream(args))
                .toArray(String[]::new);
    }
}
