package dev.charter.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charter.contracts.EventUpcaster;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.List;
import java.util.Optional;

/**
 * Applies the contract's {@link EventUpcaster}s to events read from the event store: an event stored at an
 * older revision is upcast one revision at a time until it is the current record (Axon chains the steps).
 */
public class ContractEventUpcaster extends SingleEventUpcaster {

    private final List<EventUpcaster> upcasters;

    public ContractEventUpcaster(List<EventUpcaster> upcasters) {
        this.upcasters = upcasters;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return step(representation).isPresent();
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        EventUpcaster upcaster = step(representation).orElseThrow();
        return representation.upcastPayload(
                new SimpleSerializedType(representation.getType().getName(),
                        Integer.toString(upcaster.fromRevision() + 1)),
                JsonNode.class,
                data -> upcaster.upcast((ObjectNode) data));
    }

    private Optional<EventUpcaster> step(IntermediateEventRepresentation representation) {
        String name = representation.getType().getName();
        String revision = representation.getType().getRevision();
        return upcasters.stream()
                .filter(u -> u.eventClass().getName().equals(name)
                        && Integer.toString(u.fromRevision()).equals(revision))
                .findFirst();
    }
}
