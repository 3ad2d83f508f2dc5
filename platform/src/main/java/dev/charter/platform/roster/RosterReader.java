package dev.charter.platform.roster;

import dev.charter.contracts.registry.ConflictKind;
import dev.charter.contracts.registry.NominationProcess;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.platform.jdbc.Columns;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads the service's roster copy, which {@link RosterCopy} writes: the one way a service asks who holds which
 * seat now, how a module's group decides, and who declared a conflict with whom. Its answers are typed records;
 * the tables are the platform's own ({@code roster_*}), so no service queries them itself. Person ids are
 * compared as the registry publishes them (lower-case handles); lists are sorted.
 */
public class RosterReader {

    private final JdbcClient jdbc;

    public RosterReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The person's standing now; a person the registry does not know stands outside every body. */
    public PersonStanding standing(String personId) {
        boolean registered = jdbc.sql("SELECT EXISTS (SELECT 1 FROM roster_person WHERE person_id = ?)")
                .param(personId).query(Boolean.class).single();
        boolean lead = false;
        boolean core = false;
        TreeSet<String> modules = new TreeSet<>();
        for (Seat seat : seats(personId)) {
            switch (seat.role()) {
                case LEAD -> lead = true;
                case CORE_MAINTAINER -> core = true;
                case MODULE_MAINTAINER -> modules.add(seat.moduleId());
            }
        }
        return new PersonStanding(personId, registered, lead, core, modules);
    }

    /** The lead now, if the seat is filled (R1). */
    public Optional<String> lead() {
        return jdbc.sql("SELECT person_id FROM roster_seat WHERE role = 'LEAD' ORDER BY person_id LIMIT 1")
                .query(String.class).optional();
    }

    /** The core maintainers now, the lead among them (R1). */
    public List<String> coreMaintainers() {
        return holders(Role.CORE_MAINTAINER, RosterCopy.moduleKey(null));
    }

    /** The maintainer group of one module now (R1); empty for a module nobody maintains or nobody knows. */
    public List<String> moduleMaintainers(String moduleId) {
        return holders(Role.MODULE_MAINTAINER, RosterCopy.moduleKey(moduleId));
    }

    /** The core maintainers together with the maintainers of the given modules, each once (R17). */
    public List<String> coreAndModuleMaintainers(Collection<String> moduleIds) {
        TreeSet<String> members = new TreeSet<>(coreMaintainers());
        if (moduleIds != null) {
            moduleIds.forEach(module -> members.addAll(moduleMaintainers(module)));
        }
        return List.copyOf(members);
    }

    /**
     * The members of a body now: the core maintainers, one module's group ({@code moduleId}), the lead alone, or
     * the core maintainers with the groups of the {@code affectedModules}.
     */
    public List<String> members(BallotBody body, String moduleId, Collection<String> affectedModules) {
        return switch (body) {
            case CORE_MAINTAINERS -> coreMaintainers();
            case MODULE_MAINTAINERS -> moduleMaintainers(moduleId);
            case LEAD -> lead().map(List::of).orElse(List.of());
            case CORE_AND_AFFECTED_MODULES -> coreAndModuleMaintainers(affectedModules);
        };
    }

    /** One module, active or retired, with its group's settings. */
    public Optional<ModuleFacts> module(String moduleId) {
        return jdbc.sql("SELECT * FROM roster_module WHERE module_id = ?").param(moduleId)
                .query((rs, n) -> module(rs)).optional();
    }

    /** Every module the copy knows, active and retired, by id. */
    public List<ModuleFacts> modules() {
        return jdbc.sql("SELECT * FROM roster_module ORDER BY module_id").query((rs, n) -> module(rs)).list();
    }

    /** The conflicts of interest in force that involve any of the persons, whichever side declared them (R10). */
    public List<DeclaredConflict> conflictsOf(Collection<String> personIds) {
        if (personIds == null || personIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT conflict_id, person_id, other_person_id, kind FROM roster_conflict
                        WHERE person_id IN (:persons) OR other_person_id IN (:persons) ORDER BY conflict_id""")
                .param("persons", List.copyOf(personIds))
                .query((rs, n) -> new DeclaredConflict(rs.getString("conflict_id"), rs.getString("person_id"),
                        rs.getString("other_person_id"), ConflictKind.valueOf(rs.getString("kind"))))
                .list();
    }

    /** The persons with whom the person has a conflict of interest in force, whichever side declared it (R10). */
    public List<String> conflictedWith(String personId) {
        return conflictsOf(List.of(personId)).stream().map(conflict -> conflict.counterpartOf(personId)).distinct()
                .sorted().toList();
    }

    private List<String> holders(Role role, String moduleKey) {
        return jdbc.sql("SELECT person_id FROM roster_seat WHERE role = ? AND module_id = ? ORDER BY person_id")
                .params(role.name(), moduleKey).query(String.class).list();
    }

    private List<Seat> seats(String personId) {
        return jdbc.sql("SELECT role, module_id FROM roster_seat WHERE person_id = ?").param(personId)
                .query((rs, n) -> new Seat(Role.valueOf(rs.getString("role")), rs.getString("module_id"))).list();
    }

    private static ModuleFacts module(ResultSet rs) throws SQLException {
        return new ModuleFacts(rs.getString("module_id"), rs.getString("name"),
                ModuleFacts.Status.valueOf(rs.getString("status")),
                NominationProcess.valueOf(rs.getString("nomination_process")), Columns.decisionRule(rs, "decision"),
                Columns.intOrNull(rs, "inactivity_period_days"));
    }

    private record Seat(Role role, String moduleId) {
    }
}
