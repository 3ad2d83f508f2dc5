package dev.charter.voting.roster;

import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.contracts.voting.ThresholdBase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Reads this service's copy of the registry: the members of a body now, the lead, conflicts, group rules. */
@Component
public class RosterQueries {

    /** A module known to the roster copy, with its group's decision rule (R4). */
    public record ModuleView(String moduleId, String name, boolean retired, DecisionRule decisionRule) {
    }

    private final JdbcClient jdbc;

    public RosterQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The body as seated now, with the lead and the conflicts that involve a person concerned. */
    public BodySnapshot snapshot(BallotBody body, String moduleId, List<String> affectedModules,
                                 Collection<String> personsConcerned) {
        return new BodySnapshot(members(body, moduleId, affectedModules), lead().orElse(null),
                conflictsOf(personsConcerned));
    }

    /** The seated members of a body, sorted. */
    public List<String> members(BallotBody body, String moduleId, List<String> affectedModules) {
        TreeSet<String> members = new TreeSet<>();
        switch (body) {
            case CORE_MAINTAINERS -> members.addAll(holders(Role.CORE_MAINTAINER, ""));
            case MODULE_MAINTAINERS -> members.addAll(holders(Role.MODULE_MAINTAINER, moduleId));
            case LEAD -> lead().ifPresent(members::add);
            case CORE_AND_AFFECTED_MODULES -> {
                members.addAll(holders(Role.CORE_MAINTAINER, ""));
                affectedModules.forEach(module -> members.addAll(holders(Role.MODULE_MAINTAINER, module)));
            }
        }
        return List.copyOf(members);
    }

    public Optional<String> lead() {
        return jdbc.sql("SELECT person_id FROM roster_seat WHERE role = 'LEAD' ORDER BY person_id LIMIT 1")
                .query(String.class).optional();
    }

    public Optional<ModuleView> module(String moduleId) {
        return jdbc.sql("SELECT * FROM roster_module WHERE module_id = ?").param(moduleId)
                .query((rs, n) -> new ModuleView(rs.getString("module_id"), rs.getString("name"),
                        "RETIRED".equals(rs.getString("status")), new DecisionRule(DecisionMethod.valueOf(rs.getString("decision_method")),
                        (Double) rs.getObject("decision_threshold"),
                        rs.getString("decision_base") == null ? null : ThresholdBase.valueOf(rs.getString("decision_base")),
                        (Double) rs.getObject("decision_quorum"))))
                .optional();
    }

    private List<String> holders(Role role, String moduleId) {
        return jdbc.sql("SELECT person_id FROM roster_seat WHERE role = ? AND module_id = ? ORDER BY person_id")
                .params(role.name(), moduleId == null ? "" : moduleId).query(String.class).list();
    }

    private List<BodySnapshot.DeclaredConflict> conflictsOf(Collection<String> persons) {
        if (persons == null || persons.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT conflict_id, person_id, other_person_id FROM roster_conflict
                        WHERE person_id IN (:persons) OR other_person_id IN (:persons) ORDER BY conflict_id""")
                .param("persons", List.copyOf(persons))
                .query((rs, n) -> new BodySnapshot.DeclaredConflict(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }
}
