package dev.charter.platform.roster;

import dev.charter.platform.web.GovernanceException;

import java.util.Locale;
import java.util.regex.Pattern;

/** Module ids (R3): lower-case letters, digits, '.', '_' or '-', at most 64, compared and stored lower-case. */
public final class ModuleIds {

    private static final Pattern MODULE_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private ModuleIds() {
    }

    /** The stored form of a module id; anything else is a 400. */
    public static String normalize(String id) {
        String normalized = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        if (!MODULE_ID.matcher(normalized).matches()) {
            throw new GovernanceException.BadInput("invalid-module-id",
                    "'" + id + "' is not a module id (lower-case letters, digits, '.', '_' or '-', at most 64).");
        }
        return normalized;
    }

    /** The stored form of an id that needs no check, such as a filter: trimmed, lower-case; null for null or blank. */
    public static String canonical(String id) {
        return id == null || id.isBlank() ? null : id.trim().toLowerCase(Locale.ROOT);
    }
}
