package dev.charter.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charter.contracts.registry.RegistryEvent.MaintainerRemoved;
import dev.charter.contracts.registry.RegistryEvent.ModuleDecisionRuleChanged;
import dev.charter.contracts.registry.RegistryEvent.PersonRegistered;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
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

    @Test
    @DisplayName("every older revision's approved JSON upcasts through the shipped chain to its current record")
    void olderRevisionsUpcast() throws Exception {
        int checked = 0;
        for (var entry : EventCatalog.instance().all().entrySet()) {
            int current = EventCatalog.revisionOf(entry.getValue());
            String prefix = entry.getKey().substring(0, entry.getKey().lastIndexOf(".v") + 2);
            for (int revision = 1; revision < current; revision++) {
                Path approved = Path.of("src/test/resources/approved/events/" + prefix + revision + ".json");
                assertThat(approved).as("the approved JSON of %s revision %d", entry.getKey(), revision).exists();
                JsonNode data = EventContractTest.MAPPER.readTree(Files.readString(approved));
                for (EventUpcaster upcaster : EventUpcasters.chain(EventUpcasters.ALL, entry.getValue(), revision)
                        .orElseThrow()) {
                    data = upcaster.upcast((ObjectNode) data);
                }
                assertThat(EventContractTest.MAPPER.treeToValue(data, entry.getValue())).isNotNull();
                checked++;
            }
        }
        assertThat(checked).isPositive();
    }

    @Test
    @DisplayName("R7: a revision 1 removal reads as revision 2 unchanged; a revision 1 settings change names no decision")
    void registryRevisionTwo() throws Exception {
        ObjectNode removed = (ObjectNode) EventContractTest.MAPPER.readTree("""
                {"personId":"bob","role":"MODULE_MAINTAINER","moduleId":"nn","reason":"REMOVED","decision":null}""");
        MaintainerRemoved upcast = EventContractTest.MAPPER.treeToValue(EventUpcasters.chain(EventUpcasters.ALL,
                MaintainerRemoved.class, 1).orElseThrow().get(0).upcast(removed), MaintainerRemoved.class);
        assertThat(upcast.reason()).isEqualTo(dev.charter.contracts.registry.RemovalReason.REMOVED);
        ObjectNode changed = (ObjectNode) EventContractTest.MAPPER.readTree("""
                {"moduleId":"nn","decisionRule":{"method":"MAJORITY"}}""");
        ModuleDecisionRuleChanged rule = EventContractTest.MAPPER.treeToValue(EventUpcasters.chain(EventUpcasters.ALL,
                ModuleDecisionRuleChanged.class, 1).orElseThrow().get(0).upcast(changed),
                ModuleDecisionRuleChanged.class);
        assertThat(rule.decision()).isNull();
        assertThat(rule.moduleId()).isEqualTo("nn");
    }

    @Test
    @DisplayName("R14, R15: a revision 1 emeritus came from the import; a revision 1 appointment started at once; a revision 1 accepted proposal carries no settings")
    void lifecycleRevisionTwo() throws Exception {
        ObjectNode emeritus = (ObjectNode) EventContractTest.MAPPER.readTree("""
                {"personId":"alan","role":"MODULE_MAINTAINER","moduleId":"nn",
                 "decision":{"source":"bootstrap","eventType":"RosterImported","eventId":null,"reference":"i-1"}}""");
        var moved = EventContractTest.MAPPER.treeToValue(EventUpcasters.chain(EventUpcasters.ALL,
                        dev.charter.contracts.registry.RegistryEvent.MovedToEmeritus.class, 1).orElseThrow().get(0)
                .upcast(emeritus), dev.charter.contracts.registry.RegistryEvent.MovedToEmeritus.class);
        assertThat(moved.reason()).isEqualTo(dev.charter.contracts.registry.EmeritusReason.IMPORTED);
        assertThat(moved.inactivityPeriodDays()).isNull();
        ObjectNode other = (ObjectNode) EventContractTest.MAPPER.readTree("""
                {"personId":"alan","role":"CORE_MAINTAINER","moduleId":null,"decision":null}""");
        assertThat(EventUpcasters.chain(EventUpcasters.ALL,
                dev.charter.contracts.registry.RegistryEvent.MovedToEmeritus.class, 1).orElseThrow().get(0)
                .upcast(other).get("reason").isNull()).isTrue();

        ObjectNode appointed = (ObjectNode) EventContractTest.MAPPER.readTree("""
                {"personId":"bob","role":"MODULE_MAINTAINER","moduleId":"nn","decision":null}""");
        var appointment = EventContractTest.MAPPER.treeToValue(EventUpcasters.chain(EventUpcasters.ALL,
                        dev.charter.contracts.registry.RegistryEvent.MaintainerAppointed.class, 1).orElseThrow()
                .get(0).upcast(appointed), dev.charter.contracts.registry.RegistryEvent.MaintainerAppointed.class);
        assertThat(appointment.heldSince()).isNull();

        ObjectNode accepted = (ObjectNode) EventContractTest.MAPPER.readTree("""
                {"proposalId":"p-1","action":"ADD","moduleId":"audio","name":"Audio","kind":"REPOSITORY",
                 "location":"example-org/audio","description":null,"initialMaintainers":["bob"],
                 "reasoning":"Worth it.","ballotId":"b-1","rulesVersion":"v"}""");
        var proposal = EventContractTest.MAPPER.treeToValue(EventUpcasters.chain(EventUpcasters.ALL,
                        dev.charter.contracts.nominations.NominationEvent.ModuleProposalAccepted.class, 1)
                .orElseThrow().get(0).upcast(accepted),
                dev.charter.contracts.nominations.NominationEvent.ModuleProposalAccepted.class);
        assertThat(proposal.settings()).isNull();
        assertThat(proposal.initialMaintainers()).containsExactly("bob");
    }
}
