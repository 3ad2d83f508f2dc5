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

    /** The stored form of a handle; a handle that is not an individual's is a 400. */
    public static String normalize(String handle) {
        if (handle == null) {
            throw new GovernanceException.BadInput("invalid-person-id", "A person id is required.");
        }
        String id = lowerCase(handle);
        if (!HANDLE.matcher(id).matches()) {
            throw new GovernanceException.BadInput("invalid-person-id",
                    "'" + handle + "' is not a GitHub-style handle of an individual (R2).");
        }
        return id;
    }

    /**
     * The stored form of an id that needs no check, such as a filter or a comparison: trimmed, lower-case,
     * without a leading {@code @}; null for null or blank.
     */
    public static String canonical(String handle) {
        return handle == null || handle.isBlank() ? null : lowerCase(handle);
    }

    private static String lowerCase(String handle) {
        String id = handle.trim().toLowerCase(Locale.ROOT);
        return id.startsWith("@") ? id.substring(1) : id;
    }
}
