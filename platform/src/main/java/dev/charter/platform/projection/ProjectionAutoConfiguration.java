package dev.charter.platform.projection;

import dev.charter.platform.axon.AxonPersistenceAutoConfiguration;
import dev.charter.platform.config.CharterProperties;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import javax.sql.DataSource;
import java.time.Clock;

/** Rebuilding read models: the mechanism, its operations API, and reads that say a model is being rebuilt. */
@AutoConfiguration(after = AxonPersistenceAutoConfiguration.class)
public class ProjectionAutoConfiguration {

    @Bean
    public ProjectionRebuilds projectionRebuilds(EventProcessingConfiguration eventProcessingConfiguration,
                                                 DataSource dataSource, Clock clock) {
        return new ProjectionRebuilds(eventProcessingConfiguration, JdbcClient.create(dataSource), clock);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Web implements WebMvcConfigurer {

        private final ProjectionRebuilds rebuilds;

        Web(ProjectionRebuilds rebuilds) {
            this.rebuilds = rebuilds;
        }

        @Bean
        public ProjectionsController projectionsController(CharterProperties properties) {
            return new ProjectionsController(rebuilds, properties);
        }

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(new RebuildingReadsInterceptor(rebuilds)).addPathPatterns("/api/**");
        }
    }
}
