package dev.charter.platform.security;

import dev.charter.platform.web.GovernanceException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Person ids are GitHub-style handles of individuals, compared case-insensitively and stored lower-case
 * (DESIGN §1). A team or organisation handle ({@code org/team}) is not a person (R2).
 */
public final class PersonIds {

    private static final Pattern HANDLE = Pattern.compile("[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){0,38}");

    private PersonIds() {
    }

    public static String normalize(String handle) {
        if (handle == null) {
            throw new GovernanceException.BadInput("invalid-person-id", "A person id is required.");
        }
        String id = handle.trim().toLowerCase(Locale.ROOT);
        if (id.startsWith("@")) {
            id = id.substring(1);
        }
        if (!HANDLE.matcher(id).matches()) {
            throw new GovernanceException.BadInput("invalid-person-id",
                    "'" + handle + "' is not a GitHub-style handle of an individual (R2).");
        }
        return id;
    }
}
