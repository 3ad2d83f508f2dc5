package dev.charter.console;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The console's clock: the time each page reflects. */
@Configuration(proxyBeanMethods = false)
public class ConsoleConfiguration {

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
