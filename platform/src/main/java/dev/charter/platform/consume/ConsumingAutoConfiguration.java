package dev.charter.platform.consume;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.charter.platform.axon.ContractUpcasters;
import dev.charter.platform.axon.AxonPersistenceAutoConfiguration;
import dev.charter.platform.config.CharterProperties;
import dev.charter.platform.kafka.KafkaAccessProvisioner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

/** Consuming other services' streams: see {@link InboundEventHandler}. */
@AutoConfiguration(after = AxonPersistenceAutoConfiguration.class)
public class ConsumingAutoConfiguration {

    @Bean
    public InboundEventDispatcher inboundEventDispatcher(ApplicationContext context,
                                                         PlatformTransactionManager transactionManager,
                                                         DataSource dataSource, ObjectMapper defaultAxonObjectMapper,
                                                         CharterProperties properties,
                                                         ContractUpcasters upcasters) {
        return new InboundEventDispatcher(context, new TransactionTemplate(transactionManager),
                JdbcClient.create(dataSource), defaultAxonObjectMapper, properties, upcasters.all());
    }

    /** Local stack and tests: the service's own Kafka ACLs, created before its clients start. */
    @Bean
    @ConditionalOnProperty(prefix = "charter.kafka.acl-provisioning", name = "enabled", havingValue = "true")
    public KafkaAccessProvisioner kafkaAccessProvisioner(KafkaProperties kafka, CharterProperties properties,
                                                         InboundEventDispatcher dispatcher) {
        return new KafkaAccessProvisioner(kafka.buildAdminProperties(), properties, dispatcher);
    }

    @Bean
    public DeadLetters deadLetters(InboundEventDispatcher dispatcher, KafkaProperties kafka, CharterProperties properties,
                                   DataSource dataSource) {
        return new DeadLetters(dispatcher, kafka.buildConsumerProperties(), properties, JdbcClient.create(dataSource));
    }

    @Bean
    public DeadLettersEndpoint deadLettersEndpoint(DeadLetters deadLetters) {
        return new DeadLettersEndpoint(deadLetters);
    }

    /** Off ({@code charter.consumer.enabled=false}) only for offline tools, e.g. rebuilding a read model. */
    @Bean
    @ConditionalOnProperty(prefix = "charter.consumer", name = "enabled", matchIfMissing = true)
    public InboundEventListener inboundEventListener(InboundEventDispatcher dispatcher, KafkaProperties kafka,
                                                     CharterProperties properties,
                                                     ObjectProvider<MeterRegistry> meterRegistry) {
        return new InboundEventListener(dispatcher, kafka.buildConsumerProperties(), kafka.buildProducerProperties(),
                properties, meterRegistry.getIfAvailable());
    }
}
