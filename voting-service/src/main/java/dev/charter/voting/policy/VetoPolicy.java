package dev.charter.voting.policy;

import dev.charter.contracts.disputes.DecisionKind;
import dev.charter.contracts.disputes.DisputeEvent.VetoCarried;
import dev.charter.platform.consume.InboundEvent;
import dev.charter.platform.consume.InboundEventHandler;
import dev.charter.voting.ballot.BallotCommands.RecordVeto;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * R7: a carried veto of a motion of a module's group (VetoCarried on charter.disputes.v1) shows that ballot as
 * vetoed, with the veto. Vetoes of other decisions are other services' business. Idempotent: the platform skips
 * a re-delivered event id, and a ballot vetoed already ignores the veto.
 */
@Component
public class VetoPolicy {

    private static final Logger log = LoggerFactory.getLogger(VetoPolicy.class);

    private final CommandGateway commands;
    private final EventStore eventStore;

    public VetoPolicy(CommandGateway commands, EventStore eventStore) {
        this.commands = commands;
        this.eventStore = eventStore;
    }

    @InboundEventHandler
    public void on(VetoCarried event, InboundEvent<VetoCarried> envelope) {
        commandFor(event).ifPresent(command -> {
            if (eventStore.lastSequenceNumberFor(command.ballotId()).isEmpty()) {
                log.warn("{} {}: no ballot {} here to show as vetoed", envelope.type(), envelope.id(),
                        command.ballotId());
                return;
            }
            boolean vetoed = commands.sendAndWait(command);
            log.info("{} {}: ballot {} {}", envelope.type(), envelope.id(), command.ballotId(),
                    vetoed ? "shown as vetoed" : "was vetoed already");
        });
    }

    /** The ballot a veto of a motion names (its decision's reference is the ballot id). */
    static Optional<RecordVeto> commandFor(VetoCarried event) {
        if (event.decision() == null || event.decision().kind() != DecisionKind.MOTION
                || event.decision().ref() == null || event.decision().ref().reference() == null) {
            return Optional.empty();
        }
        return Optional.of(new RecordVeto(event.decision().ref().reference(), event.vetoId(), event.reasoning(),
                event.decidedBy()));
    }
}
