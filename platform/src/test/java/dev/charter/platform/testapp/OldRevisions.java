package dev.charter.platform.testapp;

import dev.charter.contracts.EventUpcaster;
import dev.charter.contracts.PublicEvent;
import dev.charter.contracts.nominations.NominationEvent.NominationConfirmed;
import dev.charter.contracts.registry.RegistryEvent.PersonRegistered;
import dev.charter.platform.axon.ContractUpcasters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * Pretends two events had a revision 0 with other field names, so the tests can show old events being
 * upcast from the event store and from Kafka.
 */
@Configuration
public class OldRevisions {

    public static final EventUpcaster PERSON_REGISTERED_V0 = upcaster(PersonRegistered.class, "name", "displayName");
    public static final EventUpcaster NOMINATION_CONFIRMED_V0 = upcaster(NominationConfirmed.class, "nominee",
            "personId");

    @Bean
    public ContractUpcasters contractUpcasters() {
        return new ContractUpcasters(List.of(PERSON_REGISTERED_V0, NOMINATION_CONFIRMED_V0));
    }

    private static EventUpcaster upcaster(Class<? extends PublicEvent> eventClass, String oldName, String newName) {
        return EventUpcaster.of(eventClass, 0, data -> {
            data.set(newName, data.remove(oldName));
            return data;
        });
    }
}
