package dev.charter.console;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ConsoleProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, ConsoleConfiguration.class);

    @Test
    @DisplayName("\"sign in as\" (for the development issuer, no password) refuses to start under a production profile")
    void signInAsNeverInProduction() {
        runner.withPropertyValues("charter.console.sign-in-as=true", "spring.profiles.active=prod")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("charter.console.sign-in-as=true", "spring.profiles.active=dev")
                .run(context -> assertThat(context).hasNotFailed());
        runner.withPropertyValues("spring.profiles.active=production")
                .run(context -> assertThat(context).hasNotFailed());
    }
}
