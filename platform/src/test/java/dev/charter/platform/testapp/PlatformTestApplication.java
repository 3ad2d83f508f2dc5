package dev.charter.platform.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service on the platform: one aggregate, one REST endpoint, one consumer. */
@SpringBootApplication
public class PlatformTestApplication {

    /** A replica in a JVM of its own (the fault matrix kills it with SIGKILL). */
    public static void main(String[] args) {
        org.springframework.boot.SpringApplication.run(PlatformTestApplication.class, args);
    }

    /** In the test app, persons whose id starts with "nobody" hold no seat. */
    @org.springframework.context.annotation.Bean
    dev.charter.platform.web.Standing standing() {
        return person -> !person.startsWith("nobody");
    }
}
