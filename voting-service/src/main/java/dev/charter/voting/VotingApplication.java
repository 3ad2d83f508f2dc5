package dev.charter.voting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Arrays;
import java.util.stream.Stream;

/** Ballots of the governance bodies: who votes, how it is counted, when it closes, and who breaks a tie. */
@SpringBootApplication
public class VotingApplication {

    /**
     * The service's configuration is {@code charter-voting.yaml}, not {@code application.yaml}: several services
     * share one classpath in the local stack, and each must read its own file.
     */
    public static final String CONFIG_NAME = "charter-voting";

    public static void main(String[] args) {
        SpringApplication.run(VotingApplication.class, withConfigName(args));
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
