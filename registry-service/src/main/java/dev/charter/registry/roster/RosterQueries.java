package dev.charter.registry.roster;

import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.registry.ConflictKind;
import dev.charter.contracts.registry.ModuleKind;
import dev.charter.contracts.registry.NominationProcess;
import dev.charter.contracts.registry.PublicationKind;
import dev.charter.contracts.registry.Role;
import dev.charter.platform.jdbc.Columns;
import dev.charter.registry.core.CoreMaintainers;
import dev.charter.registry.roster.RosterViews.AffiliationPeriodView;
import dev.charter.registry.roster.RosterViews.ConflictView;
import dev.charter.registry.roster.RosterViews.MemberView;
import dev.charter.registry.roster.RosterViews.ModuleView;
import dev.charter.registry.roster.RosterViews.PersonSummaryView;
import dev.charter.registry.roster.RosterViews.PersonView;
import dev.charter.registry.roster.RosterViews.PublicationView;
import dev.charter.registry.roster.RosterViews.RosterView;
import dev.charter.registry.roster.RosterViews.SeatView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static dev.charter.platform.jdbc.Columns.instant;
import static dev.charter.platform.jdbc.Columns.ts;

/**
 * Reads the roster projection, now or as of any past instant: a row counts at T when
 * {@code valid_from <= T < valid_to} (an open row has no end).
 */
@Component
public class RosterQueries implements CoreMaintainers {

    private static final String AT = "valid_from <= :at AND (valid_to IS NULL OR valid_to > :at)";
    private final JdbcClient jdbc;

    public RosterQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<PersonSummaryView> persons(String afterId, int limit) {
        return jdbc.sql("SELECT person_id, display_name, affiliation FROM person WHERE person_id > ? "
                        + "ORDER BY person_id LIMIT ?")
                .params(afterId, limit)
                .query((rs, n) -> new PersonSummaryView(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** The person as the roster had them at the instant: empty when not registered by then. */
    public Optional<PersonView> person(String personId, Instant at) {
        return jdbc.sql("""
                        SELECT person_id, display_name, affiliation, registered_at FROM person
                        WHERE person_id = ? AND registered_at <= ?""")
                .params(personId, ts(at))
                .query((rs, n) -> new PersonView(rs.getString(1), rs.getString(2), rs.getString(3),
                        instant(rs, "registered_at"), affiliations(personId), conflictsInForce(personId, at),
                        seats(personId)))
                .optional();
    }

    public boolean personExists(String personId) {
        return jdbc.sql("SELECT count(*) FROM person WHERE person_id = ?").param(personId)
                .query(Integer.class).single() > 0;
    }

    public List<AffiliationPeriodView> affiliations(String personId) {
        return jdbc.sql("SELECT affiliation, valid_from, valid_to FROM affiliation_period WHERE person_id = ? "
                        + "ORDER BY valid_from")
                .param(personId)
                .query((rs, n) -> new AffiliationPeriodView(rs.getString(1), instant(rs, "valid_from"),
                        instant(rs, "valid_to")))
                .list();
    }

    /** Conflicts in force at the instant that involve the person, whichever of the two declared them. */
    public List<ConflictView> conflictsInForce(String personId, Instant at) {
        return jdbc.sql("""
                        SELECT * FROM conflict_of_interest
                        WHERE (person_id = :p OR other_person_id = :p) AND declared_at <= :at
                          AND (withdrawn_at IS NULL OR withdrawn_at > :at)
                        ORDER BY declared_at""")
                .param("p", personId).param("at", ts(at))
                .query((rs, n) -> new ConflictView(rs.getString("conflict_id"), rs.getString("person_id"),
                        rs.getString("other_person_id"), ConflictKind.valueOf(rs.getString("kind")),
                        rs.getString("description"), instant(rs, "declared_at")))
                .list();
    }

    /** Every seat and emeritus period of the person, oldest first: the tenure history. */
    public List<SeatView> seats(String personId) {
        return jdbc.sql("SELECT * FROM seat WHERE person_id = ? ORDER BY valid_from, seat_id")
                .param(personId).query(RosterQueries::seat).list();
    }

    public boolean holdsSeatNow(String personId, Role role, String moduleId) {
        return jdbc.sql("""
                        SELECT count(*) FROM seat WHERE person_id = ? AND role = ? AND module_id = ?
                        AND status = 'HELD' AND valid_to IS NULL""")
                .params(personId, role.name(), RosterProjection.moduleKey(moduleId))
                .query(Integer.class).single() > 0;
    }

    /** Whether the person holds any seat now (module maintainer, core maintainer, lead); emeritus is no seat. */
    public boolean holdsAnySeatNow(String personId) {
        return jdbc.sql("SELECT count(*) FROM seat WHERE person_id = ? AND status = 'HELD' AND valid_to IS NULL")
                .param(personId).query(Integer.class).single() > 0;
    }

    @Override
    public boolean isCoreMaintainer(String personId) {
        return holdsSeatNow(personId, Role.CORE_MAINTAINER, null);
    }

    /**
     * A seat held now as the inactivity sweep needs it (R14): since when (the earlier start an imported roster
     * states, else the appointment) and the period that applies (the module's; null for a core maintainer's, whose
     * period is project-wide).
     */
    public record HeldSeat(String personId, Role role, String moduleId, Instant heldSince, Integer periodDays) {
    }

    /** The seats of module maintainers of active modules and of core maintainers other than the lead, now. */
    public List<HeldSeat> seatsForSweep() {
        return jdbc.sql("""
                        SELECT s.person_id, s.role, s.module_id, COALESCE(s.held_since, s.valid_from) AS held_since,
                               m.inactivity_period_days
                        FROM seat s
                        LEFT JOIN module_version m ON m.module_id = s.module_id AND m.valid_to IS NULL
                        WHERE s.status = 'HELD' AND s.valid_to IS NULL
                          AND ((s.role = 'MODULE_MAINTAINER' AND m.status = 'ACTIVE')
                               OR (s.role = 'CORE_MAINTAINER' AND NOT EXISTS (
                                   SELECT 1 FROM seat l WHERE l.person_id = s.person_id AND l.role = 'LEAD'
                                   AND l.status = 'HELD' AND l.valid_to IS NULL)))
                        ORDER BY s.module_id, s.person_id""")
                .query((rs, n) -> {
                    String module = rs.getString("module_id");
                    return new HeldSeat(rs.getString("person_id"), Role.valueOf(rs.getString("role")),
                            module.isEmpty() ? null : module, instant(rs, "held_since"),
                            Columns.intOrNull(rs, "inactivity_period_days"));
                })
                .list();
    }

    public boolean moduleExists(String moduleId) {
        return jdbc.sql("SELECT count(*) FROM module_version WHERE module_id = ?").param(moduleId)
                .query(Integer.class).single() > 0;
    }

    public RosterView roster(Instant at) {
        Map<String, List<MemberView>> held = membersAt(at, "HELD");
        Map<String, List<MemberView>> emeritus = membersAt(at, "EMERITUS");
        List<MemberView> lead = held.getOrDefault(Role.LEAD.name() + "|", List.of());
        return new RosterView(at, lead.isEmpty() ? null : lead.get(0),
                held.getOrDefault(Role.CORE_MAINTAINER.name() + "|", List.of()),
                emeritus.getOrDefault(Role.CORE_MAINTAINER.name() + "|", List.of()),
                modules(at, false, "", Integer.MAX_VALUE, held, emeritus));
    }

    public List<ModuleView> modules(Instant at, boolean includeRetired, String afterId, int limit) {
        return modules(at, includeRetired, afterId, limit, membersAt(at, "HELD"), membersAt(at, "EMERITUS"));
    }

    public Optional<ModuleView> module(String moduleId, Instant at) {
        Map<String, List<MemberView>> held = membersAt(at, "HELD");
        Map<String, List<MemberView>> emeritus = membersAt(at, "EMERITUS");
        return jdbc.sql("SELECT * FROM module_version WHERE module_id = :id AND " + AT)
                .param("id", moduleId).param("at", ts(at))
                .query((rs, n) -> module(rs, held, emeritus)).optional();
    }

    /** The module's publications added by the instant, newest first. */
    public List<PublicationView> publications(String moduleId, Instant at) {
        return jdbc.sql("""
                        SELECT * FROM publication WHERE module_id = ? AND added_at <= ?
                        ORDER BY published_on DESC, added_at DESC""")
                .params(moduleId, ts(at))
                .query((rs, n) -> new PublicationView(rs.getString("publication_id"), rs.getString("module_id"),
                        PublicationKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("url"),
                        rs.getDate("published_on").toLocalDate(), rs.getString("added_by")))
                .list();
    }

    private List<ModuleView> modules(Instant at, boolean includeRetired, String afterId, int limit,
                                     Map<String, List<MemberView>> held, Map<String, List<MemberView>> emeritus) {
        return jdbc.sql("SELECT * FROM module_version WHERE " + AT + " AND module_id > :after"
                        + (includeRetired ? "" : " AND status = 'ACTIVE'") + " ORDER BY module_id LIMIT :limit")
                .param("at", ts(at)).param("after", afterId).param("limit", limit)
                .query((rs, n) -> module(rs, held, emeritus)).list();
    }

    /** Seat holders at the instant, keyed "ROLE|module", with their affiliation at that instant. */
    private Map<String, List<MemberView>> membersAt(Instant at, String status) {
        record Row(String key, MemberView member) {
        }
        return jdbc.sql("""
                        SELECT s.*, p.display_name,
                               (SELECT a.affiliation FROM affiliation_period a WHERE a.person_id = s.person_id
                                  AND a.valid_from <= :at AND (a.valid_to IS NULL OR a.valid_to > :at)
                                  ORDER BY a.valid_from DESC LIMIT 1) AS affiliation_then
                        FROM seat s JOIN person p ON p.person_id = s.person_id
                        WHERE s.status = :status AND s.valid_from <= :at AND (s.valid_to IS NULL OR s.valid_to > :at)
                        ORDER BY s.person_id""")
                .param("at", ts(at)).param("status", status)
                .query((rs, n) -> new Row(rs.getString("role") + "|" + rs.getString("module_id"),
                        new MemberView(rs.getString("person_id"), rs.getString("display_name"),
                                rs.getString("affiliation_then"),
                                rs.getTimestamp("held_since") != null ? instant(rs, "held_since")
                                        : instant(rs, "valid_from"),
                                decision(rs, "start"))))
                .list().stream()
                .collect(Collectors.groupingBy(Row::key, Collectors.mapping(Row::member, Collectors.toList())));
    }

    private static ModuleView module(ResultSet rs, Map<String, List<MemberView>> held,
                                     Map<String, List<MemberView>> emeritus) throws SQLException {
        String id = rs.getString("module_id");
        String key = Role.MODULE_MAINTAINER.name() + "|" + id;
        return new ModuleView(id, rs.getString("name"), ModuleKind.valueOf(rs.getString("kind")),
                rs.getString("location"), rs.getString("description"), rs.getString("status"),
                Columns.decisionRule(rs, "decision"),
                NominationProcess.valueOf(rs.getString("nomination_process")), rs.getInt("inactivity_period_days"),
                held.getOrDefault(key, List.of()), emeritus.getOrDefault(key, List.of()));
    }

    private static SeatView seat(ResultSet rs, int row) throws SQLException {
        String module = rs.getString("module_id");
        return new SeatView(rs.getString("person_id"), Role.valueOf(rs.getString("role")),
                module.isEmpty() ? null : module, rs.getString("status"), instant(rs, "valid_from"),
                instant(rs, "valid_to"), decision(rs, "start"), decision(rs, "end"), rs.getString("end_reason"));
    }

    private static DecisionRef decision(ResultSet rs, String prefix) throws SQLException {
        String source = rs.getString(prefix + "_source");
        if (source == null) {
            return null;
        }
        return new DecisionRef(source, rs.getString(prefix + "_event_type"), rs.getString(prefix + "_event_id"),
                rs.getString(prefix + "_reference"));
    }
}
