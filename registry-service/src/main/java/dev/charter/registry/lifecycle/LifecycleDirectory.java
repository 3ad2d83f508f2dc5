package dev.charter.registry.lifecycle;

import dev.charter.contracts.disputes.ModuleSettings;
import dev.charter.contracts.registry.EmeritusReason;
import dev.charter.contracts.registry.RegistryEvent.InactivityNoticeIssued;
import dev.charter.contracts.registry.RegistryEvent.InactivityNoticeWithdrawn;
import dev.charter.contracts.registry.RegistryEvent.MaintainerAppointed;
import dev.charter.contracts.registry.RegistryEvent.MovedToEmeritus;
import dev.charter.contracts.registry.RegistryEvent.ReinstatementDeclined;
import dev.charter.contracts.registry.RegistryEvent.ReinstatementRequested;
import dev.charter.contracts.registry.RegistryEvent.ReinstatementWithdrawn;
import dev.charter.contracts.registry.RegistryEvent.SettingsMotionDecided;
import dev.charter.contracts.registry.RegistryEvent.SettingsMotionProposed;
import dev.charter.contracts.registry.RegistryEvent.SettingsMotionWithdrawn;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.BallotIds;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.platform.jdbc.Columns;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.charter.platform.jdbc.Columns.instant;
import static dev.charter.platform.jdbc.Columns.ts;

/**
 * Inactivity notices (R14), settings motions (R4) and requests for reinstatement (R14) with where they stand,
 * updated in the same transaction as the events (a subscribing processor), so the sweep and the activity recorder
 * see every notice in force, and a motion or request reads back at once.
 */
@Component
@ProcessingGroup(LifecycleDirectory.PROCESSING_GROUP)
public class LifecycleDirectory {

    public static final String PROCESSING_GROUP = "lifecycle";

    /** A notice as listed. */
    public record NoticeView(String noticeId, String personId, Role role, String moduleId, Instant issuedAt,
                             Instant lastActivityAt, Instant inactiveSince, int inactivityPeriodDays,
                             Instant graceEndsAt) {
    }

    public record MotionView(String motionId, String moduleId, String proposedBy, Instant proposedAt,
                             ModuleSettings settings, String statement, String status, String ballotId,
                             BallotOutcome outcome, Instant decidedAt) {
    }

    public record ReinstatementView(String reinstatementId, String personId, Role role, String moduleId,
                                    String statement, Instant requestedAt, String status, String ballotId,
                                    BallotOutcome outcome, Instant decidedAt) {
    }

    private final JdbcClient jdbc;
    private final Columns json;

    public LifecycleDirectory(JdbcClient jdbc, Columns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // --- R14: notices

    @EventHandler
    void on(InactivityNoticeIssued event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO inactivity_notice (notice_id, person_id, role, module_id, issued_at,
                            last_activity_at, inactive_since, inactivity_period_days, grace_ends_at, status)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN') ON CONFLICT (notice_id) DO NOTHING""")
                .params(event.noticeId(), event.personId(), event.role().name(), key(event.moduleId()), ts(at),
                        ts(event.lastActivityAt()), ts(event.inactiveSince()), event.inactivityPeriodDays(),
                        ts(event.graceEndsAt()))
                .update();
    }

    @EventHandler
    void on(InactivityNoticeWithdrawn event, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE inactivity_notice SET status = 'WITHDRAWN', closed_at = ?, withdrawal_reason = ?
                        WHERE notice_id = ? AND status = 'OPEN'""")
                .params(ts(at), event.reason().name(), event.noticeId()).update();
    }

    @EventHandler
    void on(MovedToEmeritus event, @Timestamp Instant at) {
        if (event.reason() == EmeritusReason.INACTIVITY && event.decision() != null) {
            jdbc.sql("UPDATE inactivity_notice SET status = 'EMERITUS', closed_at = ? WHERE notice_id = ? "
                            + "AND status = 'OPEN'")
                    .params(ts(at), event.decision().reference()).update();
        }
    }

    // --- R4: settings motions

    @EventHandler
    void on(SettingsMotionProposed event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO settings_motion (motion_id, module_id, proposed_by, proposed_at, settings, statement,
                                                     status, request_id, ballot_id)
                        VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?) ON CONFLICT (motion_id) DO NOTHING""")
                .params(event.motionId(), event.moduleId(), event.proposedBy(), ts(at),
                        json.json(new ModuleSettings(event.decisionRule(), event.nominationProcess(),
                                event.inactivityPeriodDays())), event.statement(),
                        event.ballotRequest().requestId(), BallotIds.forRequest(event.ballotRequest().requestId()))
                .update();
    }

    @EventHandler
    void on(SettingsMotionDecided event, @Timestamp Instant at) {
        jdbc.sql("""
                        UPDATE settings_motion SET status = ?, outcome = ?, decided_at = ?, ballot_id = ?
                        WHERE motion_id = ?""")
                .params(event.outcome() == BallotOutcome.CARRIED ? "CARRIED" : "NOT_CARRIED", event.outcome().name(),
                        ts(at), event.ballotId(), event.motionId())
                .update();
    }

    @EventHandler
    void on(SettingsMotionWithdrawn event, @Timestamp Instant at) {
        jdbc.sql("UPDATE settings_motion SET status = 'WITHDRAWN', decided_at = ? WHERE motion_id = ?")
                .params(ts(at), event.motionId()).update();
    }

    // --- R14: reinstatements

    @EventHandler
    void on(ReinstatementRequested event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO reinstatement (reinstatement_id, person_id, role, module_id, statement, requested_at,
                                                   status, request_id, ballot_id)
                        VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?) ON CONFLICT (reinstatement_id) DO NOTHING""")
                .params(event.reinstatementId(), event.personId(), event.role().name(), key(event.moduleId()),
                        event.statement(), ts(at), event.ballotRequest().requestId(),
                        BallotIds.forRequest(event.ballotRequest().requestId()))
                .update();
    }

    @EventHandler
    void on(ReinstatementDeclined event, @Timestamp Instant at) {
        jdbc.sql("UPDATE reinstatement SET status = 'DECLINED', outcome = ?, decided_at = ? "
                        + "WHERE reinstatement_id = ?")
                .params(event.outcome().name(), ts(at), event.reinstatementId()).update();
    }

    @EventHandler
    void on(ReinstatementWithdrawn event, @Timestamp Instant at) {
        jdbc.sql("UPDATE reinstatement SET status = 'WITHDRAWN', decided_at = ? WHERE reinstatement_id = ?")
                .params(ts(at), event.reinstatementId()).update();
    }

    /** A reinstatement's ballot carried: the appointment names that ballot. */
    @EventHandler
    void on(MaintainerAppointed event, @Timestamp Instant at) {
        if (event.decision() == null || event.decision().reference() == null) {
            return;
        }
        jdbc.sql("""
                        UPDATE reinstatement SET status = 'REINSTATED', outcome = 'CARRIED', decided_at = ?
                        WHERE person_id = ? AND ballot_id = ? AND status = 'OPEN'""")
                .params(ts(at), event.personId(), event.decision().reference()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE inactivity_notice, settings_motion, reinstatement").update();
    }

    // --- queries

    /** Every notice in force. */
    public List<NoticeView> openNotices() {
        return jdbc.sql("SELECT * FROM inactivity_notice WHERE status = 'OPEN' ORDER BY issued_at")
                .query(LifecycleDirectory::notice).list();
    }

    /** The person's notices in force. */
    public List<NoticeView> openNotices(String personId) {
        return jdbc.sql("SELECT * FROM inactivity_notice WHERE status = 'OPEN' AND person_id = ? ORDER BY issued_at")
                .param(personId).query(LifecycleDirectory::notice).list();
    }

    public List<MotionView> motions(String moduleId) {
        return jdbc.sql("SELECT * FROM settings_motion WHERE module_id = ? ORDER BY seq").param(moduleId)
                .query(this::motion).list();
    }

    public Optional<MotionView> motion(String moduleId, String motionId) {
        return jdbc.sql("SELECT * FROM settings_motion WHERE module_id = ? AND motion_id = ?")
                .params(moduleId, motionId).query(this::motion).optional();
    }

    public List<ReinstatementView> reinstatements(String personId) {
        return jdbc.sql("SELECT * FROM reinstatement WHERE person_id = ? ORDER BY seq").param(personId)
                .query(LifecycleDirectory::reinstatement).list();
    }

    public Optional<ReinstatementView> reinstatement(String personId, String reinstatementId) {
        return jdbc.sql("SELECT * FROM reinstatement WHERE person_id = ? AND reinstatement_id = ?")
                .params(personId, reinstatementId).query(LifecycleDirectory::reinstatement).optional();
    }

    private static NoticeView notice(ResultSet rs, int row) throws SQLException {
        return new NoticeView(rs.getString("notice_id"), rs.getString("person_id"), Role.valueOf(rs.getString("role")),
                moduleOf(rs), instant(rs, "issued_at"), instant(rs, "last_activity_at"),
                instant(rs, "inactive_since"), rs.getInt("inactivity_period_days"), instant(rs, "grace_ends_at"));
    }

    private MotionView motion(ResultSet rs, int row) throws SQLException {
        return new MotionView(rs.getString("motion_id"), rs.getString("module_id"), rs.getString("proposed_by"),
                instant(rs, "proposed_at"), json.read(rs.getString("settings"), ModuleSettings.class),
                rs.getString("statement"), rs.getString("status"), rs.getString("ballot_id"),
                Columns.enumOrNull(rs, "outcome", BallotOutcome::valueOf), instant(rs, "decided_at"));
    }

    private static ReinstatementView reinstatement(ResultSet rs, int row) throws SQLException {
        return new ReinstatementView(rs.getString("reinstatement_id"), rs.getString("person_id"),
                Role.valueOf(rs.getString("role")), moduleOf(rs), rs.getString("statement"),
                instant(rs, "requested_at"), rs.getString("status"), rs.getString("ballot_id"),
                Columns.enumOrNull(rs, "outcome", BallotOutcome::valueOf), instant(rs, "decided_at"));
    }

    private static String moduleOf(ResultSet rs) throws SQLException {
        String module = rs.getString("module_id");
        return module == null || module.isEmpty() ? null : module;
    }

    static String key(String moduleId) {
        return moduleId == null ? "" : moduleId;
    }
}
