package dev.charter.deploy;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks each object of a rendered manifest strictly against its kind's schema, as a cluster's API server would (and
 * stricter: a field a server would silently prune is an error here).
 * <ul>
 * <li>Kubernetes kinds: fabric8's {@code kubernetes-model}; Prometheus operator kinds: fabric8's monitoring model.</li>
 * <li>Strimzi's {@code Kafka}, {@code KafkaNodePool}, {@code KafkaTopic}, {@code KafkaUser}: Strimzi's published API
 * model ({@code io.strimzi:api}) of the operator version the manifests are written for.</li>
 * <li>CloudNativePG's {@code Cluster}: a JSON Schema of the fields the manifests use, written from the operator's API
 * reference ({@code schemas/cnpg-cluster.schema.json}).</li>
 * </ul>
 * The models keep an unknown field in an "additional properties" map instead of refusing it; a field there, a value of
 * the wrong type, an unknown kind or apiVersion are all reported.
 */
final class ManifestSchemas {

    /** The CloudNativePG operator version the Cluster schema is written for (postgres.yaml names it too). */
    static final String CLOUDNATIVE_PG = "1.27";

    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaUser", KafkaUser.class));

    private static final Map<String, String> JSON_SCHEMAS = Map.of(
            "postgresql.cnpg.io/v1/Cluster", "schemas/cnpg-cluster.schema.json");

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final ObjectMapper strict = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> schemas = new java.util.HashMap<>();

    /** The problems of one object, each naming the object and the field; empty when the object is valid. */
    List<String> problems(JsonNode object) {
        String type = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        String name = type + " " + object.at("/metadata/name").asText();
        List<String> problems = new ArrayList<>();
        Class<?> model = MODELS.get(type);
        String schema = JSON_SCHEMAS.get(type);
        if (model != null) {
            Object value;
            try {
                value = strict.treeToValue(object, model);
            } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
                problems.add(name + ": at " + e.getPathReference() + ": " + e.getOriginalMessage());
                return problems;
            } catch (IOException | IllegalArgumentException e) {
                problems.add(name + ": " + e.getMessage().lines().findFirst().orElse(""));
                return problems;
            }
            unknownFields(value, "", problems, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
            problems.replaceAll(problem -> name + ": unknown field " + problem);
        } else if (schema != null) {
            for (var error : schema(schema).validate(object.toString(), InputFormat.JSON)) {
                problems.add(name + ": " + error.getMessage());
            }
        } else {
            problems.add(name + ": no schema for this kind (add its model or schema to ManifestSchemas)");
        }
        return problems;
    }

    private Schema schema(String resource) {
        return schemas.computeIfAbsent(resource, r -> {
            try (InputStream in = ManifestSchemas.class.getClassLoader().getResourceAsStream(r)) {
                return registry.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Walks the deserialised model through its JSON properties; whatever a model's any-setter caught (fabric8's and
     * Strimzi's {@code additionalProperties}) was not a field of the schema.
     */
    private void unknownFields(Object value, String path, List<String> problems, Set<Object> seen) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || !seen.add(value)) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, entry) -> unknownFields(entry, path + "/" + key, problems, seen));
            return;
        }
        if (value instanceof Collection<?> collection) {
            int index = 0;
            for (Object entry : collection) {
                unknownFields(entry, path + "/" + index++, problems, seen);
            }
            return;
        }
        String packageName = value.getClass().getPackageName();
        if (!packageName.startsWith("io.fabric8.") && !packageName.startsWith("io.strimzi.")) {
            return;
        }
        JavaType type = strict.constructType(value.getClass());
        BeanDescription description = strict.getSerializationConfig().introspect(type);
        AnnotatedMember anyGetter = description.findAnyGetter();
        if (anyGetter != null && anyGetter.getValue(value) instanceof Map<?, ?> extra) {
            extra.keySet().forEach(key -> problems.add(path + "/" + key));
        }
        for (BeanPropertyDefinition property : description.findProperties()) {
            if (property.hasGetter()) {
                unknownFields(property.getGetter().getValue(value), path + "/" + property.getName(), problems, seen);
            }
        }
    }
}
