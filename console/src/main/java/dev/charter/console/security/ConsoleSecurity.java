package dev.charter.console.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;

import java.util.regex.Pattern;

/**
 * Reading is public, like governance; acting needs a person signed in through the identity provider the
 * services trust (OAuth2 authorization-code login). The console keeps the token in the session and passes it
 * to the services with each write; it decides nothing itself. Forms carry a CSRF token.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleSecurity {

    /** Where the sign-in started, to return there afterwards. */
    static final String RETURN_TO = ConsoleSecurity.class.getName() + ".returnTo";
    static final String AUTHORIZATION_BASE = "/oauth2/authorization";
    private static final Pattern HANDLE = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}");
    private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[^\\s]*");

    @Bean
    public SecurityFilterChain consoleSecurityFilterChain(HttpSecurity http, ClientRegistrationRepository registrations)
            throws Exception {
        SimpleUrlAuthenticationSuccessHandler success = new SimpleUrlAuthenticationSuccessHandler() {
            @Override
            protected String determineTargetUrl(HttpServletRequest request,
                                                jakarta.servlet.http.HttpServletResponse response) {
                HttpSession session = request.getSession(false);
                Object target = session == null ? null : session.getAttribute(RETURN_TO);
                if (session != null) {
                    session.removeAttribute(RETURN_TO);
                }
                return target instanceof String path && isLocalPath(path) ? path : "/";
            }
        };
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .loginPage("/sign-in")
                        .authorizationEndpoint(endpoint -> endpoint
                                .authorizationRequestResolver(withLoginHint(registrations)))
                        .successHandler(success))
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self'; frame-ancestors 'none'; form-action 'self'")));
        return http.build();
    }

    /** The token lives in the person's session, and goes with it. */
    @Bean
    public OAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** Remembers where to return after signing in (a path of the console only). */
    public static void returnTo(HttpServletRequest request, String path) {
        if (path != null && isLocalPath(path)) {
            request.getSession(true).setAttribute(RETURN_TO, path);
        }
    }

    static boolean isLocalPath(String path) {
        return LOCAL_PATH.matcher(path).matches();
    }

    /**
     * Passes a {@code login_hint} given on the sign-in link to the identity provider (OpenID Connect's hint of
     * whom to sign in): the development issuer signs in as that person, another provider pre-fills its form.
     */
    static OAuth2AuthorizationRequestResolver withLoginHint(ClientRegistrationRepository registrations) {
        DefaultOAuth2AuthorizationRequestResolver standard =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, AUTHORIZATION_BASE);
        return new OAuth2AuthorizationRequestResolver() {
            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
                return hinted(request, standard.resolve(request));
            }

            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
                return hinted(request, standard.resolve(request, registrationId));
            }
        };
    }

    private static OAuth2AuthorizationRequest hinted(HttpServletRequest request, OAuth2AuthorizationRequest resolved) {
        String hint = request.getParameter("login_hint");
        if (resolved == null || hint == null || !HANDLE.matcher(hint).matches()) {
            return resolved;
        }
        return OAuth2AuthorizationRequest.from(resolved)
                .additionalParameters(parameters -> parameters.put("login_hint", hint))
                .build();
    }
}
