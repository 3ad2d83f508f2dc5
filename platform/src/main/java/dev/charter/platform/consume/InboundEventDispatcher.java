package dev.charter.platform.consume;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charter.contracts.EventUpcaster;
import dev.charter.contracts.CloudEventExtensions;
import dev.charter.contracts.EventCatalog;
import dev.charter.contracts.EventStream;
import dev.charter.contracts.PublicEvent;
import dev.charter.platform.config.CharterProperties;
import dev.charter.platform.messaging.MessageContext;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ReflectionUtils;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the {@link InboundEventHandler} methods of the application's beans and runs them for each consumed
 * record: reads the CloudEvent, maps its type to the public event record, and in one transaction records
 * the event id (a duplicate stops here) and runs the handlers, with the service as actor and the event as
 * cause. An unreadable record or an unknown type is a {@link PoisonEventException}; an event whose source is not
 * its stream's one publisher, or whose type is not of the topic's stream, a {@link ForgedEventException}.
 * Records of the publisher's audit chain (e.g. {@code EventParked}) are skipped.
 */
public class InboundEventDispatcher implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(InboundEventDispatcher.class);

    private final ApplicationContext context;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final ObjectMapper mapper;
    private final CharterProperties properties;
    private final List<EventUpcaster> upcasters;
    private final EventCatalog catalog = EventCatalog.instance();
    private final Map<Class<?>, List<Handler>> handlers = new LinkedHashMap<>();
    private boolean registered;

    private record Handler(Object bean, Method method) {
    }

    public InboundEventDispatcher(ApplicationContext context, TransactionTemplate transactions, JdbcClient jdbc,
                                  ObjectMapper mapper, CharterProperties properties,
                                  List<EventUpcaster> upcasters) {
        this.context = context;
        this.upcasters = upcasters;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        registerHandlers();
    }

    /** Finds the handlers once, when the first caller needs them (other start-up steps may ask first). */
    private synchronized void registerHandlers() {
        if (registered) {
            return;
        }
        registered = true;
        for (String name : context.getBeanNamesForType(Object.class, false, false)) {
            Class<?> type = context.getType(name);
            if (type == null || type.getName().startsWith("org.springframework.")) {
                continue;
            }
            Map<Method, InboundEventHandler> methods = MethodIntrospector.selectMethods(type,
                    (MethodIntrospector.MetadataLookup<InboundEventHandler>) m ->
                            AnnotatedElementUtils.findMergedAnnotation(m, InboundEventHandler.class));
            if (methods.isEmpty()) {
                continue;
            }
            Object bean = context.getBean(name);
            methods.keySet().forEach(method -> register(bean, method));
        }
    }

    private void register(Object bean, Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        List<Class<? extends PublicEvent>> eventClasses = parameters.length == 0 ? List.of()
                : catalog.all().values().stream().filter(parameters[0]::isAssignableFrom).toList();
        // a contract interface no public event implements yet (its publisher adds one later) is accepted
        boolean awaitedInterface = parameters.length > 0 && parameters[0].isInterface()
                && parameters[0].getPackageName().startsWith(PublicEvent.class.getPackageName());
        if (parameters.length < 1 || parameters.length > 2 || (eventClasses.isEmpty() && !awaitedInterface)
                || parameters[0] == Object.class || parameters[0] == PublicEvent.class
                || (parameters.length == 2 && parameters[1] != InboundEvent.class)) {
            throw new IllegalStateException("@InboundEventHandler " + method
                    + " must take a public event record (or an interface of the contracts, such as BallotRequesting)"
                    + " and optionally its InboundEvent");
        }
        if (eventClasses.isEmpty()) {
            log.warn("No public event implements {} yet: {}.{} handles nothing until one does",
                    parameters[0].getSimpleName(), bean.getClass().getSimpleName(), method.getName());
        }
        Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
        ReflectionUtils.makeAccessible(invocable);
        for (Class<? extends PublicEvent> eventClass : eventClasses) {
            handlers.computeIfAbsent(eventClass, k -> new ArrayList<>()).add(new Handler(bean, invocable));
            log.info("Consuming {} with {}.{}", catalog.typeOf(eventClass), bean.getClass().getSimpleName(),
                    method.getName());
        }
    }

    /** The streams this service has handlers for. */
    public Set<EventStream> consumedStreams() {
        registerHandlers();
        Set<EventStream> streams = new LinkedHashSet<>();
        handlers.keySet().forEach(type -> streams.add(catalog.streamOf(type)));
        return streams;
    }

    /** The topics (with prefix) of the streams this service has handlers for. */
    public Set<String> topics() {
        Set<String> topics = new LinkedHashSet<>();
        consumedStreams().forEach(stream -> topics.add(properties.getKafka().topic(stream.topic())));
        return topics;
    }

    public boolean hasHandlers() {
        registerHandlers();
        return !handlers.isEmpty();
    }

    public void dispatch(ConsumerRecord<String, byte[]> record) {
        CloudEvent cloudEvent = read(record);
        EventStream stream = streamOf(record, cloudEvent);
        if (catalog.isChainRecord(cloudEvent.getType())) {
            log.debug("Skipping {} {}: a record of the publisher's audit chain", cloudEvent.getType(), cloudEvent.getId());
            return;
        }
        EventCatalog.Resolution resolution = catalog.resolve(cloudEvent.getType(), upcasters).orElseThrow(() -> {
            if (newerRevision(cloudEvent.getType())) {
                return new NewerRevisionException("Event " + cloudEvent.getId() + " has type " + cloudEvent.getType()
                        + ", a newer revision than this version of " + properties.getService() + " knows");
            }
            return new PoisonEventException("Unknown event type " + cloudEvent.getType() + " of event "
                    + cloudEvent.getId() + " (no such event, or no upcaster from that revision)");
        });
        Class<? extends PublicEvent> eventClass = resolution.eventClass();
        if (catalog.streamOf(eventClass) != stream) {
            throw new ForgedEventException("stream", "Event " + cloudEvent.getId() + " of type " + cloudEvent.getType()
                    + " is not an event of " + record.topic() + " (stream " + stream.streamName() + ")");
        }
        List<Handler> eventHandlers = handlers.get(eventClass);
        if (eventHandlers == null) {
            return; // this service does not react to this event
        }
        Object payload = payload(cloudEvent, resolution);
        InboundEvent<Object> inbound = new InboundEvent<>(cloudEvent.getId(), cloudEvent.getType(),
                String.valueOf(cloudEvent.getSource()), cloudEvent.getSubject(),
                cloudEvent.getTime() == null ? null : cloudEvent.getTime().toInstant(),
                extension(cloudEvent, CloudEventExtensions.ACTOR),
                extension(cloudEvent, CloudEventExtensions.CORRELATION_ID),
                extension(cloudEvent, CloudEventExtensions.CAUSATION_ID),
                extension(cloudEvent, CloudEventExtensions.RULES_VERSION), payload,
                record.topic(), record.partition(), record.offset());
        String correlationId = inbound.correlationId() != null ? inbound.correlationId() : inbound.id();
        new MessageContext(properties.systemActor(), correlationId, inbound.id()).run(() ->
                transactions.executeWithoutResult(status -> {
                    int first = jdbc.sql("""
                                    INSERT INTO inbound_event (event_id, event_type, topic, partition_no, offset_no)
                                    VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                            .params(inbound.id(), inbound.type(), record.topic(), record.partition(), record.offset())
                            .update();
                    if (first == 0) {
                        log.debug("Skipping {} {}: already handled", inbound.type(), inbound.id());
                        return;
                    }
                    for (Handler handler : eventHandlers) {
                        invoke(handler, payload, inbound);
                    }
                }));
        log.info("Handled {} {} from {}-{}@{}", inbound.type(), inbound.id(), record.topic(), record.partition(),
                record.offset());
    }

    /** A type {@code dev.charter.<stream>.<Event>.v<n>} of a known event whose revision n is above the current one. */
    private boolean newerRevision(String type) {
        int marker = type == null ? -1 : type.lastIndexOf(".v");
        if (marker < 0) {
            return false;
        }
        try {
            int revision = Integer.parseInt(type.substring(marker + 2));
            String prefix = type.substring(0, marker + 2);
            return catalog.all().entrySet().stream().anyMatch(entry -> entry.getKey().startsWith(prefix)
                    && revision > EventCatalog.revisionOf(entry.getValue()));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The stream of the topic the record was read from, after checking that the event comes from the stream's
     * one publisher (its CloudEvents source): anyone else who could write the topic would forge governance.
     */
    private EventStream streamOf(ConsumerRecord<String, byte[]> record, CloudEvent cloudEvent) {
        String baseTopic = properties.getKafka().baseTopic(record.topic());
        EventStream stream = baseTopic == null ? null : EventStream.byTopic(baseTopic).orElse(null);
        if (stream == null) {
            throw new ForgedEventException("topic", "Event " + cloudEvent.getId() + " was read from " + record.topic()
                    + ", which is no stream of this deployment");
        }
        String source = String.valueOf(cloudEvent.getSource());
        if (!stream.source().equals(source)) {
            throw new ForgedEventException("source", "Event " + cloudEvent.getId() + " (" + cloudEvent.getType()
                    + ") on " + record.topic() + " has source " + source + "; only " + stream.source()
                    + " publishes stream " + stream.streamName());
        }
        return stream;
    }

    private CloudEvent read(ConsumerRecord<String, byte[]> record) {
        try {
            MessageReader reader = KafkaMessageFactory.createReader(record);
            return reader.toEvent();
        } catch (RuntimeException e) {
            throw new PoisonEventException("Record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " is not a CloudEvent: " + e.getMessage(), e);
        }
    }

    private Object payload(CloudEvent cloudEvent, EventCatalog.Resolution resolution) {
        if (cloudEvent.getData() == null) {
            throw new PoisonEventException("Event " + cloudEvent.getId() + " has no data");
        }
        try {
            JsonNode data = mapper.readTree(cloudEvent.getData().toBytes());
            for (EventUpcaster upcaster : resolution.upcasters()) {
                data = upcaster.upcast((ObjectNode) data);
            }
            return mapper.treeToValue(data, resolution.eventClass());
        } catch (Exception e) {
            throw new PoisonEventException("Event " + cloudEvent.getId() + " of type " + cloudEvent.getType()
                    + " has unreadable data: " + e.getMessage(), e);
        }
    }

    private static String extension(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        return value == null ? null : value.toString();
    }

    private static void invoke(Handler handler, Object payload, InboundEvent<Object> inbound) {
        try {
            if (handler.method().getParameterCount() == 1) {
                handler.method().invoke(handler.bean(), payload);
            } else {
                handler.method().invoke(handler.bean(), payload, inbound);
            }
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

}
