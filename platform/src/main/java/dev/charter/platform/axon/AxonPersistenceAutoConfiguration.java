package dev.charter.platform.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.zaxxer.hikari.HikariDataSource;
import dev.charter.contracts.EventUpcasters;
import dev.charter.platform.config.CharterProperties;
import dev.charter.platform.jdbc.Columns;
import dev.charter.platform.messaging.CommandMetadataInterceptor;
import dev.charter.platform.messaging.DeadlineMetadataInterceptor;
import dev.charter.platform.messaging.EventMetadata;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.RevisionResolver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.core.env.Environment;
import java.time.Clock;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;

/**
 * Axon on PostgreSQL through plain JDBC (STACK.md). Axon's own JDBC and transaction auto-configurations
 * are ordered after Boot 3 class names only; on Boot 4 they would not see Boot's DataSource and would
 * fall back to a no-op transaction manager. So the DataSource and a JDBC transaction manager are declared
 * here, before them, and PostgreSQL's duplicate-key state is mapped to Axon's concurrency exception.
 */
@AutoConfiguration(beforeName = {
        "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
        "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
        "org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration",
        "org.axonframework.springboot.autoconfig.ObjectMapperAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"})
@EnableConfigurationProperties({CharterProperties.class, DataSourceProperties.class})
public class AxonPersistenceAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(DataSource.class)
    @ConfigurationProperties("spring.datasource.hikari")
    public HikariDataSource dataSource(DataSourceProperties properties) {
        return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }

    @Bean
    @ConditionalOnMissingBean(PlatformTransactionManager.class)
    public JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    /**
     * Axon's JDBC token store, with a node id of its own per running service: Axon's default is the JVM's
     * {@code pid@host}, which two replicas in one JVM (tests) or a restarted container (pid 1, same host name) would
     * share, each then taking the other's claim for its own and processing the same segment.
     */
    @Bean
    @ConditionalOnMissingBean(TokenStore.class)
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, Environment environment) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(TokenSchema.builder().build())
                .serializer(serializer)
                .claimTimeout(environment.getProperty("axon.eventhandling.tokenstore.claim-timeout", Duration.class,
                        Duration.ofSeconds(10)))
                .nodeId(ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID())
                .build();
    }

    /** PostgreSQL's unique_violation: two commands racing on one aggregate become a ConcurrencyException. */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    /**
     * The Jackson 2 mapper of Axon's serializer and of the public events on Kafka: one mapper, so the
     * JSON in the event store, on the topic and in the approval files is the same. Named as Axon's own
     * default so Axon's serializer takes this one.
     */
    @Bean
    @Primary
    public ObjectMapper defaultAxonObjectMapper() {
        return eventObjectMapper();
    }

    public static ObjectMapper eventObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    /** How projections and copies store instants, enums, decision rules and JSON (with the event mapper). */
    @Bean
    @ConditionalOnMissingBean
    public Columns columns(ObjectMapper defaultAxonObjectMapper) {
        return new Columns(defaultAxonObjectMapper);
    }

    /** The upcasters of the public events (api-contracts); the event store and the consumers apply them. */
    @Bean
    @ConditionalOnMissingBean
    public ContractUpcasters contractUpcasters() {
        return new ContractUpcasters(EventUpcasters.ALL);
    }

    @Bean
    public ContractEventUpcaster contractEventUpcaster(ContractUpcasters upcasters) {
        return new ContractEventUpcaster(upcasters.all());
    }

    @Bean
    public RevisionResolver revisionResolver() {
        return new EventRevisionResolver();
    }

    /** Events copy actor, correlation, causation and rules version from the command that applied them. */
    @Bean
    public CorrelationDataProvider eventMetadataCorrelation() {
        return new SimpleCorrelationDataProvider(EventMetadata.ACTOR, EventMetadata.CORRELATION_ID,
                EventMetadata.CAUSATION_ID, EventMetadata.RULES_VERSION);
    }

    @Bean
    public CommandMetadataInterceptor commandMetadataInterceptor(CharterProperties properties) {
        return new CommandMetadataInterceptor(properties.systemActor(), properties.getRulesVersion());
    }

    /**
     * Deadlines fire as the service, correlated with the request that scheduled them (see the interceptor), and
     * the events a deadline handler applies copy that metadata as those of a command do (Axon's deadline managers
     * do not register the correlation data providers by themselves).
     */
    @Bean
    public SmartInitializingSingleton charterDeadlineMetadata(ObjectProvider<DeadlineManager> deadlineManagers,
                                                              ObjectProvider<CorrelationDataProvider> providers,
                                                              CharterProperties properties) {
        return () -> deadlineManagers.forEach(manager -> {
            manager.registerDispatchInterceptor(
                    new DeadlineMetadataInterceptor(properties.systemActor(), properties.getRulesVersion()));
            manager.registerHandlerInterceptor(new CorrelationDataInterceptor<>(providers.orderedStream().toList()));
        });
    }

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The aggregates' cache ({@link AggregateCache}): {@code charter.aggregate-cache.max-size} aggregates (default
     * 10,000), an entry idle for {@code charter.aggregate-cache.expire-after-access} (default 10 minutes) is dropped.
     */
    @Bean(AggregateCache.BEAN)
    @ConditionalOnMissingBean(name = AggregateCache.BEAN)
    public AggregateCache charterAggregateCache(Environment environment) {
        return new AggregateCache(environment.getProperty("charter.aggregate-cache.max-size", Long.class, 10_000L),
                environment.getProperty("charter.aggregate-cache.expire-after-access", Duration.class,
                        Duration.ofMinutes(10)));
    }

    /**
     * Tracking processors (projections, policies) handle up to {@code charter.processors.batch-size} available events
     * (default 100) in one unit of work and one transaction, their token stored once per batch: a projection catching
     * up, or rebuilding, does not commit once per event. A failing event rolls the whole batch back and the processor
     * retries it (handlers are idempotent by design). A processor's own {@code axon.eventhandling.processors.<name>
     * .batch-size} wins; processors not named in the properties get the same default.
     */
    @Bean
    public static BeanPostProcessor charterProcessorBatchSizes(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof EventProcessorProperties properties) {
                    int batchSize = batchSize(environment);
                    properties.getProcessors().forEach((name, settings) -> {
                        if (!environment.containsProperty("axon.eventhandling.processors." + name + ".batch-size")) {
                            settings.setBatchSize(batchSize);
                        }
                    });
                }
                return bean;
            }
        };
    }

    @Bean
    public ConfigurerModule charterProcessorBatches(Environment environment) {
        int batchSize = batchSize(environment);
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessorConfiguration(
                c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(batchSize));
    }

    private static int batchSize(Environment environment) {
        return environment.getProperty("charter.processors.batch-size", Integer.class, 100);
    }
}
