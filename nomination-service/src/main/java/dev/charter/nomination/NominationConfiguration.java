package dev.charter.nomination;

import dev.charter.nomination.seat.NominationDirectory;
import dev.charter.nomination.seat.ReviewCycles;
import dev.charter.platform.config.CharterProperties;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class NominationConfiguration {

    @Bean
    public NominationSettings nominationSettings(NominationProperties properties, CharterProperties charter) {
        NominationProperties.ReviewCycleProperties cycles = properties.reviewCycles();
        return new NominationSettings(ReviewCycles.of(cycles.nextMeeting(), cycles.length(), cycles.cutOff()),
                properties.ballotDuration(), properties.candidacyWindow(), charter.systemActor());
    }

    /**
     * The directory runs in the command's transaction (a subscribing processor, whatever the configuration says)
     * and refuses a second open nomination for the same person and role: its refusal must fail the command, not
     * be logged and skipped.
     */
    @Bean
    public ConfigurerModule nominationDirectoryInCommandTransaction() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(NominationDirectory.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(NominationDirectory.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance());
    }
}
