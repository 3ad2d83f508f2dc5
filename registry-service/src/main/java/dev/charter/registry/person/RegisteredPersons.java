package dev.charter.registry.person;

import dev.charter.platform.web.GovernanceException;

/** Whether a person is registered: what aggregates need to know before giving a seat (R2). */
@FunctionalInterface
public interface RegisteredPersons {

    boolean isRegistered(String personId);

    /** R2: only registered individuals hold seats. */
    default void requireRegisteredIndividual(String personId) {
        if (!isRegistered(personId)) {
            throw new GovernanceException.RuleViolation("not-a-registered-person", "R2",
                    "Only registered individuals hold seats; '" + personId + "' is not registered.");
        }
    }
}
