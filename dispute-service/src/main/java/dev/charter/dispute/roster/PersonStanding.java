package dev.charter.dispute.roster;

import java.util.Set;
import java.util.TreeSet;

/**
 * A person's place in the roster when they act, as this service's copy of the registry has it; commands carry
 * it, so the aggregates decide on values.
 *
 * @param modules the modules they maintain
 */
public record PersonStanding(String personId, boolean lead, boolean coreMaintainer, Set<String> modules) {

    public PersonStanding {
        modules = Set.copyOf(new TreeSet<>(modules == null ? Set.of() : modules));
    }

    /** Someone who holds no seat. */
    public static PersonStanding withoutSeat(String personId) {
        return new PersonStanding(personId, false, false, Set.of());
    }

    /** A core maintainer (the lead is one, R1). */
    public boolean core() {
        return lead || coreMaintainer;
    }

    /** A core or module maintainer. */
    public boolean maintainer() {
        return core() || !modules.isEmpty();
    }

    public boolean maintains(String moduleId) {
        return modules.contains(moduleId);
    }
}
