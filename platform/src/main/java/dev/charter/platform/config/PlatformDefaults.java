package dev.charter.platform.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Adds the platform's defaults ({@code charter-platform-defaults.properties}) with the lowest precedence,
 * so a service gets Axon-without-Axon-Server, Jackson serializers, strict JSON, problem details,
 * Kafka producer guarantees and actuator probes by depending on the platform; anything a service or an
 * operator sets wins. Also turns off Axon's update checker before Axon starts.
 */
public class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "charterPlatformDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        if (environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        try {
            Properties defaults = PropertiesLoaderUtils.loadProperties(
                    new ClassPathResource("charter-platform-defaults.properties"));
            environment.getPropertySources().addLast(new PropertiesPropertySource(SOURCE_NAME, defaults));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
