package dev.charter.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every overlay, rendered as {@code kubectl apply -k} would, gives objects a cluster with the Strimzi and CloudNativePG
 * operators would accept: each object is checked strictly against its kind's schema ({@link ManifestSchemas}).
 */
class ManifestSchemasTest {

    private static final Path KUBERNETES = Path.of("kubernetes");
    private final ManifestSchemas schemas = new ManifestSchemas();

    static Stream<Path> overlays() throws IOException {
        try (Stream<Path> overlays = Files.list(KUBERNETES.resolve("overlays"))) {
            return overlays.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    @DisplayName("every object of every rendered overlay is valid against its schema")
    void overlayIsValid(Path overlay) throws Exception {
        List<JsonNode> objects = render(overlay);
        assertThat(objects).extracting(o -> o.path("kind").asText())
                .contains("Deployment", "Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "Cluster");
        List<String> problems = new ArrayList<>();
        objects.forEach(object -> problems.addAll(schemas.problems(object)));
        assertThat(problems).as("schema problems of %s", overlay).isEmpty();
    }

    static Stream<Arguments> typos() {
        return Stream.of(
                Arguments.of("Deployment", "/spec/template/spec/containers/0", "readinessProbe", "readynessProbe"),
                Arguments.of("Deployment", "/spec/template/spec/containers/0/securityContext", "readOnlyRootFilesystem",
                        "readOnlyRootFileSystem"),
                Arguments.of("NetworkPolicy", "/spec", "policyTypes", "policyType"),
                Arguments.of("Service", "/spec", "selector", "selectors"),
                Arguments.of("Kafka", "/spec/kafka/listeners/0", "authentication", "authentification"),
                Arguments.of("KafkaNodePool", "/spec", "roles", "role"),
                Arguments.of("KafkaTopic", "/spec", "partitions", "partition"),
                Arguments.of("KafkaUser", "/spec/authorization/acls/0", "operations", "operatons"),
                Arguments.of("Cluster", "/spec", "instances", "instance"),
                Arguments.of("Cluster", "/spec/bootstrap/initdb", "postInitApplicationSQL", "postInitApplicationSql"));
    }

    @ParameterizedTest(name = "{0}: {2} misspelt {3}")
    @MethodSource("typos")
    @DisplayName("a misspelt field name fails the check")
    void typoFails(String kind, String at, String field, String typo) throws IOException {
        JsonNode object = base().stream().filter(o -> kind.equals(o.path("kind").asText())).findFirst().orElseThrow();
        assertThat(schemas.problems(object)).as("the base's %s as written", kind).isEmpty();
        ObjectNode parent = (ObjectNode) object.at(at);
        assertThat(parent.has(field)).as("%s has %s", at, field).isTrue();
        parent.set(typo, parent.remove(field));
        assertThat(schemas.problems(object)).as("problems of %s with %s", kind, typo).isNotEmpty()
                .anySatisfy(problem -> assertThat(problem).contains(typo));
    }

    @Test
    @DisplayName("a value of the wrong type and an unknown kind fail the check")
    void wrongTypeAndUnknownKindFail() throws IOException {
        JsonNode deployment = base().stream().filter(o -> "Deployment".equals(o.path("kind").asText())).findFirst()
                .orElseThrow();
        ((ObjectNode) deployment.path("spec")).put("replicas", "two");
        assertThat(schemas.problems(deployment)).isNotEmpty();
        JsonNode cluster = base().stream().filter(o -> "Cluster".equals(o.path("kind").asText())).findFirst()
                .orElseThrow();
        ((ObjectNode) cluster.path("spec")).put("instances", 0);
        assertThat(schemas.problems(cluster)).isNotEmpty();
        JsonNode unknown = ManifestSchemas.YAML.readTree("apiVersion: example.org/v1\nkind: Widget\nmetadata: {name: w}\n");
        assertThat(schemas.problems(unknown)).singleElement().asString().contains("no schema");
    }

    /** {@code kubectl kustomize}, which applies the overlay as {@code kubectl apply -k} does. */
    private static List<JsonNode> render(Path overlay) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", overlay.toString()).redirectErrorStream(false).start();
        } catch (IOException e) {
            assumeTrue(false, "kubectl is not on the PATH: the overlays are not rendered here; the base's objects are "
                    + "still checked by typoFails (install kubectl to check the overlays)");
            throw e;
        }
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("kubectl kustomize %s: %s", overlay, err).isZero();
        return documents(new String(out, StandardCharsets.UTF_8));
    }

    private static List<JsonNode> base() throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        try (Stream<Path> files = Files.list(KUBERNETES.resolve("base"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                if (!file.getFileName().toString().equals("kustomization.yaml")) {
                    objects.addAll(documents(Files.readString(file)));
                }
            }
        }
        return objects;
    }

    private static List<JsonNode> documents(String yaml) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (YAMLParser parser = (YAMLParser) ManifestSchemas.YAML.getFactory().createParser(yaml)) {
            ManifestSchemas.YAML.readValues(parser, JsonNode.class).forEachRemaining(d -> {
                if (d != null && !d.isEmpty()) {
                    documents.add(d);
                }
            });
        }
        return documents;
    }
}
