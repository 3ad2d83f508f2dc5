package dev.charter.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.charter.contracts.EventStream;
import dev.charter.platform.kafka.KafkaAccess;
import org.apache.kafka.common.acl.AclBinding;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
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
    @DisplayName("every service runs as a Deployment on its own schema as its own role, locked down, with probes, resources, a disruption budget and a network policy")
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
            // least privilege: the service logs in as its own role (its secret), and the pod may not write its root
            // file system, escalate or keep a capability
            String roleSecret = "charter-db-" + service.schema();
            assertThat(envEntry(container, "SPRING_DATASOURCE_USERNAME").at("/valueFrom/secretKeyRef/name").asText())
                    .isEqualTo(roleSecret);
            assertThat(envEntry(container, "SPRING_DATASOURCE_PASSWORD").at("/valueFrom/secretKeyRef/name").asText())
                    .isEqualTo(roleSecret);
            assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
            assertThat(container.at("/securityContext/allowPrivilegeEscalation").isBoolean()).isTrue();
            assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean()).isFalse();
            assertThat(container.at("/securityContext/capabilities/drop").toString()).isEqualTo("[\"ALL\"]");
            assertThat(container.at("/resources/requests/cpu").asText()).isNotEmpty();
            assertThat(container.path("volumeMounts").toString()).contains("\"mountPath\":\"/tmp\"");
            assertThat(deployment.at("/spec/template/spec/volumes").toString()).contains("\"name\":\"tmp\",\"emptyDir\"");
            find(base, "Service", name);
            find(base, "PodDisruptionBudget", name);
            find(base, "NetworkPolicy", name);
        }
        JsonNode postgres = find(base, "Cluster", "charter-db");
        for (ServiceSpec service : Services.ALL) {
            String schema = service.schema();
            assertThat(postgres.at("/spec/bootstrap/initdb/postInitApplicationSQL").toString())
                    .contains("CREATE SCHEMA IF NOT EXISTS " + schema + " AUTHORIZATION " + schema + "\"");
            JsonNode role = null;
            for (JsonNode managed : postgres.at("/spec/managed/roles")) {
                role = schema.equals(managed.path("name").asText()) ? managed : role;
            }
            assertThat(role).as("managed role %s", schema).isNotNull();
            assertThat(role.path("login").asBoolean()).isTrue();
            assertThat(role.path("superuser").asBoolean()).isFalse();
            assertThat(role.at("/passwordSecret/name").asText()).isEqualTo("charter-db-" + schema);
        }
    }

    @Test
    @DisplayName("the console runs as a Deployment: non-root, read-only root, health probes on the management port, resources, a disruption budget, a network policy; every service's address; its identity settings in both overlays")
    void consoleIsDeployed() throws IOException {
        List<JsonNode> base = base();
        JsonNode deployment = find(base, "Deployment", "console");
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertThat(deployment.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/readiness");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/liveness");
        assertThat(container.at("/readinessProbe/httpGet/port").asText()).isEqualTo("management");
        assertThat(container.at("/resources/requests/memory").asText()).isNotEmpty();
        assertThat(container.at("/resources/limits/memory").asText()).isNotEmpty();
        assertThat(env(container, "CHARTER_CONSOLE_REGISTRY")).isEqualTo("http://registry-service");
        assertThat(env(container, "CHARTER_CONSOLE_VOTING")).isEqualTo("http://voting-service");
        assertThat(env(container, "CHARTER_CONSOLE_NOMINATIONS")).isEqualTo("http://nomination-service");
        assertThat(env(container, "CHARTER_CONSOLE_DISPUTES")).isEqualTo("http://dispute-service");
        for (ServiceSpec service : Services.ALL) {
            find(base, "Service", service.name() + "-service");
        }
        find(base, "Service", "console");
        find(base, "PodDisruptionBudget", "console");
        JsonNode policy = find(base, "NetworkPolicy", "console");
        assertThat(policy.at("/spec/ingress/1/from/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText())
                .isEqualTo("monitoring");
        // the services' policies let it in on their API port (no source restriction on 8080)
        for (ServiceSpec service : Services.ALL) {
            assertThat(find(base, "NetworkPolicy", service.name() + "-service").at("/spec/ingress/0").toString())
                    .isEqualTo("{\"ports\":[{\"port\":8080}]}");
        }
        for (String overlay : List.of("dev", "production")) {
            JsonNode kustomization = documents(ROOT.resolve("overlays/" + overlay + "/kustomization.yaml")).get(0);
            assertThat(kustomization.path("configMapGenerator").toString()).as(overlay)
                    .contains("charter-console-identity", "SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_CHARTER_AUTHORIZATION_URI");
        }
        assertThat(documents(ROOT.resolve("overlays/production/kustomization.yaml")).get(0).toString())
                .doesNotContain("CHARTER_CONSOLE_SIGN_IN_AS");
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

    @Test
    @DisplayName("Kafka: one TLS listener with SCRAM-SHA-512 and ACL authorisation; each service a KafkaUser whose ACLs are exactly its KafkaAccess (its own stream only)")
    void kafkaAuthenticatesAndAuthorises() throws IOException {
        List<JsonNode> base = base();
        JsonNode kafka = find(base, "Kafka", "charter-kafka");
        assertThat(kafka.at("/spec/kafka/listeners")).hasSize(1);
        JsonNode listener = kafka.at("/spec/kafka/listeners/0");
        assertThat(listener.path("tls").asBoolean()).isTrue();
        assertThat(listener.at("/authentication/type").asText()).isEqualTo("scram-sha-512");
        assertThat(kafka.at("/spec/kafka/authorization/type").asText()).isEqualTo("simple");
        JsonNode common = find(base, "ConfigMap", "charter-common").path("data");
        assertThat(common.path("SPRING_KAFKA_SECURITY_PROTOCOL").asText()).isEqualTo("SASL_SSL");
        assertThat(common.path("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM").asText()).isEqualTo("SCRAM-SHA-512");
        assertThat(common.path("SPRING_KAFKA_BOOTSTRAP_SERVERS").asText()).endsWith(":" + listener.path("port").asInt());

        for (ServiceSpec service : Services.ALL) {
            String name = service.name() + "-service";
            JsonNode user = find(base, "KafkaUser", name);
            assertThat(user.at("/spec/authentication/type").asText()).isEqualTo("scram-sha-512");
            assertThat(user.at("/spec/authorization/type").asText()).isEqualTo("simple");
            Set<String> declared = declaredAcls(user);
            assertThat(declared).as("ACLs of %s", name).isEqualTo(acls(KafkaAccess.bindings("User:" + name, "",
                    service.name(), service.stream(), service.consumes())));
            // it writes no stream but its own
            for (EventStream stream : EventStream.values()) {
                assertThat(declared.contains("topic " + stream.topic() + " WRITE")).as("%s writes %s", name, stream)
                        .isEqualTo(stream == service.stream());
                if (service.consumes().contains(stream)) {
                    String deadLetters = KafkaAccess.deadLetterTopic(stream.topic(), service.name());
                    assertThat(base.stream().anyMatch(d -> "KafkaTopic".equals(d.path("kind").asText())
                            && deadLetters.equals(d.at("/spec/topicName").asText()))).as(deadLetters).isTrue();
                }
            }
            // the service takes its credentials from the KafkaUser's secret
            JsonNode container = find(base, "Deployment", name).at("/spec/template/spec/containers/0");
            JsonNode jaas = envEntry(container, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
            assertThat(jaas.at("/valueFrom/secretKeyRef/name").asText()).isEqualTo(name);
            assertThat(jaas.at("/valueFrom/secretKeyRef/key").asText()).isEqualTo("sasl.jaas.config");
        }
    }

    @Test
    @DisplayName("auditors have a KafkaUser of their own that reads every stream and may do nothing else (DESIGN §8)")
    void auditorReadsOnly() throws IOException {
        JsonNode user = find(base(), "KafkaUser", KafkaAccess.AUDITOR);
        assertThat(user.at("/spec/authentication/type").asText()).isEqualTo("scram-sha-512");
        Set<String> declared = declaredAcls(user);
        assertThat(declared).isEqualTo(acls(KafkaAccess.auditorBindings("User:" + KafkaAccess.AUDITOR, "")));
        assertThat(declared).allSatisfy(acl -> assertThat(acl).matches("topic \\S+ (READ|DESCRIBE)"));
        for (EventStream stream : EventStream.values()) {
            assertThat(declared).contains("topic " + stream.topic() + " READ");
        }
    }

    private static Set<String> declaredAcls(JsonNode user) {
        Set<String> declared = new TreeSet<>();
        for (JsonNode acl : user.at("/spec/authorization/acls")) {
            assertThat(acl.at("/resource/patternType").asText()).isEqualTo("literal");
            for (JsonNode operation : acl.path("operations")) {
                declared.add(acl.at("/resource/type").asText() + " " + acl.at("/resource/name").asText() + " "
                        + operation.asText().toUpperCase(Locale.ROOT));
            }
        }
        return declared;
    }

    private static Set<String> acls(List<AclBinding> bindings) {
        Set<String> acls = new TreeSet<>();
        for (AclBinding binding : bindings) {
            acls.add(binding.pattern().resourceType().name().toLowerCase(Locale.ROOT) + " " + binding.pattern().name()
                    + " " + binding.entry().operation().name());
        }
        return acls;
    }

    @Test
    @DisplayName("actuator is on the management port: probes and scraping use it, and the network policy opens it only to monitoring")
    void managementPortIsPrivate() throws IOException {
        List<JsonNode> base = base();
        int management = Integer.parseInt(find(base, "ConfigMap", "charter-common").at("/data/MANAGEMENT_SERVER_PORT")
                .asText());
        for (ServiceSpec service : Services.ALL) {
            String name = service.name() + "-service";
            JsonNode deployment = find(base, "Deployment", name);
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            assertThat(container.at("/readinessProbe/httpGet/port").asText()).isEqualTo("management");
            assertThat(container.at("/livenessProbe/httpGet/port").asText()).isEqualTo("management");
            assertThat(deployment.at("/spec/template/metadata/annotations/prometheus.io~1port").asText())
                    .isEqualTo(Integer.toString(management));
            JsonNode policy = find(base, "NetworkPolicy", name);
            for (JsonNode rule : policy.at("/spec/ingress")) {
                boolean opensManagement = false;
                for (JsonNode port : rule.path("ports")) {
                    opensManagement |= port.path("port").asInt() == management;
                }
                if (opensManagement) {
                    assertThat(rule.at("/from/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText())
                            .as("who may reach %s's management port", name).isEqualTo("monitoring");
                } else {
                    assertThat(rule.path("ports").toString()).contains("8080");
                }
            }
        }
    }

    @Test
    @DisplayName("the production overlay gives every service's Deployment the JWT audience and the operators (charter.operators)")
    void productionSettingsReachEveryService() throws IOException {
        JsonNode kustomization = documents(ROOT.resolve("overlays/production/kustomization.yaml")).get(0);
        Set<String> everyDeployment = new TreeSet<>();
        for (JsonNode patch : kustomization.path("patches")) {
            JsonNode target = patch.path("target");
            // a patch reaches every Deployment when it names no Deployment and selects by nothing else
            if ("Deployment".equals(target.path("kind").asText()) && !target.has("name")
                    && !target.has("labelSelector") && !target.has("annotationSelector")) {
                for (JsonNode operation : YAML.readTree(patch.path("patch").asText())) {
                    everyDeployment.add(operation.at("/value/name").asText());
                }
            }
        }
        assertThat(everyDeployment).contains("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES", "CHARTER_OPERATORS");
        List<JsonNode> base = base();
        for (ServiceSpec service : Services.ALL) {
            find(base, "Deployment", service.name() + "-service");
        }
    }

    @Test
    @DisplayName("one Ingress under one host with TLS routes every /api/v1/<resource> of each service's OpenAPI document to that service")
    void ingressRoutesEveryResource() throws IOException {
        List<JsonNode> base = base();
        JsonNode ingress = find(base, "Ingress", "charter");
        assertThat(ingress.at("/spec/rules")).hasSize(1);
        String host = ingress.at("/spec/rules/0/host").asText();
        assertThat(ingress.at("/spec/tls/0/hosts").toString()).contains("\"" + host + "\"");
        assertThat(ingress.at("/spec/tls/0/secretName").asText()).isNotEmpty();
        java.util.Map<String, String> routes = new java.util.TreeMap<>();
        for (JsonNode path : ingress.at("/spec/rules/0/http/paths")) {
            assertThat(path.path("pathType").asText()).isEqualTo("Prefix");
            assertThat(path.at("/backend/service/port/name").asText()).isEqualTo("http");
            assertThat(routes.put(path.path("path").asText(), path.at("/backend/service/name").asText())).isNull();
        }
        Set<String> served = new TreeSet<>();
        for (ServiceSpec service : Services.ALL) {
            JsonNode document = documents(Path.of("../api-contracts/src/main/openapi", service.document())).get(0);
            document.path("paths").fieldNames().forEachRemaining(path -> {
                String resource = path.replaceAll("^(/api/v1/[^/]+).*$", "$1");
                served.add(resource);
                assertThat(routes.get(resource)).as("route of %s", path).isEqualTo(service.name() + "-service");
            });
        }
        assertThat(routes.keySet()).as("routes to no resource").isEqualTo(served);
    }

    @Test
    @DisplayName("a ServiceMonitor scrapes each service's management port; the alerts cover publisher lag, parked events, dead letters, consumer lag and audit verification")
    void monitoringCoversEveryService() throws IOException {
        List<JsonNode> base = base();
        for (ServiceSpec service : Services.ALL) {
            String name = service.name() + "-service";
            JsonNode monitor = find(base, "ServiceMonitor", name);
            JsonNode svc = find(base, "Service", name);
            monitor.at("/spec/selector/matchLabels").fields().forEachRemaining(label ->
                    assertThat(svc.at("/metadata/labels").path(label.getKey()).asText()).isEqualTo(label.getValue().asText()));
            assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo("management");
            assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/actuator/prometheus");
            boolean management = false;
            for (JsonNode port : svc.at("/spec/ports")) {
                management |= "management".equals(port.path("name").asText())
                        && "management".equals(port.path("targetPort").asText());
            }
            assertThat(management).as("%s exposes its management port", name).isTrue();
        }
        String rules = find(base, "PrometheusRule", "charter").toString();
        assertThat(alertMetrics()).allSatisfy(metric -> assertThat(rules).contains(metric));
    }

    /** The metrics the alerts use (LocalStackIT finds each in every service's scrape). */
    static Set<String> alertMetrics() throws IOException {
        Set<String> metrics = new TreeSet<>();
        for (JsonNode document : documents(ROOT.resolve("base/monitoring.yaml"))) {
            for (JsonNode group : document.at("/spec/groups")) {
                for (JsonNode rule : group.path("rules")) {
                    java.util.regex.Matcher matcher = java.util.regex.Pattern
                            .compile("\\b(charter_[a-z_]+|kafka_consumer_[a-z_]+)\\b").matcher(rule.path("expr").asText());
                    while (matcher.find()) {
                        metrics.add(matcher.group(1));
                    }
                }
            }
        }
        assertThat(metrics).contains("charter_publisher_lag", "charter_publisher_parked",
                "charter_inbound_dead_letters_total", "kafka_consumer_fetch_manager_records_lag_max",
                "charter_audit_verification_failures_total");
        return metrics;
    }

    private static JsonNode envEntry(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (name.equals(variable.path("name").asText())) {
                return variable;
            }
        }
        throw new AssertionError("no env " + name);
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
