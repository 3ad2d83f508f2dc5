package dev.charter.testsupport;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes events to a topic as another service would: binary-mode CloudEvents keyed by aggregate id, so a
 * test can play the part of a service that is not running (e.g. the registry or voting-service). Its source is
 * {@code /charter/<sourceService>}: consumers accept a stream's events only from the stream's publisher (pass
 * {@code EventStream.publisher()}). On the test broker it writes as the super user.
 */
public final class KafkaTestPublisher implements AutoCloseable {

    private final String bootstrapServers;
    private final KafkaProducer<String, CloudEvent> producer;
    private final URI source;
    private final String actor;

    public KafkaTestPublisher(String bootstrapServers, String sourceService) {
        this.bootstrapServers = bootstrapServers;
        Map<String, Object> config = TestInfrastructure.clientProperties(bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new CloudEventSerializer());
        this.source = URI.create("/charter/" + sourceService);
        this.actor = "system:" + sourceService;
    }

    /**
     * Sends one event and waits for the broker's acknowledgement.
     *
     * @param type the CloudEvents type, e.g. {@code dev.charter.voting.BallotClosed.v1}
     * @param json the event's data
     * @return the event id
     */
    public String publish(String topic, String key, String type, byte[] json) {
        String id = UUID.randomUUID().toString();
        publish(topic, key, CloudEventBuilder.v1()
                .withId(id)
                .withType(type)
                .withSource(source)
                .withSubject(key)
                .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(json)
                .withExtension("actor", actor)
                .build());
        return id;
    }

    /** Sends an event built by the test (e.g. the same event twice) and waits for the acknowledgement. */
    public void publish(String topic, String key, CloudEvent event) {
        await(producer.send(new ProducerRecord<>(topic, key, event)), event.getType(), topic);
    }

    /** Sends bytes that are not a CloudEvent at all, as a poison message. */
    public void publishRaw(String topic, String key, byte[] value) {
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(TestInfrastructure.clientProperties(bootstrapServers),
                new StringSerializer(), new ByteArraySerializer())) {
            await(raw.send(new ProducerRecord<>(topic, key, value)), "raw bytes", topic);
        }
    }

    private static void await(Future<?> sent, String what, String topic) {
        try {
            sent.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not publish " + what + " to " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
