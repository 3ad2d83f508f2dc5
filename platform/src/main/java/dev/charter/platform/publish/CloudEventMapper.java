package dev.charter.platform.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charter.contracts.CloudEventExtensions;
import dev.charter.contracts.EventCatalog;
import dev.charter.platform.audit.AuditChain;
import dev.charter.platform.messaging.EventMetadata;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

import java.net.URI;
import java.time.ZoneOffset;

/**
 * Maps a public event of the event store to its CloudEvent (DESIGN §3): id, type
 * {@code dev.charter.<stream>.<Event>.v<revision>}, source {@code /charter/<service>}, subject = aggregate
 * id, time = occurred-at, JSON data, and the Charter extensions (actor, correlation, causation, rules
 * version, aggregate sequence, audit chain position and hash).
 */
public class CloudEventMapper {

    private final ObjectMapper mapper;
    private final URI source;
    private final EventCatalog catalog = EventCatalog.instance();

    public CloudEventMapper(ObjectMapper mapper, String service) {
        this.mapper = mapper;
        this.source = URI.create(dev.charter.contracts.EventStream.sourceOf(service));
    }

    public CloudEvent toCloudEvent(EventMessage<?> event, AuditChain.Link link) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.getIdentifier())
                .withType(catalog.typeOf(event.getPayloadType()))
                .withSource(source)
                .withTime(event.getTimestamp().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(data(event.getPayload()));
        if (event instanceof DomainEventMessage<?> domain) {
            builder.withSubject(domain.getAggregateIdentifier())
                    .withExtension(CloudEventExtensions.AGGREGATE_SEQUENCE, Long.toString(domain.getSequenceNumber()));
        }
        extension(builder, CloudEventExtensions.ACTOR, event.getMetaData().get(EventMetadata.ACTOR));
        extension(builder, CloudEventExtensions.CORRELATION_ID, event.getMetaData().get(EventMetadata.CORRELATION_ID));
        extension(builder, CloudEventExtensions.CAUSATION_ID, event.getMetaData().get(EventMetadata.CAUSATION_ID));
        extension(builder, CloudEventExtensions.RULES_VERSION, event.getMetaData().get(EventMetadata.RULES_VERSION));
        if (link != null) {
            builder.withExtension(CloudEventExtensions.CHAIN_SEQUENCE, Long.toString(link.sequence()))
                    .withExtension(CloudEventExtensions.CHAIN_HASH, link.hash());
        }
        return builder.build();
    }

    /** The CloudEvent with its audit chain position and hash. */
    public static CloudEvent withLink(CloudEvent event, AuditChain.Link link) {
        return CloudEventBuilder.v1(event)
                .withExtension(CloudEventExtensions.CHAIN_SEQUENCE, Long.toString(link.sequence()))
                .withExtension(CloudEventExtensions.CHAIN_HASH, link.hash())
                .build();
    }

    /** One of the service's own chain records (e.g. EventParked) as it is published, with its chain link. */
    public CloudEvent toCloudEvent(String id, String subject, java.time.Instant time, String actor,
                                   dev.charter.contracts.audit.ChainRecord record, AuditChain.Link link) {
        return withLink(CloudEventBuilder.v1()
                .withId(id)
                .withType(catalog.typeOf(record.getClass()))
                .withSource(source)
                .withSubject(subject)
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(data(record))
                .withExtension(CloudEventExtensions.ACTOR, actor)
                .build(), link);
    }

    /**
     * A public event as another service would publish it: for tests and tools that put events on a topic
     * without an event store behind them.
     */
    public static CloudEvent publicEvent(ObjectMapper mapper, String service, String id, String subject,
                                         Object payload) {
        return CloudEventBuilder.v1()
                .withId(id)
                .withType(EventCatalog.instance().typeOf(payload.getClass()))
                .withSource(URI.create(dev.charter.contracts.EventStream.sourceOf(service)))
                .withSubject(subject)
                .withTime(java.time.OffsetDateTime.now(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(new CloudEventMapper(mapper, service).data(payload))
                .withExtension(CloudEventExtensions.ACTOR, "system:" + service)
                .build();
    }

    private byte[] data(Object payload) {
        try {
            return mapper.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + payload.getClass().getName(), e);
        }
    }

    private static void extension(CloudEventBuilder builder, String name, Object value) {
        if (value != null) {
            builder.withExtension(name, value.toString());
        }
    }
}
