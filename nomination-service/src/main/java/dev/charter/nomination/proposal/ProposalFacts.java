package dev.charter.nomination.proposal;

import dev.charter.platform.roster.ModuleFacts;
import dev.charter.platform.roster.PersonStanding;
import dev.charter.platform.roster.RosterReader;

import java.util.List;

/**
 * What the roster said when a module proposal was submitted, as far as its checks depend on it (read from this
 * service's roster copy and carried by the command).
 *
 * @param module             the module named, or null when the roster has no such module
 * @param initialMaintainers the standing of each proposed initial maintainer, in the order proposed
 */
public record ProposalFacts(ModuleFacts module, List<PersonStanding> initialMaintainers) {

    public ProposalFacts {
        initialMaintainers = initialMaintainers == null ? List.of() : List.copyOf(initialMaintainers);
    }

    /** The facts as the roster copy has them now. */
    public static ProposalFacts read(RosterReader roster, String moduleId, List<String> initialMaintainers) {
        return new ProposalFacts(roster.module(moduleId).orElse(null),
                initialMaintainers.stream().map(roster::standing).toList());
    }
}
