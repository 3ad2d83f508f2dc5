package dev.charter.nomination;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Nominations, their dossiers and decisions, removals, and elections of the lead (R9–R13). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NominationApplication {

    public static void main(String[] args) {
        SpringApplication.run(NominationApplication.class, args);
    }
}
