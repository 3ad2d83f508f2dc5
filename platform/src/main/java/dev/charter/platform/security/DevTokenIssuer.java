package dev.charter.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The development token issuer of the local stack and the tests: signs RS256 tokens for any person with
 * a key kept in a file, so every service of the stack trusts the same tokens. Never under production.
 */
public class DevTokenIssuer {

    public static final String ISSUER = "charter-dev";
    /** The audience of its tokens, checked by its decoder like any production audience. */
    public static final String AUDIENCE = "charter";
    private static final Logger log = LoggerFactory.getLogger(DevTokenIssuer.class);

    private final RSAKey key;
    private final NimbusJwtEncoder encoder;
    private final Duration ttl;
    private final Clock clock;

    public DevTokenIssuer(Path keyFile, Duration ttl, Clock clock) {
        this.key = loadOrCreate(keyFile);
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A bearer token whose subject is the given person. */
    public String issue(String personId) {
        return issue(personId, ttl);
    }

    public String issue(String personId, Duration lifetime) {
        return issue(personId, clock.instant(), lifetime);
    }

    public String issue(String personId, Instant issuedAt, Duration lifetime) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(PersonIds.canonical(personId))
                .audience(java.util.List.of(AUDIENCE))
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(lifetime))
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    public JwtDecoder decoder() {
        try {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(ISSUER),
                    new org.springframework.security.oauth2.jwt.JwtClaimValidator<java.util.List<String>>("aud",
                            aud -> aud != null && aud.contains(AUDIENCE))));
            return decoder;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey loadOrCreate(Path keyFile) {
        try {
            if (keyFile != null && Files.exists(keyFile)) {
                return RSAKey.parse(Files.readString(keyFile, StandardCharsets.UTF_8));
            }
            RSAKey generated = new RSAKeyGenerator(2048).keyID(ISSUER).generate();
            if (keyFile == null) {
                return generated;
            }
            Path directory = keyFile.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, "dev-issuer", ".tmp");
            Files.writeString(temporary, generated.toJSONString(), StandardCharsets.UTF_8);
            try {
                Files.move(temporary, keyFile);
                log.info("Created the development token issuer's key at {}", keyFile);
                return generated;
            } catch (FileAlreadyExistsException raced) {
                Files.deleteIfExists(temporary);
                return RSAKey.parse(Files.readString(keyFile, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the development issuer key " + keyFile, e);
        } catch (JOSEException | ParseException e) {
            throw new IllegalStateException("Cannot use the development issuer key " + keyFile, e);
        }
    }
}
