package dev.charter.platform.security;

import dev.charter.platform.config.CharterProperties;

/**
 * Who runs a service's operations — rebuilding a read model (admin API), re-publishing a parked event and re-driving
 * a dead letter (actuator, management port): the persons listed in {@code charter.operators}. With none listed, any
 * authenticated person while the development token issuer is on (the local stack and the tests), nobody otherwise —
 * the development issuer can never be on in production.
 */
public final class Operators {

    private Operators() {
    }

    public static boolean isOperator(CharterProperties properties, String person) {
        String id = PersonIds.canonical(person);
        if (id == null) {
            return false;
        }
        if (properties.getOperators().isEmpty()) {
            return properties.getSecurity().getDevIssuer().isEnabled();
        }
        return properties.getOperators().stream().map(PersonIds::canonical).anyMatch(id::equals);
    }
}
