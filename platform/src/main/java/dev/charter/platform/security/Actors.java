package dev.charter.platform.security;

import dev.charter.platform.web.GovernanceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Optional;

/**
 * The authenticated person: the bearer token's person claim ({@code sub} unless
 * {@code spring.security.oauth2.resourceserver.jwt.principal-claim-name} names another), lower-cased like every
 * person id.
 */
public final class Actors {

    private Actors() {
    }

    public static Optional<String> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt && jwt.getName() != null) {
            return Optional.ofNullable(PersonIds.canonical(jwt.getName()));
        }
        return Optional.empty();
    }

    /** The acting person of a write; security lets no unauthenticated write through, so this is a safeguard. */
    public static String require() {
        return current().orElseThrow(() ->
                new GovernanceException.NotAllowed("unauthenticated", null, "A write needs an authenticated person."));
    }
}
