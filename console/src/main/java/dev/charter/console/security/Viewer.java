package dev.charter.console.security;

import java.time.Instant;

/**
 * The person signed in to the console, with the bearer token the identity provider gave them; the console
 * passes it to the services, which decide what the person may do.
 *
 * @param personId  the token's subject, a person id
 * @param token     the bearer token
 * @param expiresAt when the token expires (null when the provider did not say)
 */
public record Viewer(String personId, String token, Instant expiresAt) {

    public boolean expired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    @Override
    public String toString() {
        return "Viewer[" + personId + "]";
    }
}
