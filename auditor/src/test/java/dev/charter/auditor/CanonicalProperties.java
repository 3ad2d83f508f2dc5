package dev.charter.auditor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charter.auditor.chain.Canonical;
import dev.charter.platform.audit.CanonicalJson;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The auditor's canonical JSON agrees with the platform's on any JSON the event mapper writes. */
class CanonicalProperties {

    @Property(tries = 300)
    void agreesWithThePlatform(@ForAll("documents") JsonNode document) throws Exception {
        byte[] published = PublishedEvents.MAPPER.writeValueAsBytes(document);
        assertThat(Canonical.canonical(published)).isEqualTo(CanonicalJson.write(PublishedEvents.MAPPER, document));
    }

    @Provide
    Arbitrary<JsonNode> documents() {
        Arbitrary<String> keys = Arbitraries.strings().ofMinLength(0).ofMaxLength(6)
                .withChars("aBz_é\"\\\n\u0001Ω");
        Arbitrary<JsonNode> leaves = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).all().map(JsonNodeFactory.instance::textNode),
                Arbitraries.longs().map(JsonNodeFactory.instance::numberNode),
                Arbitraries.doubles().map(JsonNodeFactory.instance::numberNode),
                Arbitraries.of(0.75, 1.0E-5, 1.0, 123456789.125, -0.0).map(JsonNodeFactory.instance::numberNode),
                Arbitraries.of(true, false).map(JsonNodeFactory.instance::booleanNode),
                Arbitraries.just(JsonNodeFactory.instance.nullNode()));
        return Arbitraries.maps(keys, Arbitraries.oneOf(leaves, leaves.list().ofMaxSize(3).map(list -> {
                    var array = JsonNodeFactory.instance.arrayNode();
                    list.forEach(array::add);
                    return (JsonNode) array;
                })))
                .ofMaxSize(6)
                .map(CanonicalProperties::object);
    }

    private static JsonNode object(Map<String, JsonNode> fields) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        fields.forEach(object::set);
        ObjectNode outer = JsonNodeFactory.instance.objectNode();
        outer.set("nested", object);
        outer.set("list", JsonNodeFactory.instance.arrayNode().add(object.deepCopy()));
        outer.put("z", List.of(1, 2).size());
        return outer;
    }
}
