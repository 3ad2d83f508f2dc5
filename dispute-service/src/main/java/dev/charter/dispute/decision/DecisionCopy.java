package dev.charter.dispute.decision;

import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.EventStream;
import dev.charter.contracts.disputes.DecisionKind;
import dev.charter.contracts.disputes.ModuleSettings;
import dev.charter.contracts.nominations.NominationEvent.NominationConfirmed;
import dev.charter.contracts.nominations.NominationEvent.NominationDeclined;
import dev.charter.contracts.nominations.NominationEvent.NominationSubmitted;
import dev.charter.contracts.nominations.NominationKind;
import dev.charter.contracts.registry.NominationProcess;
import dev.charter.contracts.registry.RegistryEvent.ModuleAdded;
import dev.charter.contracts.registry.RegistryEvent.ModuleDecisionRuleChanged;
import dev.charter.contracts.registry.RegistryEvent.ModuleInactivityPeriodChanged;
import dev.charter.contracts.registry.RegistryEvent.ModuleNominationProcessChanged;
import dev.charter.contracts.registry.RegistryEvent.PublicationAdded;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.contracts.voting.VotingEvent.BallotCancelled;
import dev.charter.contracts.voting.VotingEvent.BallotClosed;
import dev.charter.contracts.voting.VotingEvent.BallotOpened;
import dev.charter.platform.jdbc.Columns;
import dev.charter.platform.consume.InboundEvent;
import dev.charter.platform.consume.InboundEventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import static dev.charter.platform.jdbc.Columns.ts;

/**
 * This service's copy of the module-level decisions taken elsewhere (DESIGN §7), from the voting, nominations and
 * registry streams: a closed motion of a module's group (R4), a module-maintainer nomination decided by the
 * module's own group (R9), a change of a group's settings (with the value it replaced) and a group's publication
 * (R6). It also keeps every ballot's subject and body, to tell module-level decisions from others and to find the
 * subject of a ballot this service requested. Idempotent: the platform skips a re-delivered event id, and every
 * statement is an insert-if-absent or an update to the event's values; a settings change is recorded once, under
 * its event's id, before the current settings move on.
 */
@Component
public class DecisionCopy {

    private final JdbcClient jdbc;
    private final Columns json;
    private final Clock clock;

    public DecisionCopy(JdbcClient jdbc, Columns json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    // --- voting

    @InboundEventHandler
    public void on(BallotOpened event) {
        var request = event.request();
        jdbc.sql("""
                        INSERT INTO voting_ballot (ballot_id, request_id, subject_kind, subject_id, body, module_id,
                                                   question, status)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN') ON CONFLICT (ballot_id) DO NOTHING""")
                .params(event.ballotId(), request.requestId(), request.subjectKind(), request.subjectId(),
                        request.body().name(), request.moduleId(), request.question())
                .update();
    }

    /** R4: a motion of a module's group that carried or was rejected is a decision of that group. */
    @InboundEventHandler
    public void on(BallotClosed event, InboundEvent<BallotClosed> envelope) {
        jdbc.sql("UPDATE voting_ballot SET status = 'CLOSED', outcome = ? WHERE ballot_id = ?")
                .params(event.outcome().name(), event.ballotId()).update();
        if (event.outcome() != BallotOutcome.CARRIED && event.outcome() != BallotOutcome.REJECTED) {
            return; // no quorum or a tie: the group decided nothing
        }
        jdbc.sql("""
                        SELECT module_id, question FROM voting_ballot
                        WHERE ballot_id = ? AND body = ? AND subject_kind = ?""")
                .params(event.ballotId(), BallotBody.MODULE_MAINTAINERS.name(), ModuleDecisions.MOTION_SUBJECT)
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2)})
                .optional()
                .ifPresent(motion -> record(DecisionIds.motion(event.ballotId()), DecisionKind.MOTION, motion[0],
                        envelope.time(), envelope.decisionRef(event.ballotId()), motion[1], null, null,
                        event.outcome().name(), null, null));
    }

    @InboundEventHandler
    public void on(BallotCancelled event) {
        jdbc.sql("UPDATE voting_ballot SET status = 'CANCELLED' WHERE ballot_id = ? AND status = 'OPEN'")
                .param(event.ballotId()).update();
    }

    // --- nominations

    @InboundEventHandler
    public void on(NominationSubmitted event) {
        jdbc.sql("""
                        INSERT INTO nomination_body (nomination_id, kind, person_id, module_id, body)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (nomination_id) DO NOTHING""")
                .params(event.nominationId(), event.kind().name(), event.personId(), event.moduleId(),
                        event.decidingBody().name())
                .update();
    }

    /** R9: a module-maintainer nomination confirmed by the module's own group. */
    @InboundEventHandler
    public void on(NominationConfirmed event, InboundEvent<NominationConfirmed> envelope) {
        nominationDecided(event.nominationId(), event.kind(), event.personId(), event.moduleId(), "CONFIRMED",
                envelope.time(), envelope.decisionRef(event.nominationId()));
    }

    /** R9: a module-maintainer nomination declined by the module's own group. */
    @InboundEventHandler
    public void on(NominationDeclined event, InboundEvent<NominationDeclined> envelope) {
        nominationDecided(event.nominationId(), event.kind(), event.personId(), event.moduleId(), "DECLINED",
                envelope.time(), envelope.decisionRef(event.nominationId()));
    }

    private void nominationDecided(String nominationId, NominationKind kind, String personId, String moduleId,
                                   String outcome, Instant at, DecisionRef ref) {
        boolean byOwnGroup = jdbc.sql("SELECT count(*) FROM nomination_body WHERE nomination_id = ? AND body = ?")
                .params(nominationId, BallotBody.MODULE_MAINTAINERS.name()).query(Integer.class).single() > 0;
        if (kind != NominationKind.MODULE_MAINTAINER || moduleId == null || !byOwnGroup) {
            return; // decided by the core maintainers or the lead: not a module-level decision
        }
        record(DecisionIds.nomination(nominationId), DecisionKind.MODULE_NOMINATION, moduleId, at, ref,
                (outcome.equals("CONFIRMED") ? "Confirmed " : "Declined ") + personId + " as a maintainer of module "
                        + moduleId, null, personId, outcome, null, null);
    }

    // --- registry

    @InboundEventHandler
    public void on(ModuleAdded event) {
        DecisionRule rule = event.decisionRule() == null ? DecisionRule.majority() : event.decisionRule();
        jdbc.sql("""
                        INSERT INTO module_settings (module_id, decision_rule, nomination_process,
                                                     inactivity_period_days)
                        VALUES (?, ?, ?, ?) ON CONFLICT (module_id) DO NOTHING""")
                .params(event.moduleId(), json.json(rule), event.nominationProcess().name(),
                        event.inactivityPeriodDays())
                .update();
    }

    /** R4: the group adopted another decision rule. */
    @InboundEventHandler
    public void on(ModuleDecisionRuleChanged event, InboundEvent<ModuleDecisionRuleChanged> envelope) {
        Optional<ModuleSettings> current = settings(event.moduleId());
        DecisionRule before = current.map(ModuleSettings::decisionRule).orElse(null);
        if (!restoredByVeto(event.decision())) {
            record(DecisionIds.settings(envelope.id()), DecisionKind.SETTINGS_CHANGE, event.moduleId(), envelope.time(),
                    envelope.decisionRef(event.moduleId()), "Decision rule changed from " + describe(before) + " to "
                            + describe(event.decisionRule()), null, null, null,
                    new ModuleSettings(before, null, null), new ModuleSettings(event.decisionRule(), null, null));
        }
        jdbc.sql("UPDATE module_settings SET decision_rule = ? WHERE module_id = ?")
                .params(json.json(event.decisionRule()), event.moduleId()).update();
    }

    /** R9: the group changed how its maintainers are nominated. */
    @InboundEventHandler
    public void on(ModuleNominationProcessChanged event, InboundEvent<ModuleNominationProcessChanged> envelope) {
        NominationProcess before = settings(event.moduleId()).map(ModuleSettings::nominationProcess).orElse(null);
        if (!restoredByVeto(event.decision())) {
            record(DecisionIds.settings(envelope.id()), DecisionKind.SETTINGS_CHANGE, event.moduleId(), envelope.time(),
                    envelope.decisionRef(event.moduleId()), "Nomination process changed from " + before + " to "
                            + event.nominationProcess(), null, null, null,
                    new ModuleSettings(null, before, null), new ModuleSettings(null, event.nominationProcess(), null));
        }
        jdbc.sql("UPDATE module_settings SET nomination_process = ? WHERE module_id = ?")
                .params(event.nominationProcess().name(), event.moduleId()).update();
    }

    /** R14: the group changed its inactivity period. */
    @InboundEventHandler
    public void on(ModuleInactivityPeriodChanged event, InboundEvent<ModuleInactivityPeriodChanged> envelope) {
        Integer before = settings(event.moduleId()).map(ModuleSettings::inactivityPeriodDays).orElse(null);
        if (!restoredByVeto(event.decision())) {
            record(DecisionIds.settings(envelope.id()), DecisionKind.SETTINGS_CHANGE, event.moduleId(), envelope.time(),
                    envelope.decisionRef(event.moduleId()), "Inactivity period changed from " + before + " to "
                            + event.inactivityPeriodDays() + " days", null, null, null,
                    new ModuleSettings(null, null, before),
                    new ModuleSettings(null, null, event.inactivityPeriodDays()));
        }
        jdbc.sql("UPDATE module_settings SET inactivity_period_days = ? WHERE module_id = ?")
                .params(event.inactivityPeriodDays(), event.moduleId()).update();
    }

    /** R6: the group published a vision, roadmap, design doc or other communication. */
    @InboundEventHandler
    public void on(PublicationAdded event, InboundEvent<PublicationAdded> envelope) {
        record(DecisionIds.publication(event.publicationId()), DecisionKind.PUBLICATION, event.moduleId(),
                envelope.time(), envelope.decisionRef(event.publicationId()), event.kind() + ": " + event.title(),
                event.url(), null, null, null, null);
    }

    /**
     * R7: a setting a carried veto restored is the core maintainers' decision, not the group's: it is no
     * module-level decision (to dispute or veto again), though the settings move on.
     */
    private static boolean restoredByVeto(DecisionRef decision) {
        return decision != null && EventStream.DISPUTES.topic().equals(decision.source());
    }

    private Optional<ModuleSettings> settings(String moduleId) {
        return jdbc.sql("SELECT * FROM module_settings WHERE module_id = ?").param(moduleId)
                .query((rs, n) -> new ModuleSettings(json.read(rs.getString("decision_rule"), DecisionRule.class),
                        NominationProcess.valueOf(rs.getString("nomination_process")),
                        rs.getInt("inactivity_period_days")))
                .optional();
    }

    private void record(String decisionId, DecisionKind kind, String moduleId, Instant decidedAt, DecisionRef ref,
                        String summary, String url, String personId, String outcome, ModuleSettings before,
                        ModuleSettings after) {
        jdbc.sql("""
                        INSERT INTO module_decision (decision_id, kind, module_id, decided_at, source, event_type,
                            event_id, reference, summary, url, person_id, outcome, settings_before, settings_after)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (decision_id) DO NOTHING""")
                .params(decisionId, kind.name(), moduleId, ts(decidedAt == null ? clock.instant() : decidedAt),
                        ref.source(), ref.eventType(), ref.eventId(), ref.reference(), summary, url, personId,
                        outcome, json.json(before), json.json(after))
                .update();
    }

    /** A decision rule in words, e.g. {@code SUPERMAJORITY 0.75 of SEATED}. */
    static String describe(DecisionRule rule) {
        if (rule == null) {
            return "unknown";
        }
        StringBuilder text = new StringBuilder(rule.method().name());
        if (rule.method() == DecisionMethod.SUPERMAJORITY && rule.threshold() != null) {
            text.append(' ').append(rule.threshold()).append(" of ")
                    .append(rule.base() == null ? "SEATED" : rule.base().name());
        }
        if (rule.quorum() != null) {
            text.append(", quorum ").append(rule.quorum());
        }
        return text.toString();
    }
}
