package dev.charter.platform.security;

import dev.charter.platform.config.CharterProperties;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.util.StringUtils;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import dev.charter.platform.web.ProblemResponses;
import dev.charter.platform.web.Problems;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Reads are public (governance is public); every write needs a bearer JWT whose {@code sub} is the acting
 * person (DESIGN §5). Which writes a person may make is decided by each service from its roster. The operations API
 * ({@code /api/v1/admin}) needs an authenticated operator for reads too. Webhooks ({@code /webhooks/**}) are
 * authenticated by their signature, which the receiving controller checks.
 * Production verifies tokens of the configured issuer
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri}).
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SecurityAutoConfiguration {

    /** The profiles of production: the development issuer never starts under them, and an audience is required. */
    public static final List<String> PRODUCTION_PROFILES = List.of("production", "prod");
    public static final String OPERATOR = "ROLE_OPERATOR";

    public static boolean production(Environment environment) {
        return environment.acceptsProfiles(Profiles.of(String.join(" | ", PRODUCTION_PROFILES)));
    }

    /**
     * Under production, tokens must be checked for audience as well as issuer, signature and expiry
     * ({@code spring.security.oauth2.resourceserver.jwt.audiences}): the service refuses to start without one.
     */
    @Bean
    public InitializingBean charterAudienceRequired(Environment environment) {
        return () -> {
            if (production(environment) && !StringUtils.hasText(
                    environment.getProperty("spring.security.oauth2.resourceserver.jwt.audiences"))) {
                throw new IllegalStateException("Under a production profile the accepted token audience must be set: "
                        + "spring.security.oauth2.resourceserver.jwt.audiences");
            }
        };
    }

    /**
     * The person is the token's {@code sub}, or the claim named by
     * {@code spring.security.oauth2.resourceserver.jwt.principal-claim-name}; operators ({@link Operators}) get the
     * operator role.
     */
    @Bean
    @ConditionalOnMissingBean(JwtAuthenticationConverter.class)
    public JwtAuthenticationConverter charterJwtAuthenticationConverter(Environment environment,
                                                                        CharterProperties properties) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        String claim = environment.getProperty("spring.security.oauth2.resourceserver.jwt.principal-claim-name", "sub");
        converter.setPrincipalClaimName(claim);
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            String person = jwt.getClaimAsString(claim);
            return Operators.isOperator(properties, person)
                    ? List.<GrantedAuthority>of(new SimpleGrantedAuthority(OPERATOR)) : List.of();
        });
        return converter;
    }

    /** A URL the firewall rejects (e.g. {@code //}, encoded slashes) is a 400 problem too, like any bad input. */
    @Bean
    @ConditionalOnMissingBean(RequestRejectedHandler.class)
    public RequestRejectedHandler problemRequestRejectedHandler() {
        return (request, response, rejected) -> ProblemResponses.write(response,
                Problems.of(HttpStatus.BAD_REQUEST, "rejected-request", "The request URL is not acceptable."),
                request.getRequestURI());
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    public SecurityFilterChain charterSecurityFilterChain(HttpSecurity http) throws Exception {
        ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint();
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(requests -> requests
                        // the operators' actuator operations (parked events, dead letters): on the management port;
                        // the operations API (projection rebuilds): operators, decided by ProjectionsController
                        .requestMatchers(HttpMethod.POST, "/actuator/**").hasAuthority(OPERATOR)
                        .requestMatchers("/api/v1/admin/**").authenticated()
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        // webhooks prove their sender by their own signature (e.g. GitHub's HMAC), checked where received
                        .requestMatchers(HttpMethod.POST, "/webhooks/**").permitAll()
                        // the development issuer's token endpoint (exists only where that issuer is on)
                        .requestMatchers(HttpMethod.POST, "/dev/oauth/token").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * No observation decorators around each filter of the security chain, the authentication and the authorization
     * (they cost more per request than the filters themselves); the request as a whole is still observed and
     * measured ({@code http.server.requests}).
     */
    @Bean
    @ConditionalOnMissingBean(SecurityObservationSettings.class)
    public SecurityObservationSettings charterSecurityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Every {@link JwtDecoder} (the configured issuer's, or the development issuer's) remembers the tokens it
     * accepted ({@link CachingJwtDecoder}): {@code charter.security.token-cache.max-size} tokens (default 10,000),
     * each at most {@code charter.security.token-cache.ttl} (default 5 minutes) and never past its expiry;
     * {@code charter.security.token-cache.enabled=false} turns it off.
     */
    @Bean
    public static BeanPostProcessor charterCachingJwtDecoder(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
                if (bean instanceof JwtDecoder decoder && !(bean instanceof CachingJwtDecoder)
                        && environment.getProperty("charter.security.token-cache.enabled", Boolean.class, true)) {
                    return new CachingJwtDecoder(decoder,
                            environment.getProperty("charter.security.token-cache.max-size", Long.class, 10_000L),
                            environment.getProperty("charter.security.token-cache.ttl", Duration.class,
                                    Duration.ofMinutes(5)),
                            Clock.systemUTC());
                }
                return bean;
            }
        };
    }
}
