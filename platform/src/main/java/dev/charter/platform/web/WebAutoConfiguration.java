package dev.charter.platform.web;

import dev.charter.platform.config.CharterProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Duration;

/** Problem details, request context, idempotent writes and the served OpenAPI document. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebAutoConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RequestContextInterceptor());
    }

    /** Query parameters such as {@code asOf} within {@link TimeBounds}. */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldAnnotation(BoundedInputs.boundedDateTimeFormat());
    }

    /** Writes of people with no standing, rate-limited (after security: the person is known). */
    @Bean
    public FilterRegistrationBean<WriteRateLimitFilter> writeRateLimitFilter(
            org.springframework.beans.factory.ObjectProvider<Standing> standing, CharterProperties properties,
            java.time.Clock clock) {
        FilterRegistrationBean<WriteRateLimitFilter> registration = new FilterRegistrationBean<>(
                new WriteRateLimitFilter(standing.getIfAvailable(), properties.getWeb().getRateLimit().getWrites(),
                        properties.getWeb().getRateLimit().getWindow(), clock));
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 150);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    /** Bodies bounded before they are read: the first filter of all. */
    @Bean
    public FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(CharterProperties properties) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(properties.getWeb().getMaxBodySize(), properties.getWeb().getMaxBodySizes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Jackson's own limits match the body limit (the largest configured). */
    @Bean
    public JsonFactoryBuilderCustomizer charterStreamReadConstraints(CharterProperties properties) {
        long largest = properties.getWeb().getMaxBodySizes().values().stream()
                .mapToLong(org.springframework.util.unit.DataSize::toBytes)
                .reduce(properties.getWeb().getMaxBodySize().toBytes(), Math::max);
        return builder -> builder.streamReadConstraints(BoundedInputs.constraints(largest));
    }

    @Bean
    public JsonMapperBuilderCustomizer charterTimeBounds() {
        return builder -> builder.addModule(BoundedInputs.timeBoundsModule());
    }

    @Bean
    public ProblemHandling problemHandling() {
        return new ProblemHandling();
    }

    @Bean
    public OpenApiDocumentController openApiDocumentController(CharterProperties properties) {
        return new OpenApiDocumentController(properties);
    }

    /** After Spring Security's filter chain, so the acting person is known. */
    @Bean
    public FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(DataSource dataSource,
                                                                       PlatformTransactionManager transactionManager,
                                                                       CharterProperties properties) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(new IdempotencyFilter(
                JdbcClient.create(dataSource), transactionManager, properties.getIdempotency().getWait()));
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    /** Prunes Idempotency-Keys older than {@code charter.idempotency.retention}, on one replica at a time. */
    @Bean
    public RecurringTask<Void> charterIdempotencyPruning(FilterRegistrationBean<IdempotencyFilter> idempotencyFilter,
                                                        CharterProperties properties) {
        Duration retention = properties.getIdempotency().getRetention();
        return Tasks.recurring("charter-idempotency-pruning", FixedDelay.of(Duration.ofMinutes(10)))
                .execute((instance, context) -> {
                    int removed = idempotencyFilter.getFilter().prune(retention);
                    if (removed > 0) {
                        org.slf4j.LoggerFactory.getLogger(IdempotencyFilter.class)
                                .info("Pruned {} Idempotency-Key(s) older than {}", removed, retention);
                    }
                });
    }
}
