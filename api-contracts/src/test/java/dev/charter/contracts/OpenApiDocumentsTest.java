package dev.charter.contracts;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI documents as the services serve them (each from {@code /openapi/<document>}, beside
 * {@code common.yaml}): every {@code $ref} resolves, and the schemas several APIs show are defined once, in
 * {@code common.yaml}.
 */
class OpenApiDocumentsTest {

    private static final List<String> SHARED = List.of("Round", "OptionCount", "Recusal", "RecusalReason",
            "BallotOutcome", "DecisionMethod", "ThresholdBase", "DecisionRule", "ModuleKind", "NominationProcess",
            "ModuleSettings");

    @ParameterizedTest
    @ValueSource(strings = {"registry.yaml", "voting.yaml", "nominations.yaml", "audit.yaml", "common.yaml"})
    @DisplayName("a document parses and every $ref resolves, those into common.yaml too")
    void resolves(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readLocation(location(document), null, options);
        assertThat(result.getMessages()).as(document).isEmpty();
        assertThat(result.getOpenAPI()).as(document).isNotNull();
    }

    @Test
    @DisplayName("the shared schemas (rounds, recusals, outcomes, decision rules, module kinds and settings) are defined once, in common.yaml")
    void sharedSchemasDefinedOnce() {
        assertThat(schemas("common.yaml").keySet()).containsAll(SHARED);
        for (String document : List.of("registry.yaml", "voting.yaml", "nominations.yaml", "audit.yaml")) {
            assertThat(schemas(document).keySet()).as(document).doesNotContainAnyElementsOf(SHARED);
        }
    }

    @Test
    @DisplayName("a service's document refers to the shared schemas in common.yaml")
    void sharedSchemasReferenced() {
        OpenAPI voting = read("voting.yaml", true);
        assertThat(voting.getComponents().getSchemas()).containsKeys("Round", "Recusal", "DecisionRule");
    }

    private static Map<String, ?> schemas(String document) {
        OpenAPI api = read(document, false);
        return api.getComponents() == null || api.getComponents().getSchemas() == null ? Map.of()
                : api.getComponents().getSchemas();
    }

    private static OpenAPI read(String document, boolean resolve) {
        ParseOptions options = new ParseOptions();
        options.setResolve(resolve);
        return new OpenAPIV3Parser().readLocation(location(document), null, options).getOpenAPI();
    }

    private static String location(String document) {
        URL url = OpenApiDocumentsTest.class.getResource("/openapi/" + document);
        assertThat(url).as(document + " on the classpath").isNotNull();
        return url.toString();
    }
}
