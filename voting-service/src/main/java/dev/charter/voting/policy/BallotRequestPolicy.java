package dev.charter.voting.policy;

import dev.charter.contracts.voting.BallotCancelling;
import dev.charter.contracts.voting.BallotIds;
import dev.charter.contracts.voting.BallotRequesting;
import dev.charter.platform.consume.InboundEvent;
import dev.charter.platform.consume.InboundEventHandler;
import dev.charter.voting.ballot.BallotCommands.CancelBallot;
import dev.charter.voting.ballot.BallotOpener;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Ballots requested by other services (DESIGN §3): any public event implementing {@link BallotRequesting}
 * (e.g. NominationReviewRequested, LeadElectionBallotRequested) opens the ballot it asks for, and any event
 * implementing {@link BallotCancelling} (e.g. a withdrawn nomination) cancels it while it is undecided.
 * Idempotent: the platform skips a re-delivered event id, and the ballot id is derived from the request id
 * ({@link BallotIds#forRequest}), so the same request again finds its ballot open and opens nothing new; a
 * cancel of a decided or cancelled ballot changes nothing. A malformed request is refused with a governance
 * error, which sends the event to the dead-letter topic (logged with its id).
 */
@Component
public class BallotRequestPolicy {

    private static final Logger log = LoggerFactory.getLogger(BallotRequestPolicy.class);

    private final BallotOpener opener;
    private final CommandGateway commands;
    private final EventStore eventStore;

    public BallotRequestPolicy(BallotOpener opener, CommandGateway commands, EventStore eventStore) {
        this.opener = opener;
        this.commands = commands;
        this.eventStore = eventStore;
    }

    @InboundEventHandler
    public void on(BallotRequesting event, InboundEvent<BallotRequesting> envelope) {
        log.info("Ballot requested by {} {} (request {})", envelope.type(), envelope.id(),
                event.ballotRequest() == null ? null : event.ballotRequest().requestId());
        opener.open(event.ballotRequest());
    }

    @InboundEventHandler
    public void on(BallotCancelling event, InboundEvent<BallotCancelling> envelope) {
        String ballotId = BallotIds.forRequest(event.ballotRequestId());
        if (eventStore.lastSequenceNumberFor(ballotId).isEmpty()) {
            log.info("{} {}: no ballot was opened for request {}; nothing to cancel", envelope.type(), envelope.id(),
                    event.ballotRequestId());
            return;
        }
        boolean cancelled = commands.sendAndWait(new CancelBallot(ballotId, event.cancellationReason()));
        log.info("{} {}: ballot {} of request {} {}", envelope.type(), envelope.id(), ballotId,
                event.ballotRequestId(), cancelled ? "cancelled" : "was already decided or cancelled");
    }
}
