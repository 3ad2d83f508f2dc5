package dev.charter.platform.security;

import dev.charter.platform.web.GovernanceException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.regex.Pattern;

/**
 * {@code GET /dev/token?sub=<person>}: a bearer token for any person, from the development issuer.
 * Exists only where the development issuer is switched on (never under production).
 */
@RestController
public class DevTokenController {

    private static final Pattern HANDLE = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}");
    private final DevTokenIssuer issuer;

    public DevTokenController(DevTokenIssuer issuer) {
        this.issuer = issuer;
    }

    @GetMapping(path = "/dev/token", produces = MediaType.TEXT_PLAIN_VALUE)
    public String token(@RequestParam("sub") String subject) {
        if (!HANDLE.matcher(subject).matches()) {
            throw new GovernanceException.BadInput("invalid-subject", "'sub' must be a GitHub-style handle.");
        }
        return issuer.issue(subject);
    }
}
