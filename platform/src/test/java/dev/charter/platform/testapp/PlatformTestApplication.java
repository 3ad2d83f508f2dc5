package dev.charter.platform.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service on the platform: one aggregate, one REST endpoint, one consumer. */
@SpringBootApplication
public class PlatformTestApplication {
}
