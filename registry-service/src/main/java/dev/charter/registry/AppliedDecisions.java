package dev.charter.registry;

import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.registry.RegistryEvent.MaintainerAppointed;
import dev.charter.contracts.registry.RegistryEvent.MaintainerRemoved;
import dev.charter.contracts.registry.RegistryEvent.ModuleAdded;
import dev.charter.contracts.registry.RegistryEvent.ModuleRescoped;
import dev.charter.contracts.registry.RegistryEvent.ModuleRetired;
import dev.charter.contracts.registry.RegistryEvent.MovedToEmeritus;
import dev.charter.contracts.registry.RegistryEvent;
import dev.charter.contracts.registry.Role;
import org.axonframework.modelling.command.AggregateLifecycle;

import java.util.HashSet;
import java.util.Set;

/**
 * The decisions an aggregate has applied to seats (appointments, removals, emeritus) and to a module (its
 * addition, re-scoping and retirement, R15), so
 * that the same decision applied again changes nothing. A decision's key is derived from the event that applies
 * it — what happened, to which seat and person, by which decision — so a command handler asks with the event it
 * would apply, and the event-sourcing handler records the event that was applied: one derivation for both.
 */
public final class AppliedDecisions {

    private final Set<String> keys = new HashSet<>();

    /**
     * Applies the event of a seat decision after its checks, unless the same decision was applied already: then
     * nothing happens and the checks do not run (a decision re-delivered after it took effect is no error).
     */
    public void applyOnce(RegistryEvent event, Runnable checks) {
        if (contains(event)) {
            return; // the same decision again: already applied
        }
        checks.run();
        AggregateLifecycle.apply(event);
    }

    /** Whether the decision this event carries was applied already, with the same effect. */
    public boolean contains(RegistryEvent event) {
        return keys.contains(key(event));
    }

    /** Records an applied event (from an event-sourcing handler). */
    public void record(RegistryEvent event) {
        keys.add(key(event));
    }

    /** The bootstrap import, which may record past maintainers as emeritus directly. */
    public static boolean isBootstrap(DecisionRef decision) {
        return decision != null && DecisionRef.BOOTSTRAP.equals(decision.source());
    }

    static String key(RegistryEvent event) {
        if (event instanceof MaintainerAppointed e) {
            return key("appointed", e.role(), e.moduleId(), e.personId(), e.decision());
        }
        if (event instanceof MaintainerRemoved e) {
            return key("removed", e.role(), e.moduleId(), e.personId(), e.decision());
        }
        if (event instanceof MovedToEmeritus e) {
            return key("emeritus", e.role(), e.moduleId(), e.personId(), e.decision());
        }
        if (event instanceof ModuleRetired e) {
            return key("retired", null, e.moduleId(), null, e.decision());
        }
        if (event instanceof ModuleAdded e) {
            return key("added", null, e.moduleId(), null, e.decision());
        }
        if (event instanceof ModuleRescoped e) {
            return key("rescoped", null, e.moduleId(), null, e.decision());
        }
        throw new IllegalArgumentException(event.getClass().getSimpleName() + " applies no seat decision");
    }

    private static String key(String change, Role role, String moduleId, String personId, DecisionRef decision) {
        String id = decision == null ? "none"
                : decision.source() + ":" + (decision.eventId() != null ? decision.eventId() : decision.reference());
        return change + "|" + role + "|" + moduleId + "|" + personId + "|" + id;
    }
}
