package dev.charter.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import static org.awaitility.Awaitility.await;

/**
 * The Kafka side of a service's integration test: plays other services by publishing their public events on their
 * topics, and reads what the service under test published on its own topic. Event records are turned into
 * CloudEvents with the functions given (the contracts' catalog: this module does not depend on the contracts).
 */
public final class EventTraffic implements AutoCloseable {

    private final String topicPrefix;
    private final ObjectMapper mapper;
    private final Function<Class<?>, String> typeOf;
    private final Function<Class<?>, String> topicOf;
    private final Function<Class<?>, String> publisherOf;
    private final Duration wait;
    private final String servers;
    private final Map<String, KafkaTestPublisher> publishers = new ConcurrentHashMap<>();
    private final KafkaTestConsumer own;

    /**
     * @param ownTopic the service's own topic, without the prefix
     * @param typeOf   an event record's CloudEvents type
     * @param topicOf  an event record's topic, without the prefix
     * @param publisherOf the service that publishes an event record's stream: its events carry that service's
     *                    CloudEvents source, the only one consumers accept on the stream
     */
    public EventTraffic(String topicPrefix, String ownTopic, ObjectMapper mapper, Function<Class<?>, String> typeOf,
                        Function<Class<?>, String> topicOf, Function<Class<?>, String> publisherOf, Duration wait) {
        this.topicPrefix = topicPrefix;
        this.mapper = mapper;
        this.typeOf = typeOf;
        this.topicOf = topicOf;
        this.publisherOf = publisherOf;
        this.wait = wait;
        this.servers = TestInfrastructure.kafkaBootstrapServers();
        this.own = new KafkaTestConsumer(servers, topicPrefix + ownTopic);
    }

    /** Publishes an event of another service as that service, keyed by its aggregate id; returns its event id. */
    public String publish(String key, Object event) {
        return publishAs(publisherOf.apply(event.getClass()), key, event);
    }

    /**
     * Publishes an event on its stream's topic with the source of {@code service}, which need not be the stream's
     * publisher (a forgery, when it is not); returns its event id.
     */
    public String publishAs(String service, String key, Object event) {
        KafkaTestPublisher publisher = publishers.computeIfAbsent(service,
                source -> new KafkaTestPublisher(servers, source));
        try {
            return publisher.publish(topicPrefix + topicOf.apply(event.getClass()), key,
                    typeOf.apply(event.getClass()), mapper.writeValueAsBytes(event));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first event of this type the service published for this aggregate, waiting for it. */
    public <T> T awaitPublished(String key, Class<T> type) {
        return payload(awaitRecord(key, type), type);
    }

    /** Every event of this type the service published for this aggregate so far, waiting for at least {@code count}. */
    public <T> List<T> awaitPublished(String key, Class<T> type, int count) {
        String ceType = typeOf.apply(type);
        return await().atMost(wait).until(() -> own.poll().stream()
                        .filter(r -> key.equals(r.key()) && ceType.equals(header(r, "ce_type")))
                        .map(r -> payload(r, type)).toList(),
                events -> events.size() >= count);
    }

    public ConsumerRecord<String, byte[]> awaitRecord(String key, Class<?> type) {
        String ceType = typeOf.apply(type);
        return await().atMost(wait).until(() -> own.poll().stream()
                        .filter(r -> key.equals(r.key()) && ceType.equals(header(r, "ce_type"))).findFirst()
                        .orElse(null),
                r -> r != null);
    }

    /** The types of every event the service has published so far for this aggregate, in order. */
    public List<String> publishedTypes(String key) {
        return own.poll().stream().filter(r -> key.equals(r.key())).map(r -> header(r, "ce_type")).toList();
    }

    public <T> T payload(ConsumerRecord<String, byte[]> record, Class<T> type) {
        try {
            return mapper.readValue(record.value(), type);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        publishers.values().forEach(KafkaTestPublisher::close);
        publishers.clear();
        own.close();
    }
}
