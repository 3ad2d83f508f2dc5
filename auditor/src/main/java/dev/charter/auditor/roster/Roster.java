package dev.charter.auditor.roster;

import dev.charter.contracts.registry.RegistryEvent;
import dev.charter.contracts.registry.Role;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The roster rebuilt by the auditor's own code from the registry stream: persons, modules, seats held and emeritus
 * (R1, R2, R3, R14), declared conflicts of interest (R10). Apply the registry's events in chain order; the state is
 * the roster after the last one applied.
 */
public class Roster {

    /** A seat: a role, in a module for module maintainers ("" otherwise). */
    public record Seat(String personId, Role role, String moduleId) implements Comparable<Seat> {
        @Override
        public int compareTo(Seat other) {
            return (role + "|" + moduleId + "|" + personId).compareTo(other.role + "|" + other.moduleId + "|"
                    + other.personId);
        }
    }

    public record Module(String id, String name, String location, boolean retired) {
    }

    public record Conflict(String personId, String otherPersonId) {
    }

    private final Map<String, String> persons = new TreeMap<>();
    private final Map<String, String> affiliations = new TreeMap<>();
    private final Map<String, Module> modules = new TreeMap<>();
    private final Set<Seat> held = new TreeSet<>();
    private final Set<Seat> emeritus = new TreeSet<>();
    private final Map<String, Conflict> conflicts = new TreeMap<>();
    private Instant asOf = Instant.EPOCH;

    public void apply(RegistryEvent event, Instant at) {
        asOf = at;
        if (event instanceof RegistryEvent.PersonRegistered e) {
            persons.put(id(e.personId()), e.displayName());
            affiliations.put(id(e.personId()), e.affiliation());
        } else if (event instanceof RegistryEvent.AffiliationChanged e) {
            affiliations.put(id(e.personId()), e.affiliation());
        } else if (event instanceof RegistryEvent.ConflictOfInterestDeclared e) {
            conflicts.put(e.conflictId(), new Conflict(id(e.personId()), id(e.otherPersonId())));
        } else if (event instanceof RegistryEvent.ConflictOfInterestWithdrawn e) {
            conflicts.remove(e.conflictId());
        } else if (event instanceof RegistryEvent.ModuleAdded e) {
            modules.put(e.moduleId(), new Module(e.moduleId(), e.name(), e.location(), false));
        } else if (event instanceof RegistryEvent.ModuleRescoped e) {
            modules.put(e.moduleId(), new Module(e.moduleId(), e.name(), e.location(), false));
        } else if (event instanceof RegistryEvent.ModuleRetired e) {
            Module module = modules.get(e.moduleId());
            if (module != null) {
                modules.put(e.moduleId(), new Module(module.id(), module.name(), module.location(), true));
            }
        } else if (event instanceof RegistryEvent.MaintainerAppointed e) {
            Seat seat = seat(e.personId(), e.role(), e.moduleId());
            if (e.role() != Role.LEAD) {
                emeritus.remove(seat); // a reinstated emeritus
            }
            held.add(seat);
        } else if (event instanceof RegistryEvent.MaintainerRemoved e) {
            held.remove(seat(e.personId(), e.role(), e.moduleId()));
        } else if (event instanceof RegistryEvent.MovedToEmeritus e) {
            Seat seat = seat(e.personId(), e.role(), e.moduleId());
            held.remove(seat);
            emeritus.add(seat);
        }
        // settings, publications and the import marker change no seat
    }

    public Instant asOf() {
        return asOf;
    }

    public String lead() {
        return holders(Role.LEAD, "").stream().findFirst().orElse(null);
    }

    public List<String> coreMaintainers() {
        return holders(Role.CORE_MAINTAINER, "");
    }

    public List<String> coreEmeritus() {
        return emeriti(Role.CORE_MAINTAINER, "");
    }

    public List<String> maintainers(String moduleId) {
        return holders(Role.MODULE_MAINTAINER, moduleId == null ? "" : moduleId);
    }

    public List<String> moduleEmeritus(String moduleId) {
        return emeriti(Role.MODULE_MAINTAINER, moduleId);
    }

    /** The modules not retired, by id. */
    public List<Module> activeModules() {
        return modules.values().stream().filter(m -> !m.retired()).toList();
    }

    public String displayName(String personId) {
        return persons.get(personId);
    }

    public String affiliation(String personId) {
        return affiliations.get(personId);
    }

    public Collection<Conflict> conflicts() {
        return conflicts.values();
    }

    /** Everyone with a declared conflict of interest with the person (either side declared it). */
    public Set<String> conflictedWith(String personId) {
        Set<String> with = new TreeSet<>();
        for (Conflict conflict : conflicts.values()) {
            if (conflict.personId().equals(personId)) {
                with.add(conflict.otherPersonId());
            } else if (conflict.otherPersonId().equals(personId)) {
                with.add(conflict.personId());
            }
        }
        return with;
    }

    private List<String> holders(Role role, String moduleId) {
        List<String> result = new ArrayList<>();
        held.stream().filter(s -> s.role() == role && s.moduleId().equals(moduleId)).forEach(s -> result.add(s.personId()));
        return result;
    }

    private List<String> emeriti(Role role, String moduleId) {
        List<String> result = new ArrayList<>();
        emeritus.stream().filter(s -> s.role() == role && s.moduleId().equals(moduleId))
                .forEach(s -> result.add(s.personId()));
        return result;
    }

    private static Seat seat(String personId, Role role, String moduleId) {
        return new Seat(id(personId), role, role == Role.MODULE_MAINTAINER && moduleId != null ? moduleId : "");
    }

    static String id(String personId) {
        return personId == null ? null : personId.trim().toLowerCase(Locale.ROOT);
    }
}
