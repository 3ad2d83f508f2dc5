package dev.charter.platform;

import dev.charter.platform.config.CharterProperties;
import dev.charter.platform.publish.PublisherTimeouts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The publisher's send never outlasts its token claim, with the production values (the platform's defaults). */
class PublisherTimeoutsTest {

    @Test
    @DisplayName("with the production defaults, max.block.ms + send timeout stays below the token claim timeout")
    void productionDefaultsHold() throws Exception {
        Properties defaults = PropertiesLoaderUtils.loadProperties(
                new ClassPathResource("charter-platform-defaults.properties"));
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new PropertiesPropertySource("defaults", defaults));
        CharterProperties properties = Binder.get(environment).bind("charter", CharterProperties.class)
                .orElseGet(CharterProperties::new);
        Map<String, Object> producer = new HashMap<>();
        defaults.stringPropertyNames().stream().filter(k -> k.startsWith("spring.kafka.producer.properties."))
                .forEach(k -> producer.put(k.substring("spring.kafka.producer.properties.".length()), defaults.getProperty(k)));

        PublisherTimeouts timeouts = PublisherTimeouts.of(properties, producer, environment);
        assertThat(timeouts.claimTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(timeouts.longestSend()).isLessThan(timeouts.claimTimeout());
        timeouts.check();
    }

    @Test
    @DisplayName("a send that could outlast the claim refuses to start")
    void tooLongASendIsRefused() {
        PublisherTimeouts timeouts = new PublisherTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(60),
                Duration.ofSeconds(120), Duration.ofSeconds(10));
        assertThatThrownBy(timeouts::check).hasMessageContaining("claim timeout");
    }
}
