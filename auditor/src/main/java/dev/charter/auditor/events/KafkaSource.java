package dev.charter.auditor.events;

import dev.charter.contracts.EventStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Reads every stream's topic from the beginning to the end it had when the reading started, with a read-only
 * consumer: no consumer group, nothing committed, no topic created. A stream whose topic does not exist (yet)
 * is empty, and noted. On a broker that authenticates (Charter's do: SASL SCRAM-SHA-512, ACLs) the client settings
 * carry the auditor's credentials ({@code security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config}, TLS
 * trust stores…); the auditor's user needs only Read on the streams' topics, no consumer group.
 */
public class KafkaSource implements EventSource {

    private final String bootstrapServers;
    private final String topicPrefix;
    private final Duration timeout;
    private final Map<String, Object> clientProperties;
    private final List<String> absentTopics = new ArrayList<>();

    public KafkaSource(String bootstrapServers, String topicPrefix, Duration timeout) {
        this(bootstrapServers, topicPrefix, timeout, Map.of());
    }

    /**
     * @param clientProperties more Kafka client settings (credentials, TLS), applied before the source's own
     *                         read-only ones (no group, no commit, no topic creation), which always win
     */
    public KafkaSource(String bootstrapServers, String topicPrefix, Duration timeout,
                       Map<String, ?> clientProperties) {
        this.bootstrapServers = bootstrapServers;
        this.topicPrefix = topicPrefix == null ? "" : topicPrefix;
        this.timeout = timeout;
        this.clientProperties = Map.copyOf(clientProperties);
    }

    @Override
    public String describe() {
        return "Kafka " + bootstrapServers + (topicPrefix.isEmpty() ? "" : " (topic prefix " + topicPrefix + ")");
    }

    public List<String> absentTopics() {
        return List.copyOf(absentTopics);
    }

    @Override
    public void readInto(EventSink sink, Progress progress) {
        Properties config = new Properties();
        config.putAll(clientProperties);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "charter-audit");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(Math.max(1000, timeout.toMillis() / 2)));
        config.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            Map<String, List<PartitionInfo>> topics;
            try {
                topics = consumer.listTopics(timeout);
            } catch (org.apache.kafka.common.errors.AuthenticationException e) {
                throw new SourceException("The Kafka brokers at " + bootstrapServers + " refused the credentials: "
                        + e.getMessage(), e);
            } catch (KafkaException e) {
                throw new SourceException("Cannot reach the Kafka brokers at " + bootstrapServers + " within "
                        + timeout.toSeconds() + " s" + (clientProperties.containsKey("sasl.jaas.config") ? ""
                        : " (a broker that authenticates needs --sasl-username/--sasl-password or --kafka-config)")
                        + ": " + e.getMessage(), e);
            }
            List<TopicPartition> partitions = new ArrayList<>();
            for (EventStream stream : EventStream.values()) {
                String topic = topicPrefix + stream.topic();
                List<PartitionInfo> infos = topics.get(topic);
                if (infos == null || infos.isEmpty()) {
                    absentTopics.add(topic);
                    continue;
                }
                infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
            long total = partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> remaining = new HashMap<>();
            partitions.stream().filter(p -> end.get(p) > begin.get(p)).forEach(p -> remaining.put(p, end.get(p)));
            progress.start("reading " + partitions.size() + " partitions", total);
            long idleSince = System.nanoTime();
            while (!remaining.isEmpty()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    if (System.nanoTime() - idleSince > timeout.toNanos()) {
                        throw new SourceException("Kafka stopped answering while reading " + remaining.keySet());
                    }
                    continue;
                }
                idleSince = System.nanoTime();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    Long last = remaining.get(partition);
                    if (last == null || record.offset() >= last) {
                        continue;
                    }
                    sink.accept(event(record));
                    progress.advance(1);
                    if (record.offset() + 1 >= last) {
                        remaining.remove(partition);
                    }
                }
                for (TopicPartition partition : List.copyOf(remaining.keySet())) {
                    if (consumer.position(partition) >= remaining.get(partition)) {
                        remaining.remove(partition);
                    }
                }
            }
        } catch (KafkaException e) {
            throw new SourceException("Cannot read from Kafka at " + bootstrapServers + ": " + e.getMessage(), e);
        } finally {
            progress.end();
        }
    }

    /** An event as a consumer received it (binary mode: the attributes are the {@code ce_} headers). */
    public static RecordedEvent event(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> attributes = new TreeMap<>();
        Map<String, byte[]> headers = new TreeMap<>();
        for (Header header : record.headers()) {
            if (header.key().startsWith("ce_")) {
                attributes.put(header.key().substring(3), new String(header.value(), StandardCharsets.UTF_8));
            } else {
                headers.put(header.key(), header.value());
            }
        }
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        return new RecordedEvent(Streams.streamOf(record.topic()), record.topic(), record.partition(), record.offset(),
                key, attributes, record.value(), headers);
    }
}
