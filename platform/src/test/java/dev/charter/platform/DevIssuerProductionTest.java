package dev.charter.platform;

import dev.charter.platform.config.CharterProperties;
import dev.charter.platform.security.DevAuthorizationController;
import dev.charter.platform.security.DevIssuerAutoConfiguration;
import dev.charter.platform.security.DevTokenIssuer;
import dev.charter.platform.security.SecurityAutoConfiguration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class DevIssuerProductionTest {

    @Configuration
    @EnableConfigurationProperties(CharterProperties.class)
    static class Base {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Base.class)
            .withConfiguration(AutoConfigurations.of(DevIssuerAutoConfiguration.class));

    @Test
    @DisplayName("the development issuer cannot be switched on under the production profile")
    void refusedUnderProduction() {
        runner.withPropertyValues("charter.security.dev-issuer.enabled=true", "spring.profiles.active=production")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("cannot be switched on under a production profile");
                });
    }

    @Test
    @DisplayName("no property re-enables the development issuer under production (the list of production profiles is fixed)")
    void noPropertyOverridesProduction() {
        runner.withPropertyValues("charter.security.dev-issuer.enabled=true", "spring.profiles.active=prod",
                        "charter.security.production-profiles=", "charter.security.production-profiles[0]=none")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    @DisplayName("under production an accepted token audience is required; the development issuer's tokens carry and check theirs")
    void audienceRequired() throws Exception {
        org.springframework.mock.env.MockEnvironment production = new org.springframework.mock.env.MockEnvironment();
        production.setActiveProfiles("production");
        SecurityAutoConfiguration security = new SecurityAutoConfiguration();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> security.charterAudienceRequired(production)
                .afterPropertiesSet()).hasMessageContaining("audiences");
        production.setProperty("spring.security.oauth2.resourceserver.jwt.audiences", "charter");
        security.charterAudienceRequired(production).afterPropertiesSet();

        DevTokenIssuer issuer = new DevTokenIssuer(null, java.time.Duration.ofMinutes(5), Clock.systemUTC());
        assertThat(issuer.decoder().decode(issuer.issue("ada")).getAudience()).contains(DevTokenIssuer.AUDIENCE);
    }

    @Test
    @DisplayName("outside production the development issuer signs tokens its decoder accepts; off by default")
    void worksOutsideProduction() {
        runner.withPropertyValues("charter.security.dev-issuer.enabled=true").run(context -> {
            DevTokenIssuer issuer = context.getBean(DevTokenIssuer.class);
            assertThat(context.getBean(JwtDecoder.class).decode(issuer.issue("Alice")).getSubject()).isEqualTo("alice");
        });
        runner.run(context -> assertThat(context).doesNotHaveBean(DevTokenIssuer.class));
    }

    @Test
    @DisplayName("the development issuer's sign-in for web clients (/dev/authorize, /dev/oauth/token, /dev/userinfo) exists only where it is on, never under production")
    void webSignInOnlyWithTheIssuer() {
        WebApplicationContextRunner web = new WebApplicationContextRunner()
                .withUserConfiguration(Base.class)
                .withConfiguration(AutoConfigurations.of(DevIssuerAutoConfiguration.class));
        web.withPropertyValues("charter.security.dev-issuer.enabled=true")
                .run(context -> assertThat(context).hasSingleBean(DevAuthorizationController.class));
        web.run(context -> assertThat(context).doesNotHaveBean(DevAuthorizationController.class));
        web.withPropertyValues("charter.security.dev-issuer.enabled=true", "spring.profiles.active=production")
                .run(context -> assertThat(context).hasFailed());
    }
}
