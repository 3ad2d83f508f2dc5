package dev.charter.registry.roles;

import dev.charter.contracts.DecisionRef;

/** Keys that recognise a decision already applied to a seat, so a re-applied decision changes nothing. */
public final class Decisions {

    private Decisions() {
    }

    public static String key(String action, String personId, DecisionRef decision) {
        String id = decision == null ? "none"
                : decision.source() + ":" + (decision.eventId() != null ? decision.eventId() : decision.reference());
        return action + "|" + personId + "|" + id;
    }

    public static boolean isBootstrap(DecisionRef decision) {
        return decision != null && DecisionRef.BOOTSTRAP.equals(decision.source());
    }
}
