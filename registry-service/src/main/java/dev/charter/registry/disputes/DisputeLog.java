package dev.charter.registry.disputes;

import dev.charter.contracts.disputes.DisputeEvent.DisputeAnswered;
import dev.charter.contracts.disputes.DisputeEvent.DisputeAwaitingRuling;
import dev.charter.contracts.disputes.DisputeEvent.DisputeEscalated;
import dev.charter.contracts.disputes.DisputeEvent.DisputeOpened;
import dev.charter.contracts.disputes.DisputeEvent.DisputeResolved;
import dev.charter.contracts.disputes.DisputeEvent.DisputeRuled;
import dev.charter.contracts.disputes.DisputeEvent.DisputeWithdrawn;
import dev.charter.contracts.disputes.DisputeEvent.EscalationReferredToLead;
import dev.charter.contracts.disputes.DisputeEvent.VetoAwaitingReasoning;
import dev.charter.contracts.disputes.DisputeEvent.VetoCarried;
import dev.charter.contracts.disputes.DisputeEvent.VetoProposed;
import dev.charter.contracts.disputes.DisputeEvent.VetoReferredToLead;
import dev.charter.contracts.disputes.DisputeEvent.VetoRejected;
import dev.charter.platform.consume.InboundEvent;
import dev.charter.platform.config.CharterProperties;
import dev.charter.platform.consume.InboundEventHandler;
import dev.charter.platform.jdbc.Columns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * R6: each group's disputes and the vetoes of its decisions are public with the group's other communication: the
 * registry keeps a copy of them from charter.disputes.v1, for a module's page and the maintainers page, with
 * links to dispute-service where everything about them is published. Idempotent: the platform skips a re-delivered
 * event id; an opening is an insert-if-absent, and a later event only moves the status (an event of a dispute
 * this copy does not hold changes nothing).
 */
@Component
public class DisputeLog {

    /** The dispute statuses after which nothing more happens. */
    static final List<String> ENDED = List.of("RESOLVED", "RULED", "WITHDRAWN");

    /** A dispute about a group's decision, as a module's page and the maintainers page show it. */
    public record DisputeEntry(String disputeId, String respondentModuleId, String disputantModuleId,
                               String disputedBy, String decisionSummary, String status, Instant openedAt,
                               String url) {

        public boolean open() {
            return !ENDED.contains(status);
        }
    }

    /** A veto of a group's decision. */
    public record VetoEntry(String vetoId, String moduleId, String decisionSummary, String status,
                            Instant proposedAt, String url) {
    }

    private final JdbcClient jdbc;
    private final CharterProperties.Links links;

    public DisputeLog(JdbcClient jdbc, CharterProperties properties) {
        this.jdbc = jdbc;
        this.links = properties.getLinks();
    }

    @InboundEventHandler
    public void on(DisputeOpened event, InboundEvent<DisputeOpened> envelope) {
        jdbc.sql("""
                        INSERT INTO module_dispute (dispute_id, respondent_module_id, disputant_module_id, disputed_by,
                                                    decision_summary, status, opened_at)
                        VALUES (?, ?, ?, ?, ?, 'OPEN', ?) ON CONFLICT (dispute_id) DO NOTHING""")
                .params(event.disputeId(), event.decision().moduleId(), event.disputantModuleId(),
                        event.disputedBy(), event.decision().summary(), Columns.ts(envelope.time()))
                .update();
    }

    @InboundEventHandler
    public void on(DisputeAnswered event) {
        disputeStatus(event.disputeId(), "ANSWERED");
    }

    @InboundEventHandler
    public void on(DisputeResolved event) {
        disputeStatus(event.disputeId(), "RESOLVED");
    }

    @InboundEventHandler
    public void on(DisputeEscalated event) {
        disputeStatus(event.disputeId(), "ESCALATED");
    }

    @InboundEventHandler
    public void on(EscalationReferredToLead event) {
        disputeStatus(event.disputeId(), "REFERRED_TO_LEAD");
    }

    @InboundEventHandler
    public void on(DisputeAwaitingRuling event) {
        disputeStatus(event.disputeId(), "AWAITING_RULING");
    }

    @InboundEventHandler
    public void on(DisputeRuled event) {
        disputeStatus(event.disputeId(), "RULED");
    }

    @InboundEventHandler
    public void on(DisputeWithdrawn event) {
        disputeStatus(event.disputeId(), "WITHDRAWN");
    }

    @InboundEventHandler
    public void on(VetoProposed event, InboundEvent<VetoProposed> envelope) {
        jdbc.sql("""
                        INSERT INTO module_veto (veto_id, module_id, decision_summary, status, proposed_at)
                        VALUES (?, ?, ?, 'PROPOSED', ?) ON CONFLICT (veto_id) DO NOTHING""")
                .params(event.vetoId(), event.decision().moduleId(), event.decision().summary(),
                        Columns.ts(envelope.time()))
                .update();
    }

    @InboundEventHandler
    public void on(VetoReferredToLead event) {
        vetoStatus(event.vetoId(), "REFERRED_TO_LEAD");
    }

    @InboundEventHandler
    public void on(VetoAwaitingReasoning event) {
        vetoStatus(event.vetoId(), "AWAITING_REASONING");
    }

    @InboundEventHandler
    public void on(VetoCarried event) {
        vetoStatus(event.vetoId(), "CARRIED");
    }

    @InboundEventHandler
    public void on(VetoRejected event) {
        vetoStatus(event.vetoId(), "REJECTED");
    }

    /** R6: the disputes about a group's decisions, and those it opened, oldest first. */
    public List<DisputeEntry> disputesOf(String moduleId) {
        return jdbc.sql("""
                        SELECT * FROM module_dispute WHERE respondent_module_id = :m OR disputant_module_id = :m
                        ORDER BY opened_at, dispute_id""")
                .param("m", moduleId).query((rs, n) -> dispute(rs)).list();
    }

    /** The disputes not settled yet, oldest first. */
    public List<DisputeEntry> openDisputes() {
        return jdbc.sql("SELECT * FROM module_dispute WHERE status NOT IN (:ended) ORDER BY opened_at, dispute_id")
                .param("ended", ENDED).query((rs, n) -> dispute(rs)).list();
    }

    /** R6, R7: the vetoes of a group's decisions, oldest first. */
    public List<VetoEntry> vetoesOf(String moduleId) {
        return jdbc.sql("SELECT * FROM module_veto WHERE module_id = ? ORDER BY proposed_at, veto_id")
                .param(moduleId)
                .query((rs, n) -> new VetoEntry(rs.getString("veto_id"), rs.getString("module_id"),
                        rs.getString("decision_summary"), rs.getString("status"), Columns.instant(rs, "proposed_at"),
                        links.veto(rs.getString("veto_id"))))
                .list();
    }

    private DisputeEntry dispute(ResultSet rs) throws SQLException {
        return new DisputeEntry(rs.getString("dispute_id"), rs.getString("respondent_module_id"),
                rs.getString("disputant_module_id"), rs.getString("disputed_by"), rs.getString("decision_summary"),
                rs.getString("status"), Columns.instant(rs, "opened_at"),
                links.dispute(rs.getString("dispute_id")));
    }

    private void disputeStatus(String disputeId, String status) {
        jdbc.sql("UPDATE module_dispute SET status = ? WHERE dispute_id = ?").params(status, disputeId).update();
    }

    private void vetoStatus(String vetoId, String status) {
        jdbc.sql("UPDATE module_veto SET status = ? WHERE veto_id = ?").params(status, vetoId).update();
    }
}
