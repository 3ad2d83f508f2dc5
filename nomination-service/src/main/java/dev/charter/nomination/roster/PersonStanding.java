package dev.charter.nomination.roster;

import dev.charter.contracts.nominations.DossierAuthor;
import dev.charter.contracts.nominations.Standing;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A person's place in the roster at one moment, as this service's copy of the registry has it.
 *
 * @param registered whether the registry knows the person (only registered individuals hold seats, R2)
 * @param modules    the modules they maintain
 */
public record PersonStanding(String personId, boolean registered, boolean lead, boolean coreMaintainer,
                             Set<String> modules) {

    public PersonStanding {
        modules = Set.copyOf(new TreeSet<>(modules == null ? Set.of() : modules));
    }

    /** Someone the roster does not know: no seat. */
    public static PersonStanding outsider(String personId) {
        return new PersonStanding(personId, false, false, false, Set.of());
    }

    public Standing standing() {
        if (lead) {
            return Standing.LEAD;
        }
        if (coreMaintainer) {
            return Standing.CORE_MAINTAINER;
        }
        return modules.isEmpty() ? Standing.COMMUNITY : Standing.MODULE_MAINTAINER;
    }

    /** A core or module maintainer (the lead is a core maintainer). */
    public boolean maintainer() {
        return lead || coreMaintainer || !modules.isEmpty();
    }

    public boolean maintains(String moduleId) {
        return modules.contains(moduleId);
    }

    /** As recorded on what they add to a dossier: their role at this moment. */
    public DossierAuthor asAuthor() {
        return new DossierAuthor(personId, standing(), List.copyOf(new TreeSet<>(modules)));
    }
}
