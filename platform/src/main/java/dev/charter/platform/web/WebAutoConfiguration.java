package dev.charter.platform.web;

import dev.charter.platform.config.CharterProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import javax.sql.DataSource;

/** Problem details, request context, idempotent writes and the served OpenAPI document. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebAutoConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RequestContextInterceptor());
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
    public FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(DataSource dataSource) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(JdbcClient.create(dataSource)));
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
