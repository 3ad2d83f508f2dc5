package dev.charter.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import dev.charter.testsupport.Approvals;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Public events are a contract: the JSON of every event is pinned by an approved file, and the
 * language-neutral JSON Schema shipped in this jar ({@code schemas/events/<type>.schema.json}) must be the
 * one generated from the records. A change shows up in review as a diff of those files; a published schema
 * changes only by a new revision with an upcaster. Re-approve a deliberate change with
 * {@code -Dcharter.approve=true}.
 */
class EventContractTest {

    static final ObjectMapper MAPPER = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final Path APPROVED = Path.of("src/test/resources/approved/events");
    private static final Path SCHEMAS = Path.of("src/main/resources/schemas/events");

    @TestFactory
    @DisplayName("the JSON of every public event is pinned by its approved file")
    Stream<DynamicTest> eventJsonIsApproved() {
        return EventCatalog.instance().all().entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            Object sample = SampleEvents.sample(entry.getValue());
            String json = MAPPER.writeValueAsString(sample);
            Approvals.verify(APPROVED.resolve(entry.getKey() + ".json"), json);
            assertThat(MAPPER.readValue(json, entry.getValue())).as("round trip").isEqualTo(sample);
        }));
    }

    @TestFactory
    @DisplayName("the shipped JSON Schema of every public event is the one generated from its record")
    Stream<DynamicTest> schemasMatchRecords() {
        SchemaGenerator generator = new SchemaGenerator(new SchemaGeneratorConfigBuilder(MAPPER,
                SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON).build());
        return EventCatalog.instance().all().entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            ObjectNode schema = generator.generateSchema(entry.getValue());
            EventStream stream = EventCatalog.instance().streamOf(entry.getValue());
            schema.put("$id", "https://charter.dev/schemas/events/" + entry.getKey() + ".schema.json");
            schema.put("title", entry.getValue().getSimpleName());
            schema.put("x-cloudevents-type", entry.getKey());
            schema.put("x-topic", stream.topic());
            Approvals.verify(SCHEMAS.resolve(entry.getKey() + ".schema.json"), MAPPER.writeValueAsString(schema));
        }));
    }

    @TestFactory
    @DisplayName("the audit chain's own records (e.g. EventParked) are pinned and have their schema, published on every stream")
    Stream<DynamicTest> chainRecordsAreApproved() {
        SchemaGenerator generator = new SchemaGenerator(new SchemaGeneratorConfigBuilder(MAPPER,
                SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON).build());
        return EventCatalog.instance().chainRecords().entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
            Object sample = SampleEvents.sample(entry.getValue());
            String json = MAPPER.writeValueAsString(sample);
            Approvals.verify(APPROVED.resolve(entry.getKey() + ".json"), json);
            assertThat(MAPPER.readValue(json, entry.getValue())).as("round trip").isEqualTo(sample);
            ObjectNode schema = generator.generateSchema(entry.getValue());
            schema.put("$id", "https://charter.dev/schemas/events/" + entry.getKey() + ".schema.json");
            schema.put("title", entry.getValue().getSimpleName());
            schema.put("x-cloudevents-type", entry.getKey());
            schema.put("x-topic", "every stream: charter.<stream>.v1, in the publishing service's chain");
            Approvals.verify(SCHEMAS.resolve(entry.getKey() + ".schema.json"), MAPPER.writeValueAsString(schema));
        }));
    }

    @Test
    @DisplayName("every sample validates its schema's top-level properties: the schema names every field")
    void schemaNamesEveryField() throws Exception {
        for (Map.Entry<String, Class<? extends PublicEvent>> entry : EventCatalog.instance().all().entrySet()) {
            JsonNode schema = MAPPER.readTree(SCHEMAS.resolve(entry.getKey() + ".schema.json").toFile());
            JsonNode sample = MAPPER.valueToTree(SampleEvents.sample(entry.getValue()));
            sample.fieldNames().forEachRemaining(field ->
                    assertThat(schema.get("properties").has(field)).as("%s.%s", entry.getKey(), field).isTrue());
        }
    }

    @Test
    @DisplayName("CloudEvents types are dev.charter.<stream>.<Event>.v<revision> and resolve back to their record")
    void typeNames() {
        assertThat(EventCatalog.instance().typeOf(dev.charter.contracts.registry.RegistryEvent.PersonRegistered.class))
                .isEqualTo("dev.charter.registry.PersonRegistered.v1");
        EventCatalog.instance().all().forEach((type, eventClass) -> {
            assertThat(type).matches("dev\\.charter\\.[a-z]+\\.[A-Z][A-Za-z]+\\.v[0-9]+");
            assertThat(EventCatalog.instance().classOf(type)).contains(eventClass);
        });
    }
}
