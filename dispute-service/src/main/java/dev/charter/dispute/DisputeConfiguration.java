package dev.charter.dispute;

import dev.charter.platform.config.CharterProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class DisputeConfiguration {

    @Bean
    public DisputeSettings disputeSettings(DisputeProperties properties, CharterProperties charter) {
        return new DisputeSettings(properties.responseWindow(), properties.vetoWindow(), properties.ballotDuration(),
                charter.systemActor());
    }
}
