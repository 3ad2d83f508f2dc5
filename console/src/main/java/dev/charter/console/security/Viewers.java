package dev.charter.console.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;

/** Who is signed in to this request's session, and their token. */
@Component
public class Viewers {

    private final OAuth2AuthorizedClientRepository clients;

    public Viewers(OAuth2AuthorizedClientRepository clients) {
        this.clients = clients;
    }

    public Optional<Viewer> current(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof OAuth2AuthenticationToken oauth)) {
            return Optional.empty();
        }
        OAuth2AuthorizedClient client = clients.loadAuthorizedClient(oauth.getAuthorizedClientRegistrationId(),
                oauth, request);
        if (client == null || client.getAccessToken() == null) {
            return Optional.empty();
        }
        return Optional.of(new Viewer(oauth.getName().trim().toLowerCase(Locale.ROOT),
                client.getAccessToken().getTokenValue(), client.getAccessToken().getExpiresAt()));
    }
}
