package dev.charter.auditor.events;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One event as it was read from a stream or an archive, untouched: its CloudEvents attributes and extensions
 * (by their CloudEvents names, e.g. {@code id}, {@code type}, {@code time}, {@code actor}, {@code chainsequence}),
 * its data exactly as published, and where it was read (topic, partition, offset, key).
 *
 * @param stream     the stream's short name, e.g. {@code registry}
 * @param attributes every CloudEvents attribute and extension, as strings
 * @param data       the event's data bytes as published (JSON for every Charter event)
 * @param headers    Kafka headers that are not CloudEvents attributes (none today), kept as they were
 */
public record RecordedEvent(String stream, String topic, int partition, long offset, String key,
                            Map<String, String> attributes, byte[] data, Map<String, byte[]> headers) {

    public static final String PARKED_TYPE = "dev.charter.audit.EventParked.v1";

    public RecordedEvent {
        attributes = Collections.unmodifiableMap(attributes instanceof TreeMap<String, String> sorted ? sorted
                : new TreeMap<>(attributes));
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(headers));
    }

    public String attribute(String name) {
        return attributes.get(name);
    }

    public String id() {
        return attributes.get("id");
    }

    public String type() {
        return attributes.get("type");
    }

    public String subject() {
        return attributes.get("subject");
    }

    public String time() {
        return attributes.get("time");
    }

    /** The chain position, or null when the event carries none (or not a number). */
    public Long chainSequence() {
        String value = attributes.get("chainsequence");
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public String chainHash() {
        return attributes.get("chainhash");
    }

    public boolean parked() {
        return PARKED_TYPE.equals(type());
    }

    public String dataText() {
        return data == null ? "" : new String(data, StandardCharsets.UTF_8);
    }

    /** The same event with one attribute set (tests and tampering tools). */
    public RecordedEvent withAttribute(String name, String value) {
        Map<String, String> changed = new TreeMap<>(attributes);
        if (value == null) {
            changed.remove(name);
        } else {
            changed.put(name, value);
        }
        return new RecordedEvent(stream, topic, partition, offset, key, changed, data, headers);
    }

    public RecordedEvent withData(byte[] newData) {
        return new RecordedEvent(stream, topic, partition, offset, key, attributes, newData, headers);
    }

    public RecordedEvent at(int newPartition, long newOffset) {
        return new RecordedEvent(stream, topic, newPartition, newOffset, key, attributes, data, headers);
    }
}
