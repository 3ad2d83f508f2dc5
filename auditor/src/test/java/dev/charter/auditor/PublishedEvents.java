package dev.charter.auditor;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charter.auditor.events.KafkaSource;
import dev.charter.auditor.events.RecordedEvent;
import dev.charter.contracts.EventCatalog;
import dev.charter.contracts.PublicEvent;
import dev.charter.platform.audit.AuditChain;
import dev.charter.platform.axon.AxonPersistenceAutoConfiguration;
import dev.charter.platform.messaging.EventMetadata;
import dev.charter.platform.publish.CloudEventMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.axonframework.eventhandling.GenericDomainEventMessage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Events made as the platform makes them: each chained by the platform's {@link AuditChain} and turned into a
 * CloudEvent by its {@link CloudEventMapper}, serialised in Kafka's binary mode and read back as a consumer gets
 * it. What the auditor verifies here was chained by the platform's code, not by the auditor's.
 */
public class PublishedEvents {

    public static final ObjectMapper MAPPER = AxonPersistenceAutoConfiguration.eventObjectMapper();
    private static final AuditChain PLATFORM_CHAIN = new AuditChain(null, MAPPER);

    private final Map<String, Long> sequenceByStream = new HashMap<>();
    private final Map<String, String> headByStream = new HashMap<>();
    private final Map<String, Long> aggregateSequence = new HashMap<>();
    private final Map<String, Long> offsetByPartition = new HashMap<>();
    private final List<RecordedEvent> events = new ArrayList<>();
    private final List<String> canonical = new ArrayList<>();
    private Instant clock = Instant.parse("2026-03-01T09:00:00.120Z");

    public List<RecordedEvent> events() {
        return List.copyOf(events);
    }

    /** The platform's canonical document of each event, in the order published. */
    public List<String> platformCanonical() {
        return List.copyOf(canonical);
    }

    /** Moves the publication clock on (e.g. past the roster-copy lag the electorate check tolerates). */
    public void advance(java.time.Duration duration) {
        clock = clock.plus(duration);
    }

    public Instant now() {
        return clock;
    }

    public RecordedEvent publish(String aggregateId, PublicEvent payload, String actor) {
        return publish(aggregateId, payload, actor, Optional.empty());
    }

    public RecordedEvent publish(String aggregateId, PublicEvent payload, String actor, Optional<String> id) {
        clock = clock.plusMillis(1500).plusNanos(37_000);
        String stream = EventCatalog.instance().streamOf(payload.getClass()).streamName();
        long aggregateSeq = aggregateSequence.merge(stream + "|" + aggregateId, 1L, Long::sum) - 1;
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(EventMetadata.ACTOR, actor);
        metadata.put(EventMetadata.CORRELATION_ID, "corr-" + aggregateId);
        metadata.put(EventMetadata.CAUSATION_ID, "request:" + UUID.randomUUID());
        metadata.put(EventMetadata.RULES_VERSION, "pytorch-governance-mechanics/2024");
        GenericDomainEventMessage<PublicEvent> message = new GenericDomainEventMessage<>("Aggregate", aggregateId,
                aggregateSeq, payload, metadata, id.orElse(UUID.randomUUID().toString()), clock);
        String document = PLATFORM_CHAIN.canonicalJson(message);
        long sequence = sequenceByStream.merge(stream, 1L, Long::sum);
        String previous = headByStream.getOrDefault(stream, AuditChain.GENESIS);
        String hash = AuditChain.hash(previous, document);
        headByStream.put(stream, hash);
        AuditChain.Link link = new AuditChain.Link(sequence, message.getIdentifier(), aggregateId,
                EventCatalog.instance().typeOf(payload.getClass()), document, previous, hash);
        CloudEvent cloudEvent = new CloudEventMapper(MAPPER, stream).toCloudEvent(message, link);
        RecordedEvent recorded = received("charter." + stream + ".v1", Math.floorMod(aggregateId.hashCode(), 3),
                aggregateId, cloudEvent);
        events.add(recorded);
        canonical.add(document);
        return recorded;
    }

    /** A CloudEvent through Kafka's binary mode, as a consumer reads it. */
    public RecordedEvent received(String topic, int partition, String key, CloudEvent cloudEvent) {
        RecordHeaders headers = new RecordHeaders();
        try (CloudEventSerializer serializer = new CloudEventSerializer()) {
            serializer.configure(Map.of("cloudevents.serializer.encoding", Encoding.BINARY.name()), false);
            byte[] value = serializer.serialize(topic, headers, cloudEvent);
            long offset = offsetByPartition.merge(topic + "|" + partition, 1L, Long::sum) - 1;
            return KafkaSource.event(new ConsumerRecord<>(topic, partition, offset, 0L, TimestampType.CREATE_TIME,
                    0, 0, key.getBytes(StandardCharsets.UTF_8), value, headers, Optional.empty()));
        }
    }

    public String head(String stream) {
        return headByStream.getOrDefault(stream, AuditChain.GENESIS);
    }
}
