package dev.charter.nomination.roster;

import dev.charter.contracts.registry.NominationProcess;
import dev.charter.contracts.registry.Role;
import dev.charter.nomination.Columns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads this service's copy of the roster (see {@link dev.charter.platform.roster.RosterCopy}). */
@Component
public class Roster {

    private final JdbcClient jdbc;

    public Roster(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The person's standing now; a person the registry does not know stands outside every body. */
    public PersonStanding standing(String personId) {
        boolean registered = jdbc.sql("SELECT count(*) FROM roster_person WHERE person_id = ?").param(personId)
                .query(Integer.class).single() > 0;
        boolean lead = false;
        boolean core = false;
        Set<String> modules = new HashSet<>();
        for (Seat seat : seats(personId)) {
            switch (seat.role()) {
                case LEAD -> lead = true;
                case CORE_MAINTAINER -> core = true;
                case MODULE_MAINTAINER -> modules.add(seat.moduleId());
            }
        }
        return new PersonStanding(personId, registered, lead, core, modules);
    }

    /** The lead now, if the seat is filled. */
    public Optional<String> lead() {
        return jdbc.sql("SELECT person_id FROM roster_seat WHERE role = 'LEAD' ORDER BY person_id")
                .query(String.class).list().stream().findFirst();
    }

    /** The core maintainers now (the lead among them), by id. */
    public List<String> coreMaintainers() {
        return jdbc.sql("SELECT person_id FROM roster_seat WHERE role = 'CORE_MAINTAINER' ORDER BY person_id")
                .query(String.class).list();
    }

    public Optional<ModuleFacts> module(String moduleId) {
        return jdbc.sql("SELECT * FROM roster_module WHERE module_id = ?").param(moduleId)
                .query((rs, n) -> new ModuleFacts(rs.getString("module_id"), rs.getString("name"),
                        "ACTIVE".equals(rs.getString("status")),
                        NominationProcess.valueOf(rs.getString("nomination_process")),
                        Columns.decisionRule(rs, "decision")))
                .optional();
    }

    /** The persons who declared a conflict of interest with the person, or with whom they declared one (R10). */
    public List<String> conflictedWith(String personId) {
        return jdbc.sql("""
                        SELECT other_person_id FROM roster_conflict WHERE person_id = :p
                        UNION SELECT person_id FROM roster_conflict WHERE other_person_id = :p
                        ORDER BY 1""")
                .param("p", personId).query(String.class).list();
    }

    private List<Seat> seats(String personId) {
        return jdbc.sql("SELECT role, module_id FROM roster_seat WHERE person_id = ?").param(personId)
                .query((rs, n) -> new Seat(Role.valueOf(rs.getString(1)), rs.getString(2))).list();
    }

    private record Seat(Role role, String moduleId) {
    }
}
