package dev.charter.dispute.roster;

import java.util.Optional;

/** The roster facts this service needs, read from its copy of the registry. */
public interface Roster {

    /** The person's seats now; someone the roster does not know holds none. */
    PersonStanding standing(String personId);

    Optional<ModuleFacts> module(String moduleId);
}
