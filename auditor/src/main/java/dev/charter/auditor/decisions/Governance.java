package dev.charter.auditor.decisions;

import dev.charter.auditor.history.Decoded;
import dev.charter.auditor.history.History;
import dev.charter.auditor.roster.RosterHistory;
import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.EventStream;
import dev.charter.contracts.PublicEvent;
import dev.charter.contracts.registry.RegistryEvent;
import dev.charter.contracts.voting.VotingEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The history with the indexes the decision checks look things up by. */
public class Governance {

    private final History history;
    private final RosterHistory roster;
    private final Map<String, Decoded> opened = new HashMap<>();
    private final Map<String, Decoded> closed = new HashMap<>();
    private final Map<String, List<Decoded>> registryByDecisionEvent = new HashMap<>();

    public Governance(History history) {
        this.history = history;
        this.roster = new RosterHistory(history.of(EventStream.REGISTRY));
        for (Decoded decoded : history.of(EventStream.VOTING)) {
            if (decoded.event() instanceof VotingEvent.BallotOpened e) {
                opened.put(e.ballotId(), decoded);
            } else if (decoded.event() instanceof VotingEvent.BallotClosed e) {
                closed.put(e.ballotId(), decoded);
            }
        }
        for (Decoded decoded : history.of(EventStream.REGISTRY)) {
            DecisionRef decision = decisionOf(decoded.event());
            if (decision != null && decision.eventId() != null) {
                registryByDecisionEvent.computeIfAbsent(decision.eventId(), k -> new ArrayList<>()).add(decoded);
            }
        }
    }

    public List<Decoded> events(EventStream stream) {
        return history.of(stream);
    }

    public RosterHistory roster() {
        return roster;
    }

    public Optional<VotingEvent.BallotOpened> opened(String ballotId) {
        return Optional.ofNullable(opened.get(ballotId)).map(d -> (VotingEvent.BallotOpened) d.event());
    }

    public Optional<Decoded> openedEvent(String ballotId) {
        return Optional.ofNullable(opened.get(ballotId));
    }

    public Optional<VotingEvent.BallotClosed> closed(String ballotId) {
        return Optional.ofNullable(closed.get(ballotId)).map(d -> (VotingEvent.BallotClosed) d.event());
    }

    /** The registry events that name this decision event as theirs. */
    public List<Decoded> registryEffectsOf(String decisionEventId) {
        return registryByDecisionEvent.getOrDefault(decisionEventId, List.of());
    }

    public <T extends PublicEvent> List<Decoded> all(EventStream stream, Class<T> type) {
        return history.of(stream).stream().filter(d -> type.isInstance(d.event())).toList();
    }

    static DecisionRef decisionOf(PublicEvent event) {
        if (event instanceof RegistryEvent.MaintainerAppointed e) {
            return e.decision();
        }
        if (event instanceof RegistryEvent.MaintainerRemoved e) {
            return e.decision();
        }
        if (event instanceof RegistryEvent.MovedToEmeritus e) {
            return e.decision();
        }
        if (event instanceof RegistryEvent.ModuleAdded e) {
            return e.decision();
        }
        if (event instanceof RegistryEvent.ModuleRescoped e) {
            return e.decision();
        }
        if (event instanceof RegistryEvent.ModuleRetired e) {
            return e.decision();
        }
        return null;
    }
}
