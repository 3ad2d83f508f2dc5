package dev.charter.platform.publish;

import dev.charter.platform.messaging.Failures;
import dev.charter.contracts.EventCatalog;
import dev.charter.contracts.audit.ChainRecord.EventParked;
import dev.charter.platform.audit.AuditChain;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.UnknownSerializedType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The event store is the outbox (DESIGN §3): this tracking processor reads the service's events in order,
 * chains each public one into the audit chain and sends it to the service's topic, keyed by aggregate id,
 * waiting for the broker's acknowledgement. Its guarantees, which a batching publisher must keep:
 * <ul>
 *   <li><b>order per aggregate</b>: one thread, one segment, events in event-store order, key = aggregate id;</li>
 *   <li><b>token after acknowledgement</b>: the token (and the chain link, same transaction) moves only once the
 *       broker acknowledged; a failed send throws, the processor backs off and retries the event: a broker outage
 *       delays publication, never a user's command, and loses nothing.</li>
 * </ul>
 * Failures are classified. <b>Transient</b> ones (broker unreachable, timeouts, a missing ACL) are retried with
 * the processor's backoff. <b>Permanent</b> ones — the event cannot be read or upcast, its mapping throws, or the
 * broker refuses it for good (too large, invalid) — would stop the stream and the chain for ever: the event is
 * parked ({@link ParkedEvents}) and the stream goes on. In its place the chain records an {@link EventParked}
 * record, published on the same topic as a CloudEvent of type {@code dev.charter.audit.EventParked.v1} with the
 * usual chain extensions, so the chain stays unbroken and the gap is visible; an ERROR log, the metric
 * {@code charter.publisher.parked} and the health indicator say so. After a fix an operator re-publishes it
 * ({@link #republish}); it is then chained at a later position, with its original event id.
 * <p>
 * Delivery is at least once; consumers de-duplicate by event id.
 */
@ProcessingGroup(EventPublisher.PROCESSING_GROUP)
public class EventPublisher implements DisposableBean {

    public static final String PROCESSING_GROUP = "charter-publisher";
    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

    private final KafkaTemplate<String, CloudEvent> template;
    private final ProducerFactory<String, CloudEvent> producerFactory;
    private final CloudEventMapper mapper;
    private final AuditChain auditChain;
    private final JdbcClient jdbc;
    private final String topic;
    private final String actor;
    private final Duration sendTimeout;
    private final EventCatalog catalog = EventCatalog.instance();
    /** Events the broker refused for good: parked when the processor hands them over again (after the rollback). */
    private final Map<String, String> refusedForGood = new ConcurrentHashMap<>();

    public EventPublisher(KafkaTemplate<String, CloudEvent> template, ProducerFactory<String, CloudEvent> producerFactory,
                          CloudEventMapper mapper, AuditChain auditChain, JdbcClient jdbc, String topic, String actor,
                          Duration sendTimeout) {
        this.template = template;
        this.producerFactory = producerFactory;
        this.mapper = mapper;
        this.auditChain = auditChain;
        this.jdbc = jdbc;
        this.topic = topic;
        this.actor = actor;
        this.sendTimeout = sendTimeout;
    }

    /** Every event of the store; the payload is read here, so that a failure to read it can be classified. */
    @EventHandler(payloadType = Object.class)
    public void publish(EventMessage<?> event) throws Exception {
        String refused = refusedForGood.remove(event.getIdentifier());
        if (refused != null) {
            park(event, typeName(event), refused);
            return;
        }
        Class<?> payloadType = event.getPayloadType();
        if (payloadType == UnknownSerializedType.class) {
            park(event, typeName(event), "its payload type " + typeName(event) + " is unknown to this version");
            return;
        }
        if (!catalog.isPublic(payloadType)) {
            return; // an internal-only event stays in its service
        }
        CloudEvent unchained;
        String canonical;
        try {
            event.getPayload();
            unchained = mapper.toCloudEvent(event, null);
            canonical = auditChain.canonicalJson(event);
        } catch (RuntimeException e) {
            park(event, typeName(event), "it cannot be read, upcast or mapped: " + rootMessage(e));
            return;
        }
        AuditChain.Link link = auditChain.append(event, canonical);
        send(key(event), CloudEventMapper.withLink(unchained, link), link);
    }

    /**
     * Publishes a parked event again, after a fix (an upcaster deployed, the broker's limit raised): chained at
     * the next position with its original id, sent and acknowledged, all in the caller's transaction. Throws if
     * it still cannot be read, mapped or sent.
     */
    AuditChain.Link republish(EventMessage<?> event) throws Exception {
        if (!catalog.isPublic(event.getPayloadType())) {
            throw new IllegalStateException("its payload type " + typeName(event) + " is still not a readable public event");
        }
        event.getPayload();
        CloudEvent unchained = mapper.toCloudEvent(event, null);
        AuditChain.Link link = auditChain.append(event, auditChain.canonicalJson(event));
        send(key(event), CloudEventMapper.withLink(unchained, link), link);
        return link;
    }

    private void send(String key, CloudEvent cloudEvent, AuditChain.Link link) throws Exception {
        try {
            template.send(new ProducerRecord<>(topic, key, cloudEvent)).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            log.debug("Published {} {} to {} (chain #{})", cloudEvent.getType(), cloudEvent.getId(), topic,
                    link.sequence());
        } catch (ExecutionException | TimeoutException | org.springframework.kafka.KafkaException e) {
            // (a failure the client sees at once, such as a record too large, is thrown by send() itself)
            if (permanent(e)) {
                // the chain link is rolled back with this transaction; the processor hands the event over again
                refusedForGood.put(cloudEvent.getId(), "the broker refuses it for good: " + rootMessage(e));
                log.warn("The broker refuses {} {} for good ({}); it will be parked", cloudEvent.getType(),
                        cloudEvent.getId(), rootMessage(e));
            } else {
                log.warn("Could not publish {} {} to {}; will retry: {}", cloudEvent.getType(), cloudEvent.getId(),
                        topic, rootMessage(e));
                // a fresh producer (new producer id) for the retry, in case the broker lost the old one's state
                producerFactory.reset();
            }
            throw e;
        }
    }

    /**
     * Parks the event: records it with the error, chains an {@link EventParked} record in its place and publishes
     * that record on the same topic, keyed by the event's aggregate (so its place in the aggregate's order shows).
     */
    private void park(EventMessage<?> event, String type, String error) throws Exception {
        String aggregateId = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : "";
        long sequence = event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : -1;
        EventParked parked = new EventParked(event.getIdentifier(), type, aggregateId, sequence, error);
        String recordId = parkedRecordId(event.getIdentifier());
        AuditChain.Link link = auditChain.appendRecord(recordId, AuditChain.globalIndex(event), aggregateId,
                event.getTimestamp(), actor, parked);
        jdbc.sql("""
                        INSERT INTO parked_event (event_id, global_index, aggregate_id, aggregate_sequence, event_type,
                                                  error, gap_chain_seq)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""")
                .params(event.getIdentifier(), AuditChain.globalIndex(event), aggregateId, sequence, type, error,
                        link.sequence())
                .update();
        try {
            send(aggregateId.isEmpty() ? null : aggregateId,
                    mapper.toCloudEvent(recordId, aggregateId, event.getTimestamp(), actor, parked, link), link);
        } catch (Exception e) {
            // rolled back with the parking; parked again on the next attempt
            refusedForGood.putIfAbsent(event.getIdentifier(), error);
            throw e;
        }
        log.error("PARKED event {} ({}, aggregate {} #{}): it can never be published as it is: {}. The stream goes on; "
                        + "the chain records the gap at #{}. Fix it, then re-publish it (actuator parkedevents).",
                event.getIdentifier(), type, aggregateId, sequence, error, link.sequence());
    }

    /** The EventParked record's id: derived from the parked event's, so parking again never adds a second one. */
    static String parkedRecordId(String eventId) {
        return UUID.nameUUIDFromBytes(("charter-parked:" + eventId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private String typeName(EventMessage<?> event) {
        Class<?> payloadType = event.getPayloadType();
        if (catalog.isPublic(payloadType)) {
            return catalog.typeOf(payloadType);
        }
        if (payloadType == UnknownSerializedType.class) {
            try {
                return ((UnknownSerializedType) event.getPayload()).serializedType().getName();
            } catch (RuntimeException e) {
                return payloadType.getName();
            }
        }
        return payloadType.getName();
    }

    private static String key(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
    }

    /** The broker or the client will never take this record as it is. */
    static boolean permanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
                    || t instanceof InvalidRecordException || t instanceof SerializationException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        return Failures.rootMessage(failure);
    }

    @Override
    public void destroy() throws Exception {
        if (producerFactory instanceof DisposableBean disposable) {
            disposable.destroy();
        }
    }
}
