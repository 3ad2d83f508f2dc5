package dev.charter.platform.consume;

import dev.charter.platform.messaging.Failures;
import dev.charter.platform.config.CharterProperties;
import dev.charter.platform.kafka.KafkaAccess;
import dev.charter.platform.web.GovernanceException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The Kafka side of consuming: one listener container over the topics the service has handlers for,
 * consumer group {@code <prefix>charter-<service>}, offsets committed per record after success. A failing
 * record is retried with backoff: infrastructure failures (database unreachable) forever, others a few
 * times; a poison record (unreadable, unknown type, refused by a governance rule) goes to the dead-letter
 * topic {@code <topic>.<service>.dlt} at once. Every dead letter is logged at ERROR with its event id and
 * counted ({@code charter.inbound.dead.letters}); none is skipped silently.
 */
public class InboundEventListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboundEventListener.class);

    private final InboundEventDispatcher dispatcher;
    private final Map<String, Object> consumerConfig;
    private final Map<String, Object> producerConfig;
    private final CharterProperties properties;
    private final Counter deadLetters;
    private final MeterRegistry meterRegistry;
    private final java.util.Set<TopicPartition> pausedPartitions = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private ConcurrentMessageListenerContainer<String, byte[]> container;
    private DefaultKafkaProducerFactory<String, byte[]> deadLetterProducers;

    public InboundEventListener(InboundEventDispatcher dispatcher, Map<String, Object> consumerConfig,
                                Map<String, Object> producerConfig, CharterProperties properties,
                                MeterRegistry meterRegistry) {
        this.dispatcher = dispatcher;
        this.consumerConfig = consumerConfig;
        this.producerConfig = producerConfig;
        this.properties = properties;
        this.meterRegistry = meterRegistry;
        if (meterRegistry != null) {
            io.micrometer.core.instrument.Gauge.builder("charter.inbound.paused.partitions", pausedPartitions,
                    java.util.Set::size).description("Partitions paused on an event of a newer revision")
                    .register(meterRegistry);
        }
        this.deadLetters = meterRegistry == null ? null
                : Counter.builder("charter.inbound.dead.letters")
                .description("Consumed events sent to a dead-letter topic").register(meterRegistry);
    }

    public String groupId() {
        return properties.getKafka().getTopicPrefix() + KafkaAccess.group(properties.getService());
    }

    public static String deadLetterTopic(String topic, String service) {
        return KafkaAccess.deadLetterTopic(topic, service);
    }

    @Override
    public synchronized void start() {
        if (container != null || !dispatcher.hasHandlers()) {
            return;
        }
        Map<String, Object> consumer = new HashMap<>(consumerConfig);
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, groupId());
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        DefaultKafkaConsumerFactory<String, byte[]> consumers = new DefaultKafkaConsumerFactory<>(consumer,
                new StringDeserializer(), new ByteArrayDeserializer());

        ContainerProperties containerProperties = new ContainerProperties(dispatcher.topics().toArray(String[]::new));
        containerProperties.setAckMode(ContainerProperties.AckMode.RECORD);
        // an ACL that is missing or not there yet (e.g. applied late by the operator) is retried, not fatal
        containerProperties.setAuthExceptionRetryInterval(java.time.Duration.ofSeconds(2));
        containerProperties.setMessageListener((MessageListener<String, byte[]>) dispatcher::dispatch);
        container = new ConcurrentMessageListenerContainer<>(consumers, containerProperties);
        container.setConcurrency(properties.getConsumer().getConcurrency());
        container.setCommonErrorHandler(errorHandler());
        container.setBeanName("charter-inbound");
        container.start();
        log.info("Consuming {} as group {}", dispatcher.topics(), groupId());
    }

    private DefaultErrorHandler errorHandler() {
        deadLetterProducers = new DefaultKafkaProducerFactory<>(producerConfig, new StringSerializer(),
                new ByteArraySerializer());
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(
                new KafkaTemplate<>(deadLetterProducers),
                (record, exception) -> new TopicPartition(deadLetterTopic(record.topic(), properties.getService()), -1));
        ConsumerRecordRecoverer recoverer = (record, exception) -> {
            ForgedEventException forged = cause(exception, ForgedEventException.class);
            if (forged != null) {
                log.error("Refused event {} ({}) from {}-{}@{}: not from its stream's publisher ({}); dead-lettered: {}",
                        header(record, "ce_id"), header(record, "ce_type"), record.topic(), record.partition(),
                        record.offset(), forged.reason(), forged.getMessage());
                if (meterRegistry != null) {
                    meterRegistry.counter("charter.inbound.refused", "topic", record.topic(), "reason",
                            forged.reason()).increment();
                }
            }
            log.error("Dead-lettered event {} ({}) from {}-{}@{} to {}: {}", header(record, "ce_id"),
                    header(record, "ce_type"), record.topic(), record.partition(), record.offset(),
                    deadLetterTopic(record.topic(), properties.getService()), rootMessage(exception));
            if (deadLetters != null) {
                deadLetters.increment();
            }
            publisher.accept(record, exception);
        };
        CharterProperties.Consumer settings = properties.getConsumer();
        ExponentialBackOffWithMaxRetries bounded = new ExponentialBackOffWithMaxRetries(
                Math.max(0, settings.getMaxAttempts() - 1));
        bounded.setInitialInterval(settings.getInitialBackoff().toMillis());
        bounded.setMultiplier(2.0);
        bounded.setMaxInterval(settings.getMaxBackoff().toMillis());
        ExponentialBackOff unbounded = new ExponentialBackOff(settings.getInitialBackoff().toMillis(), 2.0);
        unbounded.setMaxInterval(settings.getMaxBackoff().toMillis());

        DefaultErrorHandler handler = new PausingErrorHandler(recoverer, bounded);
        handler.addNotRetryableExceptions(PoisonEventException.class, GovernanceException.class);
        handler.setBackOffFunction((record, exception) -> infrastructure(exception) ? unbounded : (BackOff) null);
        handler.setRetryListeners((record, exception, attempt) -> log.warn(
                "Attempt {} to handle event {} from {}-{}@{} failed: {}", attempt, header(record, "ce_id"),
                record.topic(), record.partition(), record.offset(), rootMessage(exception)));
        return handler;
    }

    /**
     * A newer revision than this version knows (a rolling upgrade upgraded its publisher first) is not poison: its
     * partition is paused with an alert (ERROR log, {@code charter.inbound.paused.partitions}) and every partition
     * sought back to its first unhandled record, so nothing is lost or reordered; the partition is tried again after
     * {@code charter.consumer.newer-revision-retry}, by then perhaps on an upgraded replica.
     */
    private final class PausingErrorHandler extends DefaultErrorHandler {

        PausingErrorHandler(ConsumerRecordRecoverer recoverer, BackOff backOff) {
            super(recoverer, backOff);
        }

        @Override
        public void handleRemaining(Exception thrown, java.util.List<ConsumerRecord<?, ?>> records,
                                    org.apache.kafka.clients.consumer.Consumer<?, ?> consumer,
                                    org.springframework.kafka.listener.MessageListenerContainer container) {
            NewerRevisionException newer = cause(thrown, NewerRevisionException.class);
            if (newer == null || records.isEmpty()) {
                super.handleRemaining(thrown, records, consumer, container);
                return;
            }
            Map<TopicPartition, Long> firstUnhandled = new java.util.LinkedHashMap<>();
            records.forEach(r -> firstUnhandled.putIfAbsent(new TopicPartition(r.topic(), r.partition()), r.offset()));
            firstUnhandled.forEach(consumer::seek);
            TopicPartition partition = new TopicPartition(records.get(0).topic(), records.get(0).partition());
            container.pausePartition(partition);
            pausedPartitions.add(partition);
            java.time.Duration retry = properties.getConsumer().getNewerRevisionRetry();
            log.error("ALERT: paused {} at offset {}: {}. Nothing is dead-lettered; the partition is tried again in {} "
                    + "(upgrade this service to read it).", partition, records.get(0).offset(), newer.getMessage(), retry);
            java.util.concurrent.CompletableFuture.delayedExecutor(retry.toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS).execute(() -> {
                pausedPartitions.remove(partition);
                container.resumePartition(partition);
            });
        }
    }

    /** Partitions paused on an event of a newer revision. */
    public java.util.Set<TopicPartition> pausedPartitions() {
        return java.util.Set.copyOf(pausedPartitions);
    }

    private static <T extends Throwable> T cause(Throwable exception, Class<T> type) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static boolean infrastructure(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException || t instanceof java.sql.SQLTransientException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable exception) {
        return Failures.rootMessage(exception);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "?" : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void stop() {
        if (container != null) {
            container.stop();
            container = null;
        }
        if (deadLetterProducers != null) {
            deadLetterProducers.destroy();
            deadLetterProducers = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return container != null && container.isRunning();
    }

    /** After Axon has started (its lifecycle phases are lower), so handlers can dispatch commands. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
    }
}
