package dev.charter.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.charter.contracts.EventStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The Kubernetes manifests hold what an operator relies on; no cluster here, so their content is checked. */
class KubernetesManifestsTest {

    private static final Path ROOT = Path.of("kubernetes");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    @DisplayName("every kustomization lists files that exist")
    void kustomizationsAreComplete() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path kustomization : files.filter(p -> p.getFileName().toString().equals("kustomization.yaml")).toList()) {
                for (JsonNode resource : documents(kustomization).get(0).path("resources")) {
                    assertThat(kustomization.getParent().resolve(resource.asText())).as("%s lists %s", kustomization,
                            resource.asText()).exists();
                }
            }
        }
    }

    @Test
    @DisplayName("every service runs as a Deployment on its own schema, with probes, resources, a disruption budget and a network policy")
    void everyServiceIsDeployed() throws IOException {
        List<JsonNode> base = base();
        for (ServiceSpec service : Services.ALL) {
            String name = service.name() + "-service";
            JsonNode deployment = find(base, "Deployment", name);
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/readiness");
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/liveness");
            assertThat(container.at("/resources/requests/memory").asText()).isNotEmpty();
            assertThat(container.at("/resources/limits/memory").asText()).isNotEmpty();
            assertThat(deployment.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();
            assertThat(env(container, "SPRING_DATASOURCE_URL")).endsWith("currentSchema=" + service.schema());
            assertThat(env(container, "SPRING_FLYWAY_SCHEMAS")).isEqualTo(service.schema());
            find(base, "Service", name);
            find(base, "PodDisruptionBudget", name);
            find(base, "NetworkPolicy", name);
        }
        JsonNode postgres = find(base, "Cluster", "charter-db");
        Services.ALL.forEach(service -> assertThat(postgres.at("/spec/bootstrap/initdb/postInitApplicationSQL").toString())
                .contains("CREATE SCHEMA IF NOT EXISTS " + service.schema() + " "));
    }

    @Test
    @DisplayName("every public stream has its topic, kept forever, with three replicas in production")
    void everyStreamHasATopic() throws IOException {
        List<JsonNode> base = base();
        for (EventStream stream : EventStream.values()) {
            JsonNode topic = base.stream().filter(d -> "KafkaTopic".equals(d.path("kind").asText()))
                    .filter(d -> stream.topic().equals(d.at("/spec/topicName").asText())).findFirst().orElse(null);
            assertThat(topic).as("topic of %s", stream).isNotNull();
            assertThat(topic.at("/spec/replicas").asInt()).isEqualTo(3);
            assertThat(topic.at("/spec/config/retention.ms").asLong()).isEqualTo(-1);
        }
    }

    private static List<JsonNode> base() throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("base"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                documents.addAll(documents(file));
            }
        }
        return documents;
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(file.toFile())) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(documents::add);
        }
        return documents;
    }

    private static JsonNode find(List<JsonNode> documents, String kind, String name) {
        return documents.stream()
                .filter(d -> kind.equals(d.path("kind").asText()) && name.equals(d.at("/metadata/name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static String env(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (name.equals(variable.path("name").asText())) {
                return variable.path("value").asText();
            }
        }
        throw new AssertionError("no env " + name);
    }
}
