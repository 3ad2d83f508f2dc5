package dev.charter.dispute.decision;

import dev.charter.contracts.disputes.DecisionKind;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * Charter's ids of module-level decisions: {@code <kind>:<id on its stream>} (DESIGN §7), so the same decision
 * always has the same id, and one veto per decision can be derived from it.
 */
public final class DecisionIds {

    private DecisionIds() {
    }

    public static String motion(String ballotId) {
        return prefix(DecisionKind.MOTION) + ballotId;
    }

    public static String nomination(String nominationId) {
        return prefix(DecisionKind.MODULE_NOMINATION) + nominationId;
    }

    public static String settings(String registryEventId) {
        return prefix(DecisionKind.SETTINGS_CHANGE) + registryEventId;
    }

    public static String publication(String publicationId) {
        return prefix(DecisionKind.PUBLICATION) + publicationId;
    }

    /** An external decision is the same decision for the same module and URL. */
    public static String external(String moduleId, String url) {
        return prefix(DecisionKind.EXTERNAL) + UUID.nameUUIDFromBytes((moduleId + "|" + url)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The kind an id names, or null when it names none. */
    public static DecisionKind kindOf(String decisionId) {
        for (DecisionKind kind : DecisionKind.values()) {
            if (decisionId != null && decisionId.startsWith(prefix(kind))) {
                return kind;
            }
        }
        return null;
    }

    /** The id on its stream: the ballot, nomination, registry event or publication id. */
    public static String localId(String decisionId) {
        return decisionId.substring(decisionId.indexOf(':') + 1);
    }

    private static String prefix(DecisionKind kind) {
        return switch (kind) {
            case MODULE_NOMINATION -> "nomination:";
            case SETTINGS_CHANGE -> "settings:";
            default -> kind.name().toLowerCase(Locale.ROOT) + ":";
        };
    }
}
