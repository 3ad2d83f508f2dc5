package dev.charter.contracts;

import dev.charter.contracts.audit.ChainRecord;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every public event type, derived from the streams' sealed interfaces, with its CloudEvents type
 * name {@code dev.charter.<stream>.<Event>.v<revision>}.
 */
public final class EventCatalog {

    private static final EventCatalog INSTANCE = new EventCatalog();

    private final Map<String, Class<? extends PublicEvent>> classByType = new LinkedHashMap<>();
    private final Map<Class<?>, String> typeByClass = new LinkedHashMap<>();
    private final Map<Class<?>, EventStream> streamByClass = new LinkedHashMap<>();
    private final Map<String, Class<? extends ChainRecord>> chainRecordByType = new LinkedHashMap<>();

    private EventCatalog() {
        for (EventStream stream : EventStream.values()) {
            for (Class<?> permitted : stream.eventInterface().getPermittedSubclasses()) {
                @SuppressWarnings("unchecked")
                Class<? extends PublicEvent> eventClass = (Class<? extends PublicEvent>) permitted;
                String type = "dev.charter." + stream.streamName() + "." + eventClass.getSimpleName()
                        + ".v" + revisionOf(eventClass);
                classByType.put(type, eventClass);
                typeByClass.put(eventClass, type);
                streamByClass.put(eventClass, stream);
            }
        }
        for (Class<?> permitted : ChainRecord.class.getPermittedSubclasses()) {
            @SuppressWarnings("unchecked")
            Class<? extends ChainRecord> recordClass = (Class<? extends ChainRecord>) permitted;
            String type = CHAIN_RECORD_TYPE_PREFIX + recordClass.getSimpleName() + ".v" + revisionOf(recordClass);
            chainRecordByType.put(type, recordClass);
            typeByClass.put(recordClass, type);
        }
    }

    /** CloudEvents types of the audit chain's own records ({@link ChainRecord}): consumers skip them. */
    public static final String CHAIN_RECORD_TYPE_PREFIX = "dev.charter.audit.";

    public static EventCatalog instance() {
        return INSTANCE;
    }

    public static int revisionOf(Class<?> eventClass) {
        EventRevision revision = eventClass.getAnnotation(EventRevision.class);
        if (revision == null) {
            throw new IllegalStateException(eventClass.getName() + " has no @EventRevision");
        }
        return revision.value();
    }

    public boolean isPublic(Class<?> payloadType) {
        return streamByClass.containsKey(payloadType);
    }

    /** Whether a CloudEvents type is one of the audit chain's own records (e.g. EventParked), of any revision. */
    public boolean isChainRecord(String type) {
        return type != null && type.startsWith(CHAIN_RECORD_TYPE_PREFIX);
    }

    /** The audit chain's own records, by CloudEvents type. */
    public Map<String, Class<? extends ChainRecord>> chainRecords() {
        return Collections.unmodifiableMap(chainRecordByType);
    }

    /** The CloudEvents type of a public event or of a chain record. */
    public String typeOf(Class<?> eventClass) {
        String type = typeByClass.get(eventClass);
        if (type == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not a public event");
        }
        return type;
    }

    public EventStream streamOf(Class<?> eventClass) {
        EventStream stream = streamByClass.get(eventClass);
        if (stream == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not a public event");
        }
        return stream;
    }

    public Optional<Class<? extends PublicEvent>> classOf(String type) {
        return Optional.ofNullable(classByType.get(type));
    }

    /** A CloudEvents type read back: the record it becomes, and the upcasters that take its JSON there. */
    public record Resolution(Class<? extends PublicEvent> eventClass, int revision, List<EventUpcaster> upcasters) {
    }

    /**
     * Resolves a CloudEvents type of the current revision or, through {@code upcasters}, of an older one;
     * empty for an unknown type or a revision no upcaster chain reaches.
     */
    public Optional<Resolution> resolve(String type, List<EventUpcaster> upcasters) {
        Class<? extends PublicEvent> current = classByType.get(type);
        if (current != null) {
            return Optional.of(new Resolution(current, revisionOf(current), List.of()));
        }
        int marker = type == null ? -1 : type.lastIndexOf(".v");
        if (marker < 0) {
            return Optional.empty();
        }
        int revision;
        try {
            revision = Integer.parseInt(type.substring(marker + 2));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String prefix = type.substring(0, marker + 2);
        return classByType.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(prefix))
                .findFirst()
                .flatMap(entry -> EventUpcasters.chain(upcasters, entry.getValue(), revision)
                        .map(chain -> new Resolution(entry.getValue(), revision, chain)));
    }

    public List<Class<? extends PublicEvent>> eventsOf(EventStream stream) {
        return classByType.values().stream().filter(c -> streamByClass.get(c) == stream).toList();
    }

    public Map<String, Class<? extends PublicEvent>> all() {
        return Collections.unmodifiableMap(classByType);
    }
}
