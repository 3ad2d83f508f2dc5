package dev.charter.registry.module;

import dev.charter.registry.core.CoreMaintainers;
import dev.charter.registry.person.RegisteredPersons;

import java.util.Set;

/** Test data for the registry's aggregates. */
public final class ModuleTestSupport {

    private ModuleTestSupport() {
    }

    /** Exactly these persons are registered. */
    public static RegisteredPersons registered(String... persons) {
        return Set.of(persons)::contains;
    }

    /** Exactly these persons hold a core maintainer's seat. */
    public static CoreMaintainers coreMaintainers(String... persons) {
        return Set.of(persons)::contains;
    }
}
