package dev.charter.console;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import java.time.Clock;

/** The console's clock (the time each page reflects), and what it refuses under production. */
@Configuration(proxyBeanMethods = false)
public class ConsoleConfiguration {

    /** The services' production profiles (platform's SecurityAutoConfiguration.PRODUCTION_PROFILES). */
    static final Profiles PRODUCTION = Profiles.of("production | prod");

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * "Sign in as" lists everyone for the development issuer, which asks for no password; like that issuer it never
     * runs under production.
     */
    @Bean
    public InitializingBean signInAsNeverInProduction(ConsoleProperties properties, Environment environment) {
        return () -> {
            if (properties.signInAs() && environment.acceptsProfiles(PRODUCTION)) {
                throw new IllegalStateException("charter.console.sign-in-as lists every person for the development "
                        + "issuer and cannot be switched on under a production profile");
            }
        };
    }
}
