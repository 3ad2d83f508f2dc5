package dev.charter.auditor.history;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.charter.auditor.events.RecordedEvent;
import dev.charter.contracts.EventCatalog;
import dev.charter.contracts.EventUpcaster;
import dev.charter.contracts.EventUpcasters;
import dev.charter.contracts.PublicEvent;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Reads an event's data into its published record (api-contracts), through the contract's upcasters for older
 * revisions. The chain is verified on the bytes, not on records; records are only what the rules are checked on.
 */
public final class Decoder {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final EventCatalog CATALOG = EventCatalog.instance();

    private Decoder() {
    }

    /** The event as its record; empty for a type the contract does not know (e.g. an audit entry). */
    public static Optional<Decoded> decode(RecordedEvent event) {
        if (event.type() == null) {
            return Optional.empty();
        }
        Optional<EventCatalog.Resolution> resolution = CATALOG.resolve(event.type(), EventUpcasters.ALL);
        if (resolution.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode data = JSON.readTree(event.data());
            for (EventUpcaster upcaster : resolution.get().upcasters()) {
                data = upcaster.upcast((ObjectNode) data);
            }
            PublicEvent record = JSON.treeToValue(data, resolution.get().eventClass());
            Long sequence = event.chainSequence();
            return Optional.of(new Decoded(event.stream(), sequence == null ? -1 : sequence, event.id(),
                    time(event.time()), event.attribute("actor"), record));
        } catch (IOException | RuntimeException e) {
            throw new Unreadable(event.type() + " " + event.id() + ": " + e.getMessage());
        }
    }

    static Instant time(String time) {
        try {
            return time == null ? Instant.EPOCH : OffsetDateTime.parse(time.trim()).toInstant();
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }

    /** Data that does not fit its published record. */
    public static class Unreadable extends RuntimeException {
        public Unreadable(String message) {
            super(message);
        }
    }
}
