package dev.charter.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.charter.deploy.ServiceSpec;
import dev.charter.deploy.Services;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract-driven fuzz suite: reads every OpenAPI document of api-contracts (swagger-parser), and for every
 * operation of every service serving it sends a valid request and requests that break each declared constraint
 * (missing required fields, wrong types, too long or short, out of range, bad enums, bad formats, extra fields,
 * malformed JSON, wrong content type, no token, a token for someone else) and valid-but-extreme ones (limits,
 * unicode, empty lists), values drawn from jqwik's arbitraries. Every answer must be a 4xx problem+json or a
 * success the contract declares, never a 5xx; a write of a governance API that is not {@code x-charter-open-to} never
 * succeeds for a person with no seat; and no refused request appends an event to any service's store
 * (each request carries its own correlation id, which every event it causes, in any service, would carry).
 * Operations that need a token to read (the operations API, admin.yaml) get the operator's, and a stranger's.
 * A rebuild it starts (admin.yaml) is followed until it ended: meanwhile the read model's reads answer 503
 * projection-rebuilding by contract, which the requests after it must not meet.
 */
@ExtendWith(SystemExtension.class)
@Order(3)
class ContractFuzzIT {

    private static final Logger log = LoggerFactory.getLogger(ContractFuzzIT.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Arbitrary<String> UNICODE = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private static SystemUnderTest system;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger sent = new AtomicInteger();
    private final Set<String> refused = new HashSet<>();
    private final List<String> failures = new ArrayList<>();
    private final Map<String, List<String>> known = new LinkedHashMap<>();

    @BeforeAll
    static void start(SystemUnderTest running) {
        system = running;
    }

    @Test
    @DisplayName("every operation of every OpenAPI document answers broken and extreme requests with 4xx problem+json or a declared success, never 5xx; no refused request appends an event")
    void fuzzEveryOperation() throws Exception {
        Map<String, OpenAPI> documents = documents();
        assertThat(documents).containsKeys("registry.yaml", "voting.yaml", "nominations.yaml", "disputes.yaml",
                "audit.yaml", "admin.yaml");
        harvestKnownIds();
        int operations = 0;
        Map<String, Integer> perDocument = new LinkedHashMap<>();
        for (Map.Entry<String, OpenAPI> document : documents.entrySet()) {
            int before = sent.get();
            List<ServiceSpec> serving = servicesServing(document.getKey());
            assertThat(serving).as("services serving %s", document.getKey()).isNotEmpty();
            // a governance API (a service's own document, not audit or admin): its writes need a seat unless
            // the operation says x-charter-open-to
            boolean governance = Services.ALL.stream().anyMatch(s -> s.document().equals(document.getKey()));
            for (ServiceSpec service : serving) {
                for (Map.Entry<String, PathItem> path : document.getValue().getPaths().entrySet()) {
                    for (Map.Entry<PathItem.HttpMethod, Operation> operation : path.getValue().readOperationsMap().entrySet()) {
                        fuzz(service, path.getKey(), operation.getKey().name(), operation.getValue(), governance);
                        operations++;
                    }
                }
            }
            perDocument.put(document.getKey(), sent.get() - before);
        }
        String report = String.format("Contract fuzz: %d requests to %d operations of %d documents %s; %d refused, "
                + "%d failures", sent.get(), operations, documents.size(), perDocument, refused.size(), failures.size());
        log.info(report);
        System.out.println(report);
        Files.writeString(Path.of("target", "contract-fuzz-report.txt"), report + "\n" + String.join("\n", failures));
        assertThat(failures).as(report).isEmpty();
        assertThat(sent.get()).isGreaterThan(operations * 10);

        // no refused request appended an event, in the service it was sent to or any other
        for (ServiceSpec service : Services.ALL) {
            List<String> correlations = system.jdbc(service).sql(
                    "SELECT convert_from(metadata, 'UTF8')::jsonb ->> 'correlationId' FROM domainevententry")
                    .query(String.class).list();
            assertThat(correlations).as("events of %s caused by refused requests", service.name())
                    .doesNotContainAnyElementsOf(refused);
        }
    }

    // --- the requests of one operation

    private void fuzz(ServiceSpec service, String template, String method, Operation operation, boolean governance) {
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        Schema<?> body = bodySchema(operation);
        Set<String> declared = operation.getResponses() == null ? Set.of() : operation.getResponses().keySet();
        Req valid = new Req(service, method, template, declared);
        for (Parameter parameter : parameters) {
            if ("path".equals(parameter.getIn())) {
                valid.path.put(parameter.getName(), validPathValue(service, parameter));
            } else if ("query".equals(parameter.getIn()) && Boolean.TRUE.equals(parameter.getRequired())) {
                valid.query.put(parameter.getName(), text(valid(parameter.getSchema(), parameter.getName())));
            }
        }
        if (body != null) {
            valid.body = valid(body, "body").toString();
        }
        boolean write = WRITES.contains(method);
        // a write, or a read the contract guards with a token (401 declared): as the operator (SystemUnderTest)
        boolean authenticated = write || declared.contains("401");
        valid.person = authenticated ? SystemUnderTest.OPERATOR : null;

        send(valid.copy());
        // mallory has no seat in any body: a write not open to anyone must be refused to her
        boolean openToAnyone = operation.getExtensions() != null
                && operation.getExtensions().containsKey("x-charter-open-to");
        send(valid.copy(r -> {
            r.person = "mallory";
            r.needsSeat = governance && write && !openToAnyone;
        }));
        if (authenticated) {
            send(valid.copy(r -> r.person = null));
            send(valid.copy(r -> r.token = "not-a-token"));
        }
        for (Parameter parameter : parameters) {
            for (String value : invalid(parameter.getSchema())) {
                if ("path".equals(parameter.getIn())) {
                    send(valid.copy(r -> r.path.put(parameter.getName(), value)));
                } else if ("query".equals(parameter.getIn())) {
                    send(valid.copy(r -> r.query.put(parameter.getName(), value)));
                } else if ("header".equals(parameter.getIn())) {
                    send(valid.copy(r -> r.headers.put(parameter.getName(), value)));
                }
            }
            for (JsonNode extreme : extremes(parameter.getSchema(), parameter.getName())) {
                if ("query".equals(parameter.getIn())) {
                    send(valid.copy(r -> r.query.put(parameter.getName(), text(extreme))));
                }
            }
        }
        if (body == null) {
            if (write) {
                send(valid.copy(r -> r.body = "{\"unexpected\":true}"));
            }
            return;
        }
        ObjectNode base = (ObjectNode) JSON.valueToTree(parse(valid.body));
        for (String whole : List.of("", "{", "[]", "null", "\"text\"", "{\"a\":", "{}", nested(300), "\u0000\u0001")) {
            send(valid.copy(r -> r.body = whole));
        }
        send(valid.copy(r -> r.contentType = "text/plain"));
        send(valid.copy(r -> r.contentType = "application/xml"));
        send(valid.copy(r -> r.body = base.deepCopy().put("unexpectedField", "x").toString()));
        Map<String, Schema> properties = body.getProperties() == null ? Map.of() : body.getProperties();
        List<String> required = body.getRequired() == null ? List.of() : body.getRequired();
        for (Map.Entry<String, Schema> property : properties.entrySet()) {
            String name = property.getKey();
            if (required.contains(name)) {
                send(valid.copy(r -> r.body = without(base, name)));
            }
            List<JsonNode> values = new ArrayList<>(invalidValues(property.getValue()));
            values.addAll(extremes(property.getValue(), name));
            for (JsonNode value : values) {
                send(valid.copy(r -> r.body = with(base, name, value)));
            }
        }
    }

    // --- values

    /** A valid value of a schema, known ids for id-like names. */
    private JsonNode valid(Schema<?> schema, String name) {
        if (schema == null) {
            return NODES.textNode("x");
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return JSON.valueToTree(schema.getEnum().get(0));
        }
        String type = type(schema);
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (schema.getProperties() != null) {
                    schema.getProperties().forEach((key, value) -> object.set(key, valid(value, key)));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int items = Math.max(1, schema.getMinItems() == null ? 1 : schema.getMinItems());
                for (int i = 0; i < items; i++) {
                    array.add(valid(schema.getItems(), singular(name)));
                }
                return array;
            }
            case "integer" -> {
                long value = schema.getMinimum() != null ? schema.getMinimum().longValue() : 1;
                return NODES.numberNode(Math.max(value, 1));
            }
            case "number" -> {
                return NODES.numberNode(schema.getMinimum() != null ? schema.getMinimum() : BigDecimal.valueOf(0.75));
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            default -> {
                if ("date-time".equals(schema.getFormat())) {
                    return NODES.textNode(OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).withNano(0).toString());
                }
                if ("date".equals(schema.getFormat())) {
                    return NODES.textNode(OffsetDateTime.now(ZoneOffset.UTC).toLocalDate().toString());
                }
                if ("uri".equals(schema.getFormat()) || name.toLowerCase().contains("url")) {
                    return NODES.textNode("https://example.org/charter");
                }
                List<String> ids = known.get(name);
                if (ids != null && !ids.isEmpty()) {
                    return NODES.textNode(ids.get(0));
                }
                if (name.toLowerCase().endsWith("id") || name.toLowerCase().contains("person")) {
                    return NODES.textNode("ada");
                }
                int min = schema.getMinLength() == null ? 1 : schema.getMinLength();
                return NODES.textNode("Fuzzed text " + "x".repeat(Math.max(0, min - 12)));
            }
        }
    }

    /** Values breaking each declared constraint of a schema, as JSON. */
    private List<JsonNode> invalidValues(Schema<?> schema) {
        List<JsonNode> values = new ArrayList<>();
        values.add(NODES.nullNode());
        String type = type(schema);
        if (!type.equals("string")) {
            values.add(NODES.textNode("not-a-" + type));
        }
        if (!type.equals("integer") && !type.equals("number")) {
            values.add(NODES.numberNode(42));
        }
        if (!type.equals("object")) {
            values.add(NODES.objectNode().put("nested", "object"));
        }
        if (!type.equals("array")) {
            values.add(NODES.arrayNode().add("item"));
        }
        if (!type.equals("boolean")) {
            values.add(NODES.booleanNode(false));
        }
        if (schema.getMaxLength() != null) {
            values.add(NODES.textNode("y".repeat(schema.getMaxLength() + 1)));
        }
        if (schema.getMinLength() != null && schema.getMinLength() > 0) {
            values.add(NODES.textNode("y".repeat(schema.getMinLength() - 1)));
        }
        if (schema.getPattern() != null) {
            values.add(NODES.textNode("!! not the pattern !!"));
        }
        if (schema.getMinimum() != null) {
            values.add(NODES.numberNode(schema.getMinimum().subtract(BigDecimal.ONE)));
        }
        if (schema.getMaximum() != null) {
            values.add(NODES.numberNode(schema.getMaximum().add(BigDecimal.ONE)));
        }
        if (type.equals("integer") || type.equals("number")) {
            values.add(NODES.numberNode(new BigDecimal("1e400")));
            values.add(NODES.numberNode(new BigDecimal("-99999999999999999999999")));
        }
        if (schema.getEnum() != null) {
            values.add(NODES.textNode("NOT_A_DECLARED_VALUE"));
        }
        if (schema.getFormat() != null && type.equals("string")) {
            for (String bad : List.of("not-a-" + schema.getFormat(), "-999999999-01-01T00:00:00Z",
                    "+999999999-12-31T23:59:59Z", "2026-13-45T25:61:61Z", "0000-01-01T00:00:00Z")) {
                values.add(NODES.textNode(bad));
            }
        }
        if (type.equals("string")) {
            values.add(NODES.textNode("z".repeat(70_000)));
        }
        if (type.equals("array") && schema.getItems() != null) {
            values.add(NODES.arrayNode().add(NODES.objectNode().put("wrong", "item")));
        }
        return values;
    }

    /** Valid but extreme values: at the limits, unicode (jqwik), empty lists. */
    private List<JsonNode> extremes(Schema<?> schema, String name) {
        List<JsonNode> values = new ArrayList<>();
        if (schema == null) {
            return values;
        }
        String type = type(schema);
        if (type.equals("string") && schema.getEnum() == null && schema.getFormat() == null) {
            int max = schema.getMaxLength() == null ? 200 : schema.getMaxLength();
            int min = schema.getMinLength() == null ? 0 : schema.getMinLength();
            values.add(NODES.textNode("m".repeat(max)));
            values.add(NODES.textNode("\uD83D\uDE00".repeat(Math.max(1, max / 2))));
            UNICODE.sampleStream().limit(3).forEach(sample -> {
                String value = sample.length() > max ? sample.substring(0, max) : sample;
                values.add(NODES.textNode(value.length() < min ? value + "m".repeat(min - value.length()) : value));
            });
            if (min == 0) {
                values.add(NODES.textNode(""));
            }
        }
        if (type.equals("integer") || type.equals("number")) {
            if (schema.getMinimum() != null) {
                values.add(NODES.numberNode(schema.getMinimum()));
            }
            if (schema.getMaximum() != null) {
                values.add(NODES.numberNode(schema.getMaximum()));
            }
            Arbitraries.longs().between(-1_000_000, 1_000_000).sampleStream().limit(2).forEach(v -> values.add(NODES.numberNode(v)));
        }
        if (type.equals("array")) {
            values.add(NODES.arrayNode());
            ArrayNode many = NODES.arrayNode();
            for (int i = 0; i < 200; i++) {
                many.add(valid(schema.getItems(), singular(name)));
            }
            values.add(many);
        }
        if ("date-time".equals(schema.getFormat())) {
            values.add(NODES.textNode("1970-01-01T00:00:00Z"));
            values.add(NODES.textNode("9999-12-31T23:59:59Z"));
            values.add(NODES.textNode("2026-01-01T00:00:00+14:00"));
        }
        return values;
    }

    private List<String> invalid(Schema<?> schema) {
        List<String> values = new ArrayList<>(List.of("", "%00", "x".repeat(300), "\u00e4\u4f60\u597d", "..", "a b",
                "-1", "99999999999999999999"));
        for (JsonNode value : invalidValues(schema == null ? new Schema<>() : schema)) {
            if (value.isValueNode() && !value.isNull()) {
                String text = value.asText();
                values.add(text.length() > 2000 ? text.substring(0, 2000) : text);
            }
        }
        return values;
    }

    private String validPathValue(ServiceSpec service, Parameter parameter) {
        List<String> ids = known.getOrDefault(service.name() + "/" + parameter.getName(), known.get(parameter.getName()));
        if (ids != null && !ids.isEmpty()) {
            return ids.get(0);
        }
        return text(valid(parameter.getSchema(), parameter.getName()));
    }

    // --- sending and judging

    private final class Req {
        final ServiceSpec service;
        final String method;
        final String template;
        final Set<String> declared;
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        String body;
        String contentType = "application/json";
        String person;
        String token;
        /** A write of a governance API sent by a person with no seat, which the rules refuse. */
        boolean needsSeat;

        Req(ServiceSpec service, String method, String template, Set<String> declared) {
            this.service = service;
            this.method = method;
            this.template = template;
            this.declared = declared;
        }

        Req copy() {
            return copy(r -> { });
        }

        Req copy(Consumer<Req> change) {
            Req copy = new Req(service, method, template, declared);
            copy.path = new LinkedHashMap<>(path);
            copy.query = new LinkedHashMap<>(query);
            copy.headers = new LinkedHashMap<>(headers);
            copy.body = body;
            copy.contentType = contentType;
            copy.person = person;
            copy.token = token;
            copy.needsSeat = needsSeat;
            change.accept(copy);
            return copy;
        }
    }

    private void send(Req request) {
        String uri = system.baseUri(request.service) + expand(request);
        String correlation = "fuzz-" + sent.incrementAndGet();
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(uri));
        } catch (IllegalArgumentException e) {
            return; // not a URL any client could send
        }
        builder.timeout(Duration.ofSeconds(30)).header("X-Correlation-Id", correlation);
        request.headers.forEach((name, value) -> {
            try {
                builder.header(name, value);
            } catch (IllegalArgumentException ignored) {
                // a header value no client could send
            }
        });
        String token = request.token != null ? request.token
                : request.person != null ? system.token(request.person) : null;
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest.BodyPublisher body = request.body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(request.body);
        if (request.body != null) {
            builder.header("Content-Type", request.contentType);
        }
        builder.method(request.method, body);
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            failures.add(request.method + " " + uri + ": no answer (" + e + ")");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        judge(request, uri, correlation, response);
        if (response.statusCode() == 202 && request.template.endsWith("/rebuild")) {
            awaitRebuilt(request);
        }
    }

    /** A rebuild started: wait until the read model is back (its reads answer 503 projection-rebuilding meanwhile). */
    private void awaitRebuilt(Req rebuild) {
        Req status = rebuild.copy(r -> r.body = null);
        URI uri = URI.create(system.baseUri(rebuild.service) + expand(status).replaceFirst("/rebuild$", ""));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri)
                            .header("Authorization", "Bearer " + system.token(SystemUnderTest.OPERATOR)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    return answer.statusCode() == 200
                            && !"REBUILDING".equals(JSON.readTree(answer.body()).path("state").asText());
                });
    }

    private void judge(Req request, String uri, String correlation, HttpResponse<String> response) {
        int status = response.statusCode();
        String what = request.method + " " + uri + (request.body == null ? "" : " " + abbreviate(request.body))
                + " -> " + status + " " + abbreviate(response.body());
        if (status >= 500) {
            failures.add("5xx: " + what);
            return;
        }
        if (status >= 400) {
            refused.add(correlation);
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            if (!contentType.startsWith("application/problem+json")) {
                failures.add("not problem+json: " + what);
                return;
            }
            try {
                JsonNode problem = JSON.readTree(response.body());
                if (problem.path("status").asInt() != status || !problem.hasNonNull("code")) {
                    failures.add("problem without status/code: " + what);
                }
            } catch (IOException e) {
                failures.add("problem not JSON: " + what);
            }
            return;
        }
        if (request.needsSeat) {
            failures.add("a write that needs a seat succeeded for a person with none (no x-charter-open-to): " + what);
        }
        if (!request.declared.contains(Integer.toString(status)) && !request.declared.contains("default")) {
            failures.add("undeclared success: " + what);
        }
    }

    private String expand(Req request) {
        String path = request.template;
        for (Map.Entry<String, String> parameter : request.path.entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", URLEncoder.encode(parameter.getValue(),
                    StandardCharsets.UTF_8).replace("+", "%20"));
        }
        StringBuilder query = new StringBuilder();
        request.query.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return path + query;
    }

    // --- the documents and the ids they talk about

    private static Map<String, OpenAPI> documents() throws IOException {
        Path directory = Files.createTempDirectory("openapi");
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:openapi/*.yaml")) {
            Files.write(directory.resolve(resource.getFilename()), resource.getContentAsByteArray());
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        options.setResolveCombinators(true);
        Map<String, OpenAPI> documents = new LinkedHashMap<>();
        try (var files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                OpenAPI document = new OpenAPIV3Parser().read(file.toString(), null, options);
                if (document != null && document.getPaths() != null && !document.getPaths().isEmpty()) {
                    documents.put(file.getFileName().toString(), document);
                }
            }
        }
        return documents;
    }

    /**
     * The services serving a document (GET /openapi/&lt;document&gt;): each its own, and every service the audit and
     * operations APIs.
     */
    private List<ServiceSpec> servicesServing(String document) {
        return Services.ALL.stream().filter(service -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(system.baseUri(service) + "/openapi/" + document))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Ids of things that exist, from the list operations, so valid requests reach past "not found". */
    private void harvestKnownIds() {
        known.put("personId", new ArrayList<>(List.of("ada", "core01", "core02")));
        known.put("voterId", new ArrayList<>(List.of("ada")));
        known.put("aggregateId", new ArrayList<>(List.of("ada")));
        harvest(Services.REGISTRY, "/api/v1/modules?limit=5", "moduleId");
        harvest(Services.VOTING, "/api/v1/ballots?limit=5", "ballotId");
        harvest(Services.NOMINATION, "/api/v1/nominations?limit=5", "nominationId");
        harvest(Services.NOMINATION, "/api/v1/elections?limit=5", "electionId");
        harvest(Services.DISPUTE, "/api/v1/decisions?limit=5", "decisionId");
        harvest(Services.DISPUTE, "/api/v1/disputes?limit=5", "disputeId");
        harvest(Services.DISPUTE, "/api/v1/vetoes?limit=5", "vetoId");
        harvest(Services.DISPUTE, "/api/v1/change-proposals?limit=5", "proposalId");
        // each service's read models (admin.yaml): the first one that can be rebuilt (a tracking processor)
        for (ServiceSpec service : Services.ALL) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(system.baseUri(service)
                                + "/api/v1/admin/projections"))
                        .header("Authorization", "Bearer " + system.token(SystemUnderTest.OPERATOR)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                List<String> names = new ArrayList<>();
                for (JsonNode projection : JSON.readTree(response.body())) {
                    if ("STREAMING".equals(projection.path("mode").asText())) {
                        names.add(projection.path("name").asText());
                    }
                }
                known.put(service.name() + "/name", names);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void harvest(ServiceSpec service, String path, String name) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(system.baseUri(service) + path))
                    .build(), HttpResponse.BodyHandlers.ofString());
            List<String> ids = new ArrayList<>();
            for (JsonNode item : JSON.readTree(response.body()).path("items")) {
                String id = item.hasNonNull("id") ? item.get("id").asText() : item.path(name).asText(null);
                if (id != null) {
                    ids.add(id);
                }
            }
            known.put(name, ids);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- small helpers

    private static Schema<?> bodySchema(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return null;
        }
        MediaType json = operation.getRequestBody().getContent().get("application/json");
        return json == null ? null : json.getSchema();
    }

    private static String type(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            return schema.getTypes().iterator().next();
        }
        return schema.getProperties() != null ? "object" : "string";
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : node.toString();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String without(ObjectNode base, String name) {
        ObjectNode copy = base.deepCopy();
        copy.remove(name);
        return copy.toString();
    }

    private static String with(ObjectNode base, String name, JsonNode value) {
        ObjectNode copy = base.deepCopy();
        copy.set(name, value);
        return copy.toString();
    }

    private static String nested(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    private static String singular(String name) {
        return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
