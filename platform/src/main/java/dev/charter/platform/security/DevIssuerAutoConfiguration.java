package dev.charter.platform.security;

import dev.charter.platform.config.CharterProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;

/**
 * The development token issuer ({@code charter.security.dev-issuer.enabled=true}): for the local stack
 * and tests only. Refuses to start under a production profile, whatever else is configured.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration"})
@ConditionalOnProperty(prefix = "charter.security.dev-issuer", name = "enabled", havingValue = "true")
public class DevIssuerAutoConfiguration {

    @Bean
    public DevTokenIssuer devTokenIssuer(CharterProperties properties, Environment environment, Clock clock) {
        if (SecurityAutoConfiguration.production(environment)) {
            throw new IllegalStateException("The development token issuer (charter.security.dev-issuer.enabled) "
                    + "cannot be switched on under a production profile " + SecurityAutoConfiguration.PRODUCTION_PROFILES
                    + ". Configure spring.security.oauth2.resourceserver.jwt.issuer-uri instead.");
        }
        CharterProperties.DevIssuer devIssuer = properties.getSecurity().getDevIssuer();
        return new DevTokenIssuer(devIssuer.getKeyFile(), devIssuer.getTokenTtl(), clock);
    }

    @Bean
    public JwtDecoder devIssuerJwtDecoder(DevTokenIssuer issuer) {
        return issuer.decoder();
    }

    @Bean
    @ConditionalOnWebApplication
    public DevTokenController devTokenController(DevTokenIssuer issuer) {
        return new DevTokenController(issuer);
    }

    /** Sign-in of web clients such as the console through the authorization-code flow. */
    @Bean
    @ConditionalOnWebApplication
    public DevAuthorizationController devAuthorizationController(DevTokenIssuer issuer, CharterProperties properties,
                                                                 Clock clock) {
        return new DevAuthorizationController(issuer, properties.getSecurity().getDevIssuer().getTokenTtl(), clock);
    }
}
