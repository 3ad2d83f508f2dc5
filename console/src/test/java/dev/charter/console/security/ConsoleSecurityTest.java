package dev.charter.console.security;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleSecurityTest {

    private final InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(
            ClientRegistration.withRegistrationId("charter").clientId("charter-console")
                    .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .authorizationUri("http://localhost:8081/dev/authorize")
                    .tokenUri("http://localhost:8081/dev/oauth/token")
                    .userInfoUri("http://localhost:8081/dev/userinfo").userNameAttributeName("sub").build());

    @Test
    @DisplayName("sign-in asks the provider by the authorization-code flow with PKCE, passing the login hint")
    void loginHint() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/oauth2/authorization/charter");
        request.setServletPath("/oauth2/authorization/charter");
        request.setParameter("login_hint", "grace");

        OAuth2AuthorizationRequest authorization = ConsoleSecurity.withLoginHint(registrations).resolve(request);

        assertThat(authorization.getAdditionalParameters()).containsEntry("login_hint", "grace")
                .containsKey("code_challenge").containsEntry("code_challenge_method", "S256");
        assertThat(authorization.getAuthorizationRequestUri()).contains("login_hint=grace");
    }

    @Test
    @DisplayName("a login hint that is no handle is not passed on")
    void badHint() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/oauth2/authorization/charter");
        request.setServletPath("/oauth2/authorization/charter");
        request.setParameter("login_hint", "a&b=c");

        OAuth2AuthorizationRequest authorization = ConsoleSecurity.withLoginHint(registrations).resolve(request);

        assertThat(authorization.getAdditionalParameters()).doesNotContainKey("login_hint");
    }

    @Test
    @DisplayName("after signing in the console returns only to one of its own pages")
    void returnsOnlyHome() {
        assertThat(ConsoleSecurity.isLocalPath("/ballots/b-1?x=1")).isTrue();
        assertThat(ConsoleSecurity.isLocalPath("//evil.example/")).isFalse();
        assertThat(ConsoleSecurity.isLocalPath("/\\evil.example/")).isFalse();
        assertThat(ConsoleSecurity.isLocalPath("https://evil.example/")).isFalse();
    }
}
