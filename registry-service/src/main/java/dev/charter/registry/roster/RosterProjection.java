package dev.charter.registry.roster;

import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.registry.RegistryEvent.AffiliationChanged;
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
import dev.charter.contracts.registry.RegistryEvent.PublicationAdded;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.platform.jdbc.Columns;
import dev.charter.platform.messaging.EventMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static dev.charter.platform.jdbc.Columns.ts;

/**
 * The roster as it was at every instant: persons with affiliation periods, conflicts, module versions,
 * publications and seats with the decisions that began and ended them. A tracking processor of its own
 * ({@value #PROCESSING_GROUP}), so it can be replayed alone; a reset empties its tables. Each change closes
 * the open interval at the event's time and opens a new one, so re-running the same events rebuilds the
 * same rows.
 */
@Component
@ProcessingGroup(RosterProjection.PROCESSING_GROUP)
public class RosterProjection {

    public static final String PROCESSING_GROUP = "roster";
    private final JdbcClient jdbc;

    public RosterProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PersonRegistered event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO person (person_id, display_name, affiliation, registered_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (person_id) DO NOTHING""")
                .params(event.personId(), event.displayName(), event.affiliation(), ts(at)).update();
        jdbc.sql("INSERT INTO affiliation_period (person_id, affiliation, valid_from) VALUES (?, ?, ?)")
                .params(event.personId(), event.affiliation(), ts(at)).update();
    }

    @EventHandler
    void on(AffiliationChanged event, @Timestamp Instant at) {
        jdbc.sql("UPDATE person SET affiliation = ? WHERE person_id = ?")
                .params(event.affiliation(), event.personId()).update();
        jdbc.sql("UPDATE affiliation_period SET valid_to = ? WHERE person_id = ? AND valid_to IS NULL")
                .params(ts(at), event.personId()).update();
        jdbc.sql("INSERT INTO affiliation_period (person_id, affiliation, valid_from) VALUES (?, ?, ?)")
                .params(event.personId(), event.affiliation(), ts(at)).update();
    }

    @EventHandler
    void on(ConflictOfInterestDeclared event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO conflict_of_interest (conflict_id, person_id, other_person_id, kind, description,
                                                          declared_at)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (conflict_id) DO NOTHING""")
                .params(event.conflictId(), event.personId(), event.otherPersonId(), event.kind().name(),
                        event.description(), ts(at)).update();
    }

    @EventHandler
    void on(ConflictOfInterestWithdrawn event, @Timestamp Instant at) {
        jdbc.sql("UPDATE conflict_of_interest SET withdrawn_at = ?, withdrawal_reason = ? WHERE conflict_id = ?")
                .params(ts(at), event.reason(), event.conflictId()).update();
    }

    @EventHandler
    void on(ModuleAdded event, @Timestamp Instant at) {
        Columns.decisionRule(jdbc.sql("""
                                INSERT INTO module_version (module_id, valid_from, name, kind, location, description,
                                    status, decision_method, decision_threshold, decision_base, decision_quorum,
                                    nomination_process, inactivity_period_days)
                                VALUES (:module, :at, :name, :kind, :location, :description, 'ACTIVE',
                                        :decision_method, :decision_threshold, :decision_base, :decision_quorum,
                                        :process, :days)"""), "decision", event.decisionRule())
                .param("module", event.moduleId()).param("at", ts(at)).param("name", event.name())
                .param("kind", event.kind().name()).param("location", event.location())
                .param("description", event.description()).param("process", event.nominationProcess().name())
                .param("days", event.inactivityPeriodDays())
                .update();
    }

    @EventHandler
    void on(ModuleRescoped event, @Timestamp Instant at) {
        newModuleVersion(event.moduleId(), at, """
                        name = :name, kind = :kind, location = :location, description = :description""",
                new Object[][]{{"name", event.name()}, {"kind", event.kind().name()},
                        {"location", event.location()}, {"description", event.description()}});
    }

    @EventHandler
    void on(ModuleRetired event, @Timestamp Instant at) {
        newModuleVersion(event.moduleId(), at, "status = 'RETIRED'", new Object[0][]);
    }

    @EventHandler
    void on(ModuleDecisionRuleChanged event, @Timestamp Instant at) {
        DecisionRule rule = event.decisionRule();
        newModuleVersion(event.moduleId(), at, """
                        decision_method = :method, decision_threshold = :threshold, decision_base = :base,
                        decision_quorum = :quorum""",
                new Object[][]{{"method", rule.method().name()}, {"threshold", rule.threshold()},
                        {"base", Columns.name(rule.base())}, {"quorum", rule.quorum()}});
    }

    @EventHandler
    void on(ModuleNominationProcessChanged event, @Timestamp Instant at) {
        newModuleVersion(event.moduleId(), at, "nomination_process = :process",
                new Object[][]{{"process", event.nominationProcess().name()}});
    }

    @EventHandler
    void on(ModuleInactivityPeriodChanged event, @Timestamp Instant at) {
        newModuleVersion(event.moduleId(), at, "inactivity_period_days = :days",
                new Object[][]{{"days", event.inactivityPeriodDays()}});
    }

    @EventHandler
    void on(PublicationAdded event, @Timestamp Instant at, @MetaDataValue(EventMetadata.ACTOR) String actor) {
        jdbc.sql("""
                        INSERT INTO publication (publication_id, module_id, kind, title, url, published_on, added_by,
                                                 added_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (publication_id) DO NOTHING""")
                .params(event.publicationId(), event.moduleId(), event.kind().name(), event.title(), event.url(),
                        event.publishedOn(), actor, ts(at)).update();
    }

    @EventHandler
    void on(MaintainerAppointed event, @Timestamp Instant at) {
        String module = moduleKey(event.moduleId());
        if (event.role() != Role.LEAD) {
            // a reinstated emeritus leaves emeritus status
            closeSeat(event.personId(), event.role(), module, "EMERITUS", at, event.decision(), "REINSTATED");
        }
        openSeat(event.personId(), event.role(), module, "HELD", at, event.decision());
        if (event.heldSince() != null && event.heldSince().isBefore(at)) {
            // R14: an imported roster states an earlier start of the tenure
            jdbc.sql("""
                            UPDATE seat SET held_since = ? WHERE person_id = ? AND role = ? AND module_id = ?
                            AND status = 'HELD' AND valid_to IS NULL""")
                    .params(ts(event.heldSince()), event.personId(), event.role().name(), module).update();
        }
    }

    @EventHandler
    void on(MaintainerRemoved event, @Timestamp Instant at) {
        closeSeat(event.personId(), event.role(), moduleKey(event.moduleId()), "HELD", at, event.decision(),
                event.reason().name());
    }

    @EventHandler
    void on(MovedToEmeritus event, @Timestamp Instant at) {
        String module = moduleKey(event.moduleId());
        closeSeat(event.personId(), event.role(), module, "HELD", at, event.decision(), "EMERITUS");
        openSeat(event.personId(), event.role(), module, "EMERITUS", at, event.decision());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE person, affiliation_period, conflict_of_interest, module_version, publication, seat").update();
    }

    private void newModuleVersion(String moduleId, Instant at, String assignments, Object[][] parameters) {
        // copy the open version as of this instant, then apply the change to the copy
        int copied = jdbc.sql("""
                        INSERT INTO module_version (module_id, valid_from, name, kind, location, description, status,
                            decision_method, decision_threshold, decision_base, decision_quorum, nomination_process,
                            inactivity_period_days)
                        SELECT module_id, :at, name, kind, location, description, status, decision_method,
                               decision_threshold, decision_base, decision_quorum, nomination_process,
                               inactivity_period_days
                        FROM module_version WHERE module_id = :module AND valid_to IS NULL AND valid_from < :at""")
                .param("at", ts(at)).param("module", moduleId).update();
        if (copied > 0) {
            jdbc.sql("UPDATE module_version SET valid_to = :at WHERE module_id = :module AND valid_to IS NULL "
                            + "AND valid_from < :at")
                    .param("at", ts(at)).param("module", moduleId).update();
        }
        JdbcClient.StatementSpec update = jdbc.sql("UPDATE module_version SET " + assignments
                        + " WHERE module_id = :module AND valid_from = :at")
                .param("module", moduleId).param("at", ts(at));
        for (Object[] parameter : parameters) {
            update = update.param((String) parameter[0], parameter[1]);
        }
        update.update();
    }

    private void openSeat(String personId, Role role, String module, String status, Instant at, DecisionRef decision) {
        jdbc.sql("""
                        INSERT INTO seat (person_id, role, module_id, status, valid_from, start_source,
                                          start_event_type, start_event_id, start_reference)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(personId, role.name(), module, status, ts(at), source(decision), eventType(decision),
                        eventId(decision), reference(decision))
                .update();
    }

    private void closeSeat(String personId, Role role, String module, String status, Instant at, DecisionRef decision,
                           String reason) {
        jdbc.sql("""
                        UPDATE seat SET valid_to = ?, end_source = ?, end_event_type = ?, end_event_id = ?,
                                        end_reference = ?, end_reason = ?
                        WHERE person_id = ? AND role = ? AND module_id = ? AND status = ? AND valid_to IS NULL""")
                .params(ts(at), source(decision), eventType(decision), eventId(decision), reference(decision), reason,
                        personId, role.name(), module, status)
                .update();
    }

    static String moduleKey(String moduleId) {
        return moduleId == null ? "" : moduleId;
    }

    private static String source(DecisionRef decision) {
        return decision == null ? null : decision.source();
    }

    private static String eventType(DecisionRef decision) {
        return decision == null ? null : decision.eventType();
    }

    private static String eventId(DecisionRef decision) {
        return decision == null ? null : decision.eventId();
    }

    private static String reference(DecisionRef decision) {
        return decision == null ? null : decision.reference();
    }
}
