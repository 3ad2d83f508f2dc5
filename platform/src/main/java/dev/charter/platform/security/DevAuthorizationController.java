package dev.charter.platform.security;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The development issuer as a minimal OAuth2 authorization server, so a web client such as the console signs
 * people in with the ordinary authorization-code flow (with PKCE) instead of handing out raw tokens:
 * {@code GET /dev/authorize} (the person to sign in as comes as {@code login_hint}, or is typed into a small
 * form), {@code POST /dev/oauth/token} (the code for a bearer token of {@link DevTokenIssuer}) and
 * {@code GET /dev/userinfo} (the token's subject). Like {@link DevTokenController} it exists only where the
 * development issuer is switched on, never under production; it asks for no password, so it redirects only
 * to loopback addresses.
 */
@RestController
public class DevAuthorizationController {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(2);
    private static final Pattern HANDLE = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}");
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    /** An issued code: who signs in, where the code may be redeemed, the PKCE challenge, until when. */
    private record Grant(String subject, String redirectUri, String challenge, String challengeMethod,
                         Instant expiresAt) {
    }

    private final DevTokenIssuer issuer;
    private final Duration tokenTtl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    public DevAuthorizationController(DevTokenIssuer issuer, Duration tokenTtl, Clock clock) {
        this.issuer = issuer;
        this.tokenTtl = tokenTtl;
        this.clock = clock;
    }

    @GetMapping(path = "/dev/authorize")
    public ResponseEntity<String> authorize(@RequestParam(name = "response_type", required = false) String responseType,
                                            @RequestParam(name = "client_id", required = false) String clientId,
                                            @RequestParam(name = "redirect_uri", required = false) String redirectUri,
                                            @RequestParam(name = "state", required = false) String state,
                                            @RequestParam(name = "scope", required = false) String scope,
                                            @RequestParam(name = "code_challenge", required = false) String challenge,
                                            @RequestParam(name = "code_challenge_method", required = false) String challengeMethod,
                                            @RequestParam(name = "login_hint", required = false) String loginHint) {
        if (redirectUri == null || !loopback(redirectUri)) {
            return page(HttpStatus.BAD_REQUEST, "<p>The development issuer redirects only to a loopback address "
                    + "(localhost); <code>redirect_uri</code> is missing or is not one.</p>");
        }
        if (!"code".equals(responseType)) {
            return redirect(redirectUri, Map.of("error", "unsupported_response_type", "state", nullToEmpty(state)));
        }
        if (loginHint == null || !HANDLE.matcher(loginHint.trim()).matches()) {
            return page(HttpStatus.OK, form(clientId, redirectUri, state, scope, challenge, challengeMethod, loginHint));
        }
        purgeExpired();
        String code = randomToken();
        grants.put(code, new Grant(PersonIds.canonical(loginHint), redirectUri, challenge,
                challengeMethod == null ? "plain" : challengeMethod, clock.instant().plus(CODE_LIFETIME)));
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("code", code);
        if (state != null) {
            parameters.put("state", state);
        }
        return redirect(redirectUri, parameters);
    }

    @PostMapping(path = "/dev/oauth/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> token(@RequestParam(name = "grant_type", required = false) String grantType,
                                                     @RequestParam(name = "code", required = false) String code,
                                                     @RequestParam(name = "redirect_uri", required = false) String redirectUri,
                                                     @RequestParam(name = "code_verifier", required = false) String verifier) {
        if (!"authorization_code".equals(grantType)) {
            return oauthError("unsupported_grant_type", "Only the authorization_code grant is supported.");
        }
        Grant grant = code == null ? null : grants.remove(code);
        if (grant == null || grant.expiresAt().isBefore(clock.instant())) {
            return oauthError("invalid_grant", "The code is unknown, used or expired.");
        }
        if (!grant.redirectUri().equals(redirectUri)) {
            return oauthError("invalid_grant", "redirect_uri differs from the authorization request's.");
        }
        if (grant.challenge() != null && !challengeMet(grant, verifier)) {
            return oauthError("invalid_grant", "The PKCE code_verifier does not match the code_challenge.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issuer.issue(grant.subject(), tokenTtl));
        body.put("token_type", "Bearer");
        body.put("expires_in", tokenTtl.toSeconds());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    /** The subject of the bearer token the security filters verified. */
    @GetMapping(path = "/dev/userinfo", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> userInfo() {
        return Actors.current()
                .<ResponseEntity<Map<String, Object>>>map(subject -> ResponseEntity.ok(Map.of("sub", subject)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
    }

    static boolean loopback(String uri) {
        try {
            URI parsed = URI.create(uri);
            return ("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme()))
                    && parsed.getHost() != null && LOOPBACK.contains(parsed.getHost());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean challengeMet(Grant grant, String verifier) {
        if (verifier == null) {
            return false;
        }
        if ("plain".equals(grant.challengeMethod())) {
            return grant.challenge().equals(verifier);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return "S256".equals(grant.challengeMethod())
                    && Base64.getUrlEncoder().withoutPadding().encodeToString(digest).equals(grant.challenge());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void purgeExpired() {
        Instant now = clock.instant();
        grants.values().removeIf(grant -> grant.expiresAt().isBefore(now));
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static ResponseEntity<String> redirect(String redirectUri, Map<String, String> parameters) {
        UriComponentsBuilder target = UriComponentsBuilder.fromUriString(redirectUri);
        parameters.forEach(target::queryParam);
        return ResponseEntity.status(HttpStatus.FOUND).location(target.encode().build().toUri()).build();
    }

    private static ResponseEntity<Map<String, Object>> oauthError(String error, String description) {
        return ResponseEntity.badRequest().cacheControl(CacheControl.noStore())
                .body(Map.of("error", error, "error_description", description));
    }

    private static ResponseEntity<String> page(HttpStatus status, String content) {
        String html = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
                <title>Sign in — Charter development issuer</title></head>
                <body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem">
                <h1>Sign in (development issuer)</h1>
                %s
                </body></html>
                """.formatted(content);
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore()).body(html);
    }

    private static String form(String clientId, String redirectUri, String state, String scope, String challenge,
                               String challengeMethod, String loginHint) {
        StringBuilder hidden = new StringBuilder();
        hidden(hidden, "response_type", "code");
        hidden(hidden, "client_id", clientId);
        hidden(hidden, "redirect_uri", redirectUri);
        hidden(hidden, "state", state);
        hidden(hidden, "scope", scope);
        hidden(hidden, "code_challenge", challenge);
        hidden(hidden, "code_challenge_method", challengeMethod);
        return """
                <p>This issuer of the local stack signs anyone in, without a password. Never use it in production.</p>
                <form method="get" action="/dev/authorize">%s
                <p><label for="login_hint">Sign in as (a person's handle)</label>
                <input id="login_hint" name="login_hint" required autofocus value="%s"
                       pattern="[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}"></p>
                <p><button type="submit">Sign in</button></p>
                </form>
                """.formatted(hidden, HtmlUtils.htmlEscape(nullToEmpty(loginHint)));
    }

    private static void hidden(StringBuilder html, String name, String value) {
        if (value != null) {
            html.append("\n<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                    .append(HtmlUtils.htmlEscape(value)).append("\">");
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
