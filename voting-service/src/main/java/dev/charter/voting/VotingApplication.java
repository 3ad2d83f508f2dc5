package dev.charter.voting;

import dev.charter.platform.config.CharterServices;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Ballots of the governance bodies: who votes, how it is counted, when it closes, and who breaks a tie. */
@SpringBootApplication
public class VotingApplication {

    /**
     * The service's configuration is {@code charter-voting.yaml}, not {@code application.yaml}: several services
     * share one classpath in the local stack, and each must read its own file.
     */
    public static final String CONFIG_NAME = "charter-voting";

    public static void main(String[] args) {
        CharterServices.run(VotingApplication.class, CONFIG_NAME, args);
    }
}
