package dev.charter.platform.consume;

import dev.charter.platform.messaging.Failures;
import dev.charter.platform.config.CharterProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The service's dead letters ({@code <topic>.<service>.dlt}): operators inspect them (event id, type, where it came
 * from, why it failed) and, after a fix, re-drive one: it is handled again through the same dispatcher (source
 * check, de-duplication by event id, the handlers), and recorded as re-driven. Served on the management port
 * (actuator endpoint {@code deadletters}).
 */
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final InboundEventDispatcher dispatcher;
    private final Map<String, Object> consumerConfig;
    private final CharterProperties properties;
    private final JdbcClient jdbc;

    public DeadLetters(InboundEventDispatcher dispatcher, Map<String, Object> consumerConfig,
                       CharterProperties properties, JdbcClient jdbc) {
        this.dispatcher = dispatcher;
        this.consumerConfig = new HashMap<>(consumerConfig);
        this.consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.properties = properties;
        this.jdbc = jdbc;
    }

    /** A dead letter, where it came from and why it failed. */
    public record DeadLetter(String topic, int partition, long offset, String eventId, String eventType,
                             String originalTopic, Integer originalPartition, Long originalOffset, String error,
                             boolean redriven) {
    }

    /** The outcome of a re-drive. */
    public record Redrive(boolean handled, String eventId, String error) {
    }

    /** The service's dead-letter topics. */
    public List<String> topics() {
        return dispatcher.topics().stream().map(t -> InboundEventListener.deadLetterTopic(t, properties.getService()))
                .toList();
    }

    /** Up to {@code limit} dead letters, oldest first per topic. */
    public List<DeadLetter> list(int limit) {
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            for (String topic : topics()) {
                List<TopicPartition> partitions = partitions(consumer, topic);
                if (partitions.isEmpty()) {
                    continue;
                }
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (letters.size() < limit && System.nanoTime() < deadline
                        && partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        if (letters.size() < limit) {
                            letters.add(letter(record));
                        }
                    }
                }
            }
        }
        return letters;
    }

    /** Handles one dead letter again, as if it had just arrived on its original topic. */
    public Redrive redrive(String topic, int partition, long offset) {
        if (!topics().contains(topic)) {
            return new Redrive(false, null, topic + " is not a dead-letter topic of this service");
        }
        ConsumerRecord<String, byte[]> letter = read(topic, partition, offset);
        if (letter == null) {
            return new Redrive(false, null, "no record at " + topic + "-" + partition + "@" + offset);
        }
        String eventId = header(letter, "ce_id");
        String originalTopic = header(letter, "kafka_dlt-original-topic");
        Integer originalPartition = intHeader(letter, "kafka_dlt-original-partition");
        Long originalOffset = longHeader(letter, "kafka_dlt-original-offset");
        ConsumerRecord<String, byte[]> original = new ConsumerRecord<>(originalTopic == null ? topic : originalTopic,
                originalPartition == null ? partition : originalPartition, originalOffset == null ? offset : originalOffset,
                letter.key(), letter.value());
        letter.headers().forEach(h -> original.headers().add(h));
        try {
            dispatcher.dispatch(original);
        } catch (RuntimeException e) {
            log.error("Re-driving dead letter {}-{}@{} (event {}) failed: {}", topic, partition, offset, eventId,
                    Failures.root(e).toString());
            return new Redrive(false, eventId, Failures.rootMessage(e));
        }
        jdbc.sql("""
                        INSERT INTO dead_letter_redrive (topic, partition_no, offset_no, event_id) VALUES (?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(topic, partition, offset, eventId).update();
        log.warn("Re-drove dead letter {}-{}@{} (event {})", topic, partition, offset, eventId);
        return new Redrive(true, eventId, null);
    }

    private ConsumerRecord<String, byte[]> read(String topic, int partition, long offset) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            TopicPartition tp = new TopicPartition(topic, partition);
            consumer.assign(List.of(tp));
            consumer.seek(tp, offset);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == offset) {
                        return record;
                    }
                    return null;
                }
            }
            return null;
        }
    }

    private DeadLetter letter(ConsumerRecord<String, byte[]> record) {
        boolean redriven = jdbc.sql("""
                        SELECT count(*) FROM dead_letter_redrive WHERE topic = ? AND partition_no = ? AND offset_no = ?""")
                .params(record.topic(), record.partition(), record.offset()).query(Integer.class).single() > 0;
        return new DeadLetter(record.topic(), record.partition(), record.offset(), header(record, "ce_id"),
                header(record, "ce_type"), header(record, "kafka_dlt-original-topic"),
                intHeader(record, "kafka_dlt-original-partition"), longHeader(record, "kafka_dlt-original-offset"),
                header(record, "kafka_dlt-exception-message"), redriven);
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
        return infos == null ? List.of() : infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Integer intHeader(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value().length != 4 ? null : ByteBuffer.wrap(header.value()).getInt();
    }

    private static Long longHeader(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value().length != 8 ? null : ByteBuffer.wrap(header.value()).getLong();
    }
}
