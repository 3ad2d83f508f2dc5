package dev.charter.platform.roster;

import dev.charter.contracts.registry.RegistryEvent.ConflictOfInterestDeclared;
import dev.charter.contracts.registry.RegistryEvent.ConflictOfInterestWithdrawn;
import dev.charter.contracts.registry.RegistryEvent.MaintainerAppointed;
import dev.charter.contracts.registry.RegistryEvent.MaintainerRemoved;
import dev.charter.contracts.registry.RegistryEvent.ModuleAdded;
import dev.charter.contracts.registry.RegistryEvent.ModuleDecisionRuleChanged;
import dev.charter.contracts.registry.RegistryEvent.ModuleInactivityPeriodChanged;
import dev.charter.contracts.registry.RegistryEvent.ModuleNominationProcessChanged;
import dev.charter.contracts.registry.RegistryEvent.ModuleRescoped;
import dev.charter.contracts.registry.RegistryEvent.ModuleRetired;
import dev.charter.contracts.registry.RegistryEvent.MovedToEmeritus;
import dev.charter.contracts.registry.RegistryEvent.PersonRegistered;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.platform.consume.InboundEventHandler;
import dev.charter.platform.jdbc.Columns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A service's own copy of the roster (DESIGN §2: no service reads another's database), built from the
 * registry's public events on {@code charter.registry.v1}: persons, the seats held now in every body (module
 * groups, core maintainers, the lead seat), modules with their nomination process, decision rule and inactivity
 * period, and the declared conflicts of interest in force. Tables {@code roster_*}, read only through
 * {@link RosterReader}. Switched on with {@code charter.roster-copy.enabled=true}. Idempotent: the platform skips a
 * re-delivered event id, and every statement is an upsert or a delete that a second run leaves unchanged.
 */
public class RosterCopy {

    private static final Logger log = LoggerFactory.getLogger(RosterCopy.class);
    private final JdbcClient jdbc;

    public RosterCopy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @InboundEventHandler
    public void on(PersonRegistered event) {
        jdbc.sql("""
                        INSERT INTO roster_person (person_id, display_name) VALUES (?, ?)
                        ON CONFLICT (person_id) DO UPDATE SET display_name = EXCLUDED.display_name""")
                .params(event.personId(), event.displayName()).update();
    }

    @InboundEventHandler
    public void on(MaintainerAppointed event) {
        jdbc.sql("INSERT INTO roster_seat (person_id, role, module_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(event.personId(), event.role().name(), moduleKey(event.moduleId())).update();
        log.info("Roster: {} took the seat {}{}", event.personId(), event.role(),
                event.moduleId() == null ? "" : " of " + event.moduleId());
    }

    @InboundEventHandler
    public void on(MaintainerRemoved event) {
        leaveSeat(event.personId(), event.role(), event.moduleId());
    }

    @InboundEventHandler
    public void on(MovedToEmeritus event) {
        leaveSeat(event.personId(), event.role(), event.moduleId());
    }

    @InboundEventHandler
    public void on(ModuleAdded event) {
        DecisionRule rule = event.decisionRule() == null ? DecisionRule.majority() : event.decisionRule();
        Columns.decisionRule(jdbc.sql("""
                                INSERT INTO roster_module (module_id, name, status, nomination_process, decision_method,
                                                           decision_threshold, decision_base, decision_quorum,
                                                           inactivity_period_days)
                                VALUES (:module, :name, 'ACTIVE', :process, :decision_method, :decision_threshold,
                                        :decision_base, :decision_quorum, :days)
                                ON CONFLICT (module_id) DO NOTHING"""), "decision", rule)
                .param("module", event.moduleId()).param("name", event.name())
                .param("process", event.nominationProcess().name()).param("days", event.inactivityPeriodDays())
                .update();
    }

    @InboundEventHandler
    public void on(ModuleRescoped event) {
        jdbc.sql("UPDATE roster_module SET name = ? WHERE module_id = ?").params(event.name(), event.moduleId())
                .update();
    }

    @InboundEventHandler
    public void on(ModuleRetired event) {
        jdbc.sql("UPDATE roster_module SET status = 'RETIRED' WHERE module_id = ?").param(event.moduleId()).update();
    }

    @InboundEventHandler
    public void on(ModuleDecisionRuleChanged event) {
        Columns.decisionRule(jdbc.sql("""
                                UPDATE roster_module SET decision_method = :decision_method,
                                    decision_threshold = :decision_threshold, decision_base = :decision_base,
                                    decision_quorum = :decision_quorum
                                WHERE module_id = :module"""), "decision", event.decisionRule())
                .param("module", event.moduleId()).update();
    }

    @InboundEventHandler
    public void on(ModuleNominationProcessChanged event) {
        jdbc.sql("UPDATE roster_module SET nomination_process = ? WHERE module_id = ?")
                .params(event.nominationProcess().name(), event.moduleId()).update();
    }

    @InboundEventHandler
    public void on(ModuleInactivityPeriodChanged event) {
        jdbc.sql("UPDATE roster_module SET inactivity_period_days = ? WHERE module_id = ?")
                .params(event.inactivityPeriodDays(), event.moduleId()).update();
    }

    @InboundEventHandler
    public void on(ConflictOfInterestDeclared event) {
        jdbc.sql("""
                        INSERT INTO roster_conflict (conflict_id, person_id, other_person_id, kind, description)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (conflict_id) DO NOTHING""")
                .params(event.conflictId(), event.personId(), event.otherPersonId(), event.kind().name(),
                        event.description())
                .update();
    }

    @InboundEventHandler
    public void on(ConflictOfInterestWithdrawn event) {
        jdbc.sql("DELETE FROM roster_conflict WHERE conflict_id = ?").param(event.conflictId()).update();
    }

    private void leaveSeat(String personId, Role role, String moduleId) {
        jdbc.sql("DELETE FROM roster_seat WHERE person_id = ? AND role = ? AND module_id = ?")
                .params(personId, role.name(), moduleKey(moduleId)).update();
        log.info("Roster: {} left the seat {}{}", personId, role, moduleId == null ? "" : " of " + moduleId);
    }

    /** The module column of a seat: the module, or "" for the core maintainers and the lead seat. */
    static String moduleKey(String moduleId) {
        return moduleId == null ? "" : moduleId;
    }
}
