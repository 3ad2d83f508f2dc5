package dev.charter.platform.publish;

import dev.charter.contracts.EventCatalog;
import dev.charter.platform.audit.AuditChain;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The event store is the outbox (DESIGN §3): this tracking processor reads the service's events in order,
 * chains each public one into the audit chain and sends it to the service's topic, keyed by aggregate id,
 * waiting for the broker's acknowledgement. A failed send throws, so the processor's token does not move
 * and the event is retried until the broker takes it: a broker outage delays publication, never a user's
 * command, and loses nothing. Delivery is at least once; consumers de-duplicate by event id.
 */
@ProcessingGroup(EventPublisher.PROCESSING_GROUP)
public class EventPublisher implements DisposableBean {

    public static final String PROCESSING_GROUP = "charter-publisher";
    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

    private final KafkaTemplate<String, CloudEvent> template;
    private final ProducerFactory<String, CloudEvent> producerFactory;
    private final CloudEventMapper mapper;
    private final AuditChain auditChain;
    private final String topic;
    private final Duration sendTimeout;
    private final EventCatalog catalog = EventCatalog.instance();

    public EventPublisher(KafkaTemplate<String, CloudEvent> template, ProducerFactory<String, CloudEvent> producerFactory,
                          CloudEventMapper mapper, AuditChain auditChain, String topic, Duration sendTimeout) {
        this.template = template;
        this.producerFactory = producerFactory;
        this.mapper = mapper;
        this.auditChain = auditChain;
        this.topic = topic;
        this.sendTimeout = sendTimeout;
    }

    @EventHandler
    public void publish(Object payload, EventMessage<?> event) throws Exception {
        if (!catalog.isPublic(payload.getClass())) {
            return; // an internal-only event stays in its service
        }
        AuditChain.Link link = auditChain.append(event);
        String key = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        CloudEvent cloudEvent = mapper.toCloudEvent(event, link);
        try {
            template.send(new ProducerRecord<>(topic, key, cloudEvent))
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            log.debug("Published {} {} to {} (chain #{})", cloudEvent.getType(), cloudEvent.getId(), topic,
                    link.sequence());
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Could not publish {} {} to {}; will retry: {}", cloudEvent.getType(), cloudEvent.getId(), topic,
                    e.getCause() != null ? e.getCause().toString() : e.toString());
            // a fresh producer (new producer id) for the retry, in case the broker lost the old one's state
            producerFactory.reset();
            throw e;
        }
    }

    @Override
    public void destroy() throws Exception {
        if (producerFactory instanceof DisposableBean disposable) {
            disposable.destroy();
        }
    }
}
