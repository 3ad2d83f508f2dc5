package dev.charter.voting.roster;

import dev.charter.contracts.registry.RegistryEvent.ConflictOfInterestDeclared;
import dev.charter.contracts.registry.RegistryEvent.ConflictOfInterestWithdrawn;
import dev.charter.contracts.registry.RegistryEvent.MaintainerAppointed;
import dev.charter.contracts.registry.RegistryEvent.MaintainerRemoved;
import dev.charter.contracts.registry.RegistryEvent.ModuleAdded;
import dev.charter.contracts.registry.RegistryEvent.ModuleDecisionRuleChanged;
import dev.charter.contracts.registry.RegistryEvent.ModuleRescoped;
import dev.charter.contracts.registry.RegistryEvent.ModuleRetired;
import dev.charter.contracts.registry.RegistryEvent.MovedToEmeritus;
import dev.charter.contracts.registry.RegistryEvent.PersonRegistered;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.platform.consume.InboundEventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * voting-service's own copy of the registry (DESIGN §2, no service reads another's database), built from the
 * registry's public events on {@code charter.registry.v1}: persons, current seats of every body (module
 * groups, core maintainers, the lead), declared conflicts of interest and each group's decision rule.
 * Electorates are frozen from it. Idempotent: the platform skips a re-delivered event id, and every handler
 * writes the resulting state (upsert or delete), so applying an event again changes nothing.
 */
@Component
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
                .params(id(event.personId()), event.displayName()).update();
    }

    /** R1: a seat in a module group, the core maintainers or the lead seat. */
    @InboundEventHandler
    public void on(MaintainerAppointed event) {
        jdbc.sql("INSERT INTO roster_seat (person_id, role, module_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(id(event.personId()), event.role().name(), module(event.role(), event.moduleId())).update();
        log.info("Roster copy: {} took the {} seat{}", event.personId(), event.role(),
                event.moduleId() == null ? "" : " of " + event.moduleId());
    }

    /** R10, R12: a seat ended (the lead seat is its own seat: the lead stays a core maintainer). */
    @InboundEventHandler
    public void on(MaintainerRemoved event) {
        endSeat(event.personId(), event.role(), event.moduleId());
    }

    /** R14: emeritus members hold no seat. */
    @InboundEventHandler
    public void on(MovedToEmeritus event) {
        endSeat(event.personId(), event.role(), event.moduleId());
    }

    /** R10: members with a declared conflict with a person concerned are recused. */
    @InboundEventHandler
    public void on(ConflictOfInterestDeclared event) {
        jdbc.sql("""
                        INSERT INTO roster_conflict (conflict_id, person_id, other_person_id) VALUES (?, ?, ?)
                        ON CONFLICT (conflict_id) DO NOTHING""")
                .params(event.conflictId(), id(event.personId()), id(event.otherPersonId())).update();
    }

    @InboundEventHandler
    public void on(ConflictOfInterestWithdrawn event) {
        jdbc.sql("DELETE FROM roster_conflict WHERE conflict_id = ?").param(event.conflictId()).update();
    }

    @InboundEventHandler
    public void on(ModuleAdded event) {
        DecisionRule rule = event.decisionRule() == null ? DecisionRule.majority() : event.decisionRule();
        jdbc.sql("""
                        INSERT INTO roster_module (module_id, name, decision_method, decision_threshold, decision_base,
                                                   decision_quorum)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (module_id) DO NOTHING""")
                .params(event.moduleId(), event.name(), rule.method().name(), rule.threshold(),
                        rule.base() == null ? null : rule.base().name(), rule.quorum()).update();
    }

    @InboundEventHandler
    public void on(ModuleRescoped event) {
        jdbc.sql("UPDATE roster_module SET name = ? WHERE module_id = ?").params(event.name(), event.moduleId())
                .update();
    }

    @InboundEventHandler
    public void on(ModuleRetired event) {
        jdbc.sql("UPDATE roster_module SET retired = TRUE WHERE module_id = ?").param(event.moduleId()).update();
    }

    /** R4: the group adopted another decision rule; its motions follow it. */
    @InboundEventHandler
    public void on(ModuleDecisionRuleChanged event) {
        DecisionRule rule = event.decisionRule();
        jdbc.sql("""
                        UPDATE roster_module SET decision_method = ?, decision_threshold = ?, decision_base = ?,
                                                 decision_quorum = ?
                        WHERE module_id = ?""")
                .params(rule.method().name(), rule.threshold(), rule.base() == null ? null : rule.base().name(),
                        rule.quorum(), event.moduleId()).update();
    }

    private void endSeat(String personId, Role role, String moduleId) {
        jdbc.sql("DELETE FROM roster_seat WHERE person_id = ? AND role = ? AND module_id = ?")
                .params(id(personId), role.name(), module(role, moduleId)).update();
        log.info("Roster copy: {} left the {} seat{}", personId, role, moduleId == null ? "" : " of " + moduleId);
    }

    static String module(Role role, String moduleId) {
        return role == Role.MODULE_MAINTAINER && moduleId != null ? moduleId : "";
    }

    private static String id(String personId) {
        return personId.toLowerCase(Locale.ROOT);
    }
}
