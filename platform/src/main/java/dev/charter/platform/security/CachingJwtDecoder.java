package dev.charter.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Decodes a bearer token once and remembers the result for the same token string, so that a client sending many
 * writes with one token does not pay the RSA signature check and the claim validation on every request. The key is
 * the whole token (header, claims and signature): a different signature is a different token, decoded and checked
 * by the delegate. An entry lives at most {@code ttl} and never past the token's {@code exp}: an expired token is
 * decoded again, and the delegate refuses it. Only tokens the delegate accepted are remembered; a refusal is not.
 * Bounded in size.
 */
public final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final Clock clock;
    private final Cache<String, Jwt> decoded;

    public CachingJwtDecoder(JwtDecoder delegate, long maximumSize, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
        this.decoded = Caffeine.newBuilder().maximumSize(maximumSize)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> lifetime(jwt, ttl)))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = decoded.getIfPresent(token);
        if (jwt != null && !expired(jwt)) {
            return jwt;
        }
        jwt = delegate.decode(token);
        decoded.put(token, jwt);
        return jwt;
    }

    private boolean expired(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt != null && !clock.instant().isBefore(expiresAt);
    }

    private Duration lifetime(Jwt jwt, Duration ttl) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return ttl;
        }
        Duration left = Duration.between(clock.instant(), expiresAt);
        return left.isNegative() ? Duration.ZERO : left.compareTo(ttl) < 0 ? left : ttl;
    }
}
