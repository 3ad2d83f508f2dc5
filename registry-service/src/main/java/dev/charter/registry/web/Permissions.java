package dev.charter.registry.web;

import dev.charter.contracts.registry.Role;
import dev.charter.platform.web.GovernanceException;
import dev.charter.registry.RegistryProperties;
import dev.charter.registry.roster.RosterQueries;
import org.springframework.stereotype.Component;

/** Who may make which registry write, decided from the current roster (DESIGN §5). */
@Component
public class Permissions {

    private final RosterQueries roster;
    private final RegistryProperties properties;

    public Permissions(RosterQueries roster, RegistryProperties properties) {
        this.roster = roster;
        this.properties = properties;
    }

    public boolean isCoreMaintainer(String actor) {
        return roster.holdsSeatNow(actor, Role.CORE_MAINTAINER, null);
    }

    /** The person themselves, or a core maintainer. */
    public void requireSelfOrCore(String actor, String personId, String what) {
        if (!actor.equals(personId) && !isCoreMaintainer(actor)) {
            throw new GovernanceException.NotAllowed("not-allowed", null,
                    "Only " + personId + " or a core maintainer may " + what + ".");
        }
    }

    /** One of the two persons of a conflict of interest, or a core maintainer. */
    public void requireEitherOrCore(String actor, String personId, String otherPersonId, String what) {
        if (!actor.equals(personId) && !actor.equals(otherPersonId) && !isCoreMaintainer(actor)) {
            throw new GovernanceException.NotAllowed("not-allowed", "R10",
                    "Only " + personId + ", " + otherPersonId + " or a core maintainer may " + what + ".");
        }
    }

    /** A maintainer of the module, or a core maintainer (who oversee every module). */
    public void requireModuleMaintainerOrCore(String actor, String moduleId, String rule, String what) {
        if (!roster.holdsSeatNow(actor, Role.MODULE_MAINTAINER, moduleId) && !isCoreMaintainer(actor)) {
            throw new GovernanceException.NotAllowed("not-a-maintainer", rule,
                    "Only a maintainer of module " + moduleId + " or a core maintainer may " + what + ".");
        }
    }

    /** The configured bootstrap operators; anyone authenticated when none is configured. */
    public void requireBootstrapOperator(String actor) {
        if (!properties.bootstrapOperators().isEmpty() && !properties.bootstrapOperators().contains(actor)) {
            throw new GovernanceException.NotAllowed("not-an-operator", null,
                    "Only the configured bootstrap operators may import a roster.");
        }
    }
}
