package dev.charter.contracts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charter.contracts.registry.RegistryEvent.PersonRegistered;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventUpcastersTest {

    /** A revision 0 of PersonRegistered called the display name "name". */
    static final EventUpcaster NAME_TO_DISPLAY_NAME = new EventUpcaster() {
        @Override
        public Class<? extends PublicEvent> eventClass() {
            return PersonRegistered.class;
        }

        @Override
        public int fromRevision() {
            return 0;
        }

        @Override
        public ObjectNode upcast(ObjectNode data) {
            data.set("displayName", data.remove("name"));
            return data;
        }
    };

    @Test
    @DisplayName("a current type resolves without upcasters; an older revision through its chain; a gap or an unknown type not at all")
    void resolves() {
        EventCatalog catalog = EventCatalog.instance();
        assertThat(catalog.resolve("dev.charter.registry.PersonRegistered.v1", List.of()))
                .hasValueSatisfying(r -> assertThat(r.upcasters()).isEmpty());
        assertThat(catalog.resolve("dev.charter.registry.PersonRegistered.v0", List.of(NAME_TO_DISPLAY_NAME)))
                .hasValueSatisfying(r -> {
                    assertThat(r.eventClass()).isEqualTo(PersonRegistered.class);
                    assertThat(r.revision()).isZero();
                    assertThat(r.upcasters()).containsExactly(NAME_TO_DISPLAY_NAME);
                });
        assertThat(catalog.resolve("dev.charter.registry.PersonRegistered.v0", List.of())).isEmpty();
        assertThat(catalog.resolve("dev.charter.registry.PersonRegistered.v2", List.of())).isEmpty();
        assertThat(catalog.resolve("dev.charter.registry.Nothing.v1", List.of())).isEmpty();
        assertThat(catalog.resolve("garbage", List.of())).isEmpty();
    }

    @Test
    @DisplayName("the shipped list holds a complete chain for every event below its current revision")
    void shippedChainsAreComplete() {
        EventCatalog.instance().all().values().forEach(eventClass ->
                assertThat(EventUpcasters.chain(EventUpcasters.ALL, eventClass, 1)).as(eventClass.getName())
                        .isPresent());
    }
}
