package dev.charter.registry.policy;

import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.VotingEvent.BallotCancelled;
import dev.charter.contracts.voting.VotingEvent.BallotClosed;
import dev.charter.contracts.voting.VotingEvent.BallotOpened;
import dev.charter.platform.consume.InboundEvent;
import dev.charter.platform.consume.InboundEventHandler;
import dev.charter.registry.core.CoreCommands.RecordCoreReinstatementBallotClosed;
import dev.charter.registry.core.CoreGroup;
import dev.charter.registry.lifecycle.CoreDecision;
import dev.charter.registry.lifecycle.SeatLifecycle;
import dev.charter.registry.module.Module;
import dev.charter.registry.module.ModuleCommands.RecordReinstatementBallotClosed;
import dev.charter.registry.module.ModuleCommands.RecordSettingsBallotClosed;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;

/**
 * The registry's part of the voting stream (DESIGN §3): the ballots it requested — a group's settings motion (R4),
 * a reinstatement (R14) — whose result it applies when they close, and a copy of the core maintainers' motions, so
 * that a direct settings change names a carried core decision it can check (R4). Idempotent: the platform skips a
 * re-delivered event id, the copy is insert-if-absent or an update to the event's values, and each aggregate
 * ignores a ballot that is not its open motion or request.
 */
@Component
public class BallotPolicy {

    private static final Logger log = LoggerFactory.getLogger(BallotPolicy.class);
    private static final Set<String> OWN_SUBJECTS = Set.of(Module.SETTINGS_MOTION_SUBJECT,
            SeatLifecycle.REINSTATEMENT_SUBJECT);

    private final CommandGateway commands;
    private final JdbcClient jdbc;

    public BallotPolicy(CommandGateway commands, JdbcClient jdbc) {
        this.commands = commands;
        this.jdbc = jdbc;
    }

    @InboundEventHandler
    public void on(BallotOpened event) {
        var request = event.request();
        boolean coreMotion = request.body() == BallotBody.CORE_MAINTAINERS
                && CoreDecision.MOTION.equals(request.subjectKind());
        if (!coreMotion && !OWN_SUBJECTS.contains(request.subjectKind())) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO voting_ballot (ballot_id, request_id, subject_kind, subject_id, body, status)
                        VALUES (?, ?, ?, ?, ?, 'OPEN') ON CONFLICT (ballot_id) DO NOTHING""")
                .params(event.ballotId(), request.requestId(), request.subjectKind(), request.subjectId(),
                        request.body().name())
                .update();
    }

    @InboundEventHandler
    public void on(BallotClosed event, InboundEvent<BallotClosed> envelope) {
        jdbc.sql("UPDATE voting_ballot SET status = 'CLOSED', outcome = ?, closed_event_id = ? WHERE ballot_id = ?")
                .params(event.outcome().name(), envelope.id(), event.ballotId()).update();
        commandFor(event, envelope.decisionRef(event.ballotId())).ifPresent(command -> {
            Object applied = commands.sendAndWait(command);
            log.info("Ballot {} ({} {}) closed {}: {} -> {}", event.ballotId(), event.subjectKind(),
                    event.subjectId(), event.outcome(), command.getClass().getSimpleName(), applied);
        });
    }

    @InboundEventHandler
    public void on(BallotCancelled event) {
        jdbc.sql("UPDATE voting_ballot SET status = 'CANCELLED' WHERE ballot_id = ? AND status = 'OPEN'")
                .param(event.ballotId()).update();
    }

    /** The command a closed ballot of the registry's leads to, naming the ballot as the decision. */
    static Optional<Object> commandFor(BallotClosed event, DecisionRef ballot) {
        if (Module.SETTINGS_MOTION_SUBJECT.equals(event.subjectKind())) {
            return Optional.of(new RecordSettingsBallotClosed(event.subjectId(), event.requestId(), event.ballotId(),
                    event.outcome(), ballot));
        }
        if (SeatLifecycle.REINSTATEMENT_SUBJECT.equals(event.subjectKind())) {
            return Optional.of(CoreGroup.ID.equals(event.subjectId())
                    ? new RecordCoreReinstatementBallotClosed(event.requestId(), event.ballotId(), event.outcome(),
                    ballot)
                    : new RecordReinstatementBallotClosed(event.subjectId(), event.requestId(), event.ballotId(),
                    event.outcome(), ballot));
        }
        return Optional.empty();
    }

    /** R4: a ballot of the copy, as the decision a direct settings change names; empty when unknown. */
    public Optional<CoreDecision> decision(String ballotId) {
        return jdbc.sql("SELECT * FROM voting_ballot WHERE ballot_id = ?").param(ballotId)
                .query((rs, n) -> {
                    String outcome = rs.getString("outcome");
                    String closedEvent = rs.getString("closed_event_id");
                    return new CoreDecision(rs.getString("ballot_id"), BallotBody.valueOf(rs.getString("body")),
                            rs.getString("subject_kind"), rs.getString("status"),
                            outcome == null ? null : dev.charter.contracts.voting.BallotOutcome.valueOf(outcome),
                            closedEvent == null ? null : new DecisionRef(
                                    dev.charter.contracts.EventStream.VOTING.topic(), BallotClosed.class.getSimpleName(),
                                    closedEvent, ballotId));
                })
                .optional();
    }
}
