package dev.charter.platform.roster;

import dev.charter.contracts.nominations.Standing;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * A person's place in the roster now, as the service's roster copy has it.
 *
 * @param registered     whether the registry knows the person (only registered individuals hold seats, R2)
 * @param lead           holds the lead seat (R1: the lead is also a core maintainer)
 * @param coreMaintainer holds a core maintainer's seat
 * @param modules        the modules whose maintainer groups they sit in, sorted
 */
public record PersonStanding(String personId, boolean registered, boolean lead, boolean coreMaintainer,
                             Set<String> modules) {

    public PersonStanding {
        modules = Collections.unmodifiableSortedSet(new TreeSet<>(modules == null ? Set.of() : modules));
    }

    /** Someone the roster does not know: no seat. */
    public static PersonStanding outsider(String personId) {
        return new PersonStanding(personId, false, false, false, Set.of());
    }

    /** Their highest seat: the lead, a core maintainer, a module maintainer, or none (community). */
    public Standing standing() {
        if (lead) {
            return Standing.LEAD;
        }
        if (coreMaintainer) {
            return Standing.CORE_MAINTAINER;
        }
        return modules.isEmpty() ? Standing.COMMUNITY : Standing.MODULE_MAINTAINER;
    }

    /** A core maintainer; the lead is one (R1). */
    public boolean core() {
        return lead || coreMaintainer;
    }

    /** A core or module maintainer (the lead is a core maintainer). */
    public boolean maintainer() {
        return core() || !modules.isEmpty();
    }

    public boolean maintains(String moduleId) {
        return modules.contains(moduleId);
    }
}
