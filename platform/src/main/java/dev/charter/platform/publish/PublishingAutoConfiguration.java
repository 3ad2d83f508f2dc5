package dev.charter.platform.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charter.contracts.EventStream;
import dev.charter.platform.audit.AuditChain;
import dev.charter.platform.audit.AuditController;
import dev.charter.platform.audit.AuditVerifier;
import dev.charter.platform.axon.AxonPersistenceAutoConfiguration;
import dev.charter.platform.axon.ContractUpcasters;
import dev.charter.platform.config.CharterProperties;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.core.env.Environment;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Publishes the service's public events from its event store to {@code charter.<stream>.v1}.
 * The CloudEvent producer is not a bean, so Boot's own KafkaTemplate stays available.
 */
@AutoConfiguration(after = AxonPersistenceAutoConfiguration.class)
public class PublishingAutoConfiguration {

    @Bean
    public AuditChain auditChain(DataSource dataSource, ObjectMapper defaultAxonObjectMapper) {
        return new AuditChain(JdbcClient.create(dataSource), defaultAxonObjectMapper);
    }

    @Bean
    public AuditVerifier auditVerifier(DataSource dataSource, PlatformTransactionManager transactionManager,
                                       ObjectMapper defaultAxonObjectMapper, ContractUpcasters upcasters, Clock clock,
                                       CharterProperties properties) {
        return new AuditVerifier(dataSource, transactionManager, defaultAxonObjectMapper, upcasters.all(), clock,
                properties.getAudit().getVerificationCache());
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    public AuditController auditController(AuditChain auditChain, AuditVerifier auditVerifier) {
        return new AuditController(auditChain, auditVerifier);
    }

    @Bean
    @ConditionalOnProperty(prefix = "charter.publisher", name = "enabled", matchIfMissing = true)
    public EventPublisher eventPublisher(KafkaProperties kafkaProperties, CharterProperties properties,
                                         ObjectMapper defaultAxonObjectMapper, AuditChain auditChain,
                                         DataSource dataSource) {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildProducerProperties());
        config.put("cloudevents.serializer.encoding", Encoding.BINARY.name());
        CloudEventSerializer serializer = new CloudEventSerializer();
        serializer.configure(config, false);
        DefaultKafkaProducerFactory<String, CloudEvent> factory =
                new DefaultKafkaProducerFactory<>(config, new StringSerializer(), serializer);
        return new EventPublisher(new KafkaTemplate<>(factory), factory,
                new CloudEventMapper(defaultAxonObjectMapper, properties.getService()), auditChain,
                JdbcClient.create(dataSource), ownTopic(properties), properties.systemActor(),
                properties.getPublisher().getSendTimeout());
    }

    @Bean
    @ConditionalOnBean(EventPublisher.class)
    public ParkedEvents parkedEvents(DataSource dataSource, EventStorageEngine eventStorageEngine,
                                     EventPublisher publisher, PlatformTransactionManager transactionManager) {
        return new ParkedEvents(JdbcClient.create(dataSource), eventStorageEngine, publisher,
                new TransactionTemplate(transactionManager));
    }

    @Bean
    @ConditionalOnBean(ParkedEvents.class)
    public ParkedEventsEndpoint parkedEventsEndpoint(ParkedEvents parkedEvents) {
        return new ParkedEventsEndpoint(parkedEvents);
    }

    /** DOWN while events are parked (not in the liveness or readiness groups: the service works on). */
    @Bean
    @ConditionalOnBean(ParkedEvents.class)
    public HealthIndicator parkedEventsHealthIndicator(ParkedEvents parkedEvents) {
        return () -> {
            long open = parkedEvents.open();
            return (open == 0 ? Health.up() : Health.down()).withDetail("parkedEvents", open).build();
        };
    }

    @Bean
    @ConditionalOnBean(ParkedEvents.class)
    public MeterBinder parkedEventsMetric(ParkedEvents parkedEvents) {
        return registry -> Gauge.builder("charter.publisher.parked", parkedEvents, ParkedEvents::open)
                .description("Events the publisher parked and nobody re-published yet").register(registry);
    }

    /**
     * A send (waiting up to the send timeout, after up to max.block.ms for metadata) must end before the
     * publisher's token claim times out, or another replica would claim the segment and publish the same events.
     */
    @Bean
    @ConditionalOnProperty(prefix = "charter.publisher", name = "enabled", matchIfMissing = true)
    public PublisherTimeouts publisherTimeouts(CharterProperties properties, KafkaProperties kafkaProperties,
                                               Environment environment) {
        PublisherTimeouts timeouts = PublisherTimeouts.of(properties, kafkaProperties.buildProducerProperties(),
                environment);
        timeouts.check();
        return timeouts;
    }

    /** The service's own topic, where nothing else creates it (Strimzi or the local ACL provisioning do). */
    @Bean
    @ConditionalOnProperty(prefix = "charter.publisher", name = "enabled", matchIfMissing = true)
    @ConditionalOnProperty(prefix = "charter.kafka.acl-provisioning", name = "enabled", havingValue = "false",
            matchIfMissing = true)
    public NewTopic charterOwnTopic(CharterProperties properties) {
        return new NewTopic(ownTopic(properties), properties.getKafka().getPartitions(),
                properties.getKafka().getReplicas());
    }

    /**
     * Starts the publisher from the beginning of the event store: its token is removed before the event
     * processors start ({@code charter.publisher.republish-on-start}).
     */
    @Bean
    @ConditionalOnProperty(prefix = "charter.publisher", name = "republish-on-start", havingValue = "true")
    public SmartInitializingSingleton charterRepublishOnStart(DataSource dataSource) {
        return () -> {
            int removed = JdbcClient.create(dataSource)
                    .sql("DELETE FROM tokenentry WHERE processorname = ?").param(EventPublisher.PROCESSING_GROUP)
                    .update();
            LoggerFactory.getLogger(EventPublisher.class).info(
                    "Republishing the whole event store to Kafka ({} token row(s) removed)", removed);
        };
    }

    /** A failed send must stop the publisher (so it retries), not be logged and skipped. */
    @Bean
    public ConfigurerModule charterPublisherErrorHandling() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                EventPublisher.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }

    static String ownTopic(CharterProperties properties) {
        if (properties.getStream() == null) {
            throw new IllegalStateException("charter.stream must name the stream this service publishes");
        }
        return properties.getKafka().topic(EventStream.byName(properties.getStream()).topic());
    }
}
