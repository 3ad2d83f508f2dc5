package dev.charter.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.charter.client.registry.model.AffiliationChange;
import dev.charter.client.registry.model.Conflict;
import dev.charter.client.registry.model.ConflictDeclaration;
import dev.charter.client.registry.model.ConflictKind;
import dev.charter.client.registry.model.ConflictWithdrawal;
import dev.charter.client.registry.model.DecisionMethod;
import dev.charter.client.registry.model.DecisionRule;
import dev.charter.client.registry.model.ImportReport;
import dev.charter.client.registry.model.Module;
import dev.charter.client.registry.model.ModuleSettings;
import dev.charter.client.registry.model.CoreSettingsChange;
import dev.charter.client.registry.model.SettingsMotionRequest;
import dev.charter.client.registry.model.NominationProcess;
import dev.charter.client.registry.model.Person;
import dev.charter.client.registry.model.PersonPage;
import dev.charter.client.registry.model.PersonRegistration;
import dev.charter.client.registry.model.Publication;
import dev.charter.client.registry.model.PublicationKind;
import dev.charter.client.registry.model.PublicationRequest;
import dev.charter.client.registry.model.Roster;
import dev.charter.client.registry.model.RosterMember;
import dev.charter.client.registry.model.Tenure;
import dev.charter.client.registry.model.TenureEntry;
import dev.charter.testsupport.ProblemAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The registry's REST API end to end, through the generated client, on a bootstrapped roster. */
class RegistryIT extends RegistryIntegrationTest {

    private static OffsetDateTime beforeImport;
    private static ImportReport imported;

    @BeforeEach
    void importRosterOnce() throws Exception {
        if (imported == null) {
            beforeImport = OffsetDateTime.now(ZoneOffset.UTC);
            imported = as("ada").bootstrap().importRoster(resource("roster.yaml"), null);
            await().atMost(Duration.ofSeconds(30)).until(() -> anonymous().roster().getRoster(null).getLead() != null);
        }
    }

    @Test
    @DisplayName("bounded inputs: a time outside 1970..9999 is a 400, a body over its limit a 413 before it is read (the bootstrap YAML may be larger)")
    void boundedInputs() throws Exception {
        ProblemAssertions.problem(get("/api/v1/roster?asOf=-999999999-01-01T00:00:00Z"), 400, "bad-request");
        ProblemAssertions.problem(get("/api/v1/roster?asOf=%2B999999999-12-31T23:59:59Z"), 400, "bad-request");
        String token = tokens.issue("ada");
        String large = "{\"affiliation\":\"" + "x".repeat(70_000) + "\"}";
        HttpRequest tooLarge = HttpRequest.newBuilder(URI.create(baseUri() + "/api/v1/persons/ada/affiliation"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString(large)).build();
        ProblemAssertions.problem(tooLarge, 413, "payload-too-large");
        // sent without a Content-Length (chunked): refused as soon as it passes the limit
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(baseUri() + "/api/v1/persons/ada/affiliation"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        large.getBytes(StandardCharsets.UTF_8)))).build();
        ProblemAssertions.problem(chunked, 413, "payload-too-large");
        // 100 KiB of YAML is within the bootstrap import's own limit (it is refused for another reason: not empty)
        HttpRequest yaml = HttpRequest.newBuilder(URI.create(baseUri() + "/api/v1/bootstrap"))
                .header("Content-Type", "application/yaml").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("# " + "y".repeat(100_000) + "\npersons: []\n")).build();
        HttpResponse<String> imported = HttpClient.newHttpClient().send(yaml, HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).as(imported.body()).isNotEqualTo(413).isLessThan(500);
    }

    @Test
    @DisplayName("R1: the imported roster has one lead who is a core maintainer, module groups and emeritus lists")
    void importedRoster() throws Exception {
        assertThat(imported.getPersons()).isEqualTo(8);
        assertThat(imported.getModules()).isEqualTo(3);
        Roster roster = anonymous().roster().getRoster(null);
        assertThat(roster.getLead().getPersonId()).isEqualTo("ada");
        assertThat(roster.getLead().getDecision().getSource()).isEqualTo("bootstrap");
        assertThat(roster.getLead().getDecision().getReference()).isEqualTo(imported.getImportId());
        assertThat(ids(roster.getCoreMaintainers())).containsExactly("ada", "grace", "linus");
        assertThat(ids(roster.getCoreEmeritus())).containsExactly("ken");
        assertThat(roster.getModules()).extracting(m -> m.getId()).containsExactly("nn", "nn-functional", "vision");
        assertThat(ids(roster.getModules().get(0).getMaintainers())).containsExactly("dennis", "margaret");
        assertThat(ids(roster.getModules().get(0).getEmeritus())).containsExactly("alan");
        assertThat(roster.getModules().get(1).getLocation()).isEqualTo("torch/nn/functional");
    }

    @Test
    @DisplayName("a second import is refused with 409 once the registry has history")
    void secondImportRefused() {
        JsonNode problem = problem(409, () -> as("ada").bootstrap().importRoster(resource("roster.yaml"), null));
        assertThat(problem.get("code").asText()).isEqualTo("registry-has-history");
    }

    @Test
    @DisplayName("roster queries answer as of a past instant: before the import the roster was empty")
    void rosterAsOf() throws Exception {
        Roster before = anonymous().roster().getRoster(beforeImport);
        assertThat(before.getLead()).isNull();
        assertThat(before.getCoreMaintainers()).isEmpty();
        assertThat(before.getModules()).isEmpty();

        OffsetDateTime beforeChange = OffsetDateTime.now(ZoneOffset.UTC);
        as("margaret").persons().changeAffiliation("margaret", new AffiliationChange().affiliation("Moonshot Inc"), null);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "Moonshot Inc".equals(anonymous().persons().getPerson("margaret", null).getAffiliation()));
        Person margaret = anonymous().persons().getPerson("margaret", null);
        assertThat(margaret.getAffiliationHistory()).extracting(p -> p.getAffiliation())
                .containsExactly("Lunar Software", "Moonshot Inc");

        Module then = anonymous().modules().getModule("nn", beforeChange);
        assertThat(then.getMaintainers()).filteredOn(m -> m.getPersonId().equals("margaret"))
                .extracting(RosterMember::getAffiliation).containsExactly("Lunar Software");
        Module now = anonymous().modules().getModule("nn", null);
        assertThat(now.getMaintainers()).filteredOn(m -> m.getPersonId().equals("margaret"))
                .extracting(RosterMember::getAffiliation).containsExactly("Moonshot Inc");

        JsonNode future = problem(400, () -> anonymous().roster().getRoster(OffsetDateTime.now().plusDays(1)));
        assertThat(future.get("code").asText()).isEqualTo("as-of-in-future");
    }

    @Test
    @DisplayName("R16: CODEOWNERS is generated from the roster, parents before children; repository modules get their own")
    void codeowners() throws Exception {
        String core = anonymous().files().getCodeowners(null, null);
        assertThat(core).contains("/torch/nn/ @dennis @margaret\n", "/torch/nn/functional/ @barbara\n");
        assertThat(core.indexOf("/torch/nn/ ")).isLessThan(core.indexOf("/torch/nn/functional/ "));
        assertThat(core).doesNotContain("example-org/vision");

        String vision = anonymous().files().getCodeowners("example-org/vision", null);
        assertThat(vision).contains("* @barbara @dennis\n");

        JsonNode unknown = problem(404, () -> anonymous().files().getCodeowners("example-org/nothing", null));
        assertThat(unknown.get("code").asText()).isEqualTo("no-such-repository");

        String before = anonymous().files().getCodeowners(null, beforeImport);
        assertThat(before).doesNotContain("@");
    }

    @Test
    @DisplayName("the maintainers page lists the lead, core maintainers, modules and emeritus with affiliations")
    void maintainersPage() throws Exception {
        String page = anonymous().files().getMaintainersPage(null);
        assertThat(page).contains("## Lead Core Maintainer", "- Ada Lovelace ([@ada](https://github.com/ada))",
                "## Core Maintainers", "### Neural networks", "Emeritus:", "Alan Machine", "## Core Emeritus",
                "Ken Emeritus");
    }

    @Test
    @DisplayName("R2: a person registers themselves as an individual; ids are case-insensitive handles")
    void registerPerson() throws Exception {
        var created = as("NewComer").persons().registerPerson(
                new PersonRegistration().id("NewComer").displayName("New Comer").affiliation("Some Corp"), null);
        assertThat(created.getId()).isEqualTo("newcomer");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            PersonPage page = anonymous().persons().listPersons(null, 200);
            return page.getItems().stream().anyMatch(p -> p.getId().equals("newcomer"));
        });
        Person person = anonymous().persons().getPerson("NEWCOMER", null);
        assertThat(person.getDisplayName()).isEqualTo("New Comer");
        assertThat(person.getRoles()).isEmpty();

        JsonNode duplicate = problem(409, () -> as("newcomer").persons().registerPerson(
                new PersonRegistration().id("newcomer").displayName("Again"), null));
        assertThat(duplicate.get("code").asText()).isEqualTo("person-exists");

        JsonNode forSomeoneElse = problem(403, () -> as("newcomer").persons().registerPerson(
                new PersonRegistration().id("someone").displayName("Some One"), null));
        assertThat(forSomeoneElse.get("code").asText()).isEqualTo("not-allowed");

        JsonNode team = problem(400, () -> as("ada").persons().registerPerson(
                new PersonRegistration().id("example-org/core-team").displayName("A team"), null));
        assertThat(team.get("violations").get(0).get("field").asText()).isEqualTo("id");
    }

    @Test
    @DisplayName("persons are listed in pages with an opaque cursor")
    void pagination() throws Exception {
        PersonPage first = anonymous().persons().listPersons(null, 3);
        assertThat(first.getItems()).hasSize(3);
        assertThat(first.getNext()).isNotNull();
        PersonPage second = anonymous().persons().listPersons(first.getNext(), 3);
        assertThat(second.getItems()).extracting(p -> p.getId())
                .doesNotContainAnyElementsOf(first.getItems().stream().map(p -> p.getId()).toList());
        assertThat(second.getItems().get(0).getId()).isGreaterThan(first.getItems().get(2).getId());
        JsonNode garbled = problem(400, () -> anonymous().persons().listPersons("%%%", 3));
        assertThat(garbled.get("code").asText()).isEqualTo("invalid-cursor");
    }

    @Test
    @DisplayName("R10: a conflict of interest is declared by one of the pair and withdrawn with a reason")
    void conflicts() throws Exception {
        JsonNode stranger = problem(403, () -> as("dennis").persons().declareConflict("linus",
                new ConflictDeclaration().otherPersonId("margaret").kind(ConflictKind.ROMANTIC), null));
        assertThat(stranger.get("rule").asText()).isEqualTo("R10");

        Conflict conflict = as("linus").persons().declareConflict("linus",
                new ConflictDeclaration().otherPersonId("Margaret").kind(ConflictKind.ROMANTIC).description("partners"),
                null);
        assertThat(conflict.getOtherPersonId()).isEqualTo("margaret");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                anonymous().persons().getPerson("margaret", null).getConflicts().size() == 1);

        JsonNode self = problem(422, () -> as("linus").persons().declareConflict("linus",
                new ConflictDeclaration().otherPersonId("linus").kind(ConflictKind.OTHER), null));
        assertThat(self.get("code").asText()).isEqualTo("self-conflict");

        as("margaret").persons().withdrawConflict("linus", conflict.getConflictId(),
                new ConflictWithdrawal().reason("no longer partners"), null);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                anonymous().persons().getPerson("linus", null).getConflicts().isEmpty());
        problem(404, () -> as("linus").persons().withdrawConflict("linus", conflict.getConflictId(),
                new ConflictWithdrawal().reason("again"), null));
    }

    @Test
    @DisplayName("R4: a group's settings are its own decision: a motion is a maintainer's (403 for others), a direct change a core maintainer's on a carried core motion (403, 422); sole decider is not a group rule (422)")
    void decisionRule() throws Exception {
        ModuleSettings supermajority = new ModuleSettings()
                .decisionRule(new DecisionRule().method(DecisionMethod.SUPERMAJORITY).threshold(0.75))
                .nominationProcess(NominationProcess.OWN_GROUP).inactivityPeriodDays(90);
        JsonNode outsider = problem(403, () -> as("barbara").modules().proposeSettingsMotion("nn",
                new SettingsMotionRequest().settings(supermajority).statement("Let us decide by 75 %."), null));
        assertThat(outsider.get("rule").asText()).isEqualTo("R4");
        JsonNode maintainer = problem(403, () -> as("margaret").modules().changeModuleSettings("nn",
                new CoreSettingsChange().settings(supermajority).ballotId("ballot-x"), null));
        assertThat(maintainer.get("rule").asText()).isEqualTo("R4");
        JsonNode unknown = problem(422, () -> as("grace").modules().changeModuleSettings("nn",
                new CoreSettingsChange().settings(supermajority).ballotId("ballot-x"), null));
        assertThat(unknown.get("code").asText()).isEqualTo("no-such-core-decision");

        JsonNode sole = problem(422, () -> as("margaret").modules().proposeSettingsMotion("nn",
                new SettingsMotionRequest().statement("One decides.").settings(new ModuleSettings()
                        .decisionRule(new DecisionRule().method(DecisionMethod.SOLE_DECIDER))
                        .nominationProcess(NominationProcess.OWN_GROUP).inactivityPeriodDays(90)), null));
        assertThat(sole.get("rule").asText()).isEqualTo("R4");
        assertThat(anonymous().modules().getModule("nn", null).getSettings().getDecisionRule().getMethod())
                .isEqualTo(DecisionMethod.MAJORITY);
    }

    @Test
    @DisplayName("R6: a group publishes its vision, roadmap and design docs; newest first")
    void publications() throws Exception {
        Publication vision = as("barbara").modules().addPublication("vision", new PublicationRequest()
                .kind(PublicationKind.VISION).title("Vision 2027").url("https://example.org/vision-2027")
                .publishedOn(java.time.LocalDate.of(2026, 1, 15)), null);
        assertThat(vision.getAddedBy()).isEqualTo("barbara");
        as("ada").modules().addPublication("vision", new PublicationRequest().kind(PublicationKind.ROADMAP)
                .title("Roadmap H2").url("https://example.org/roadmap")
                .publishedOn(java.time.LocalDate.of(2026, 6, 1)), null);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                anonymous().modules().listPublications("vision", null).size() == 2);
        List<Publication> publications = anonymous().modules().listPublications("vision", null);
        assertThat(publications).extracting(Publication::getTitle).containsExactly("Roadmap H2", "Vision 2027");

        JsonNode outsider = problem(403, () -> as("margaret").modules().addPublication("vision",
                new PublicationRequest().kind(PublicationKind.OTHER).title("x").url("https://example.org"),
                null));
        assertThat(outsider.get("rule").asText()).isEqualTo("R6");
        problem(404, () -> anonymous().modules().listPublications("no-such-module", null));
    }

    @Test
    @DisplayName("a person's tenure names the decision behind every seat")
    void tenure() throws Exception {
        Tenure tenure = anonymous().persons().getTenure("dennis");
        assertThat(tenure.getEntries()).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.getStatus()).isEqualTo(TenureEntry.StatusEnum.ACTIVE);
            assertThat(entry.getStartDecision().getReference()).isEqualTo(imported.getImportId());
        });
        Tenure alan = anonymous().persons().getTenure("alan");
        assertThat(alan.getEntries()).singleElement().satisfies(entry -> {
            assertThat(entry.getStatus()).isEqualTo(TenureEntry.StatusEnum.EMERITUS);
            assertThat(entry.getModuleId()).isEqualTo("nn");
        });
        problem(404, () -> anonymous().persons().getTenure("nobody"));
    }

    @Test
    @DisplayName("bad input is answered with problem+json: malformed JSON, unknown field, unknown enum, missing field")
    void badInput() throws Exception {
        String token = tokens.issue("ada");
        assertRawProblem(post("/api/v1/persons", "{\"id\": \"x\",", token), 400, "malformed-request");
        assertRawProblem(post("/api/v1/persons", "{\"id\":\"x\",\"displayName\":\"X\",\"age\":3}", token), 400,
                "malformed-request");
        assertRawProblem(post("/api/v1/persons/ada/conflicts", "{\"otherPersonId\":\"grace\",\"kind\":\"COUSIN\"}",
                token), 400, "malformed-request");
        JsonNode missing = assertRawProblem(post("/api/v1/persons", "{\"id\":\"x\"}", token), 400, "invalid-input");
        assertThat(missing.get("violations").get(0).get("field").asText()).isEqualTo("displayName");
        assertRawProblem(post("/api/v1/bootstrap", "persons: [", token, "application/yaml"), 400, "invalid-roster");
        assertRawProblem(get("/api/v1/roster?asOf=yesterday"), 400, "bad-request");
        assertRawProblem(get("/api/v1/persons?limit=1000"), 400, "invalid-input");
    }

    @Test
    @DisplayName("the OpenAPI document served is the one in api-contracts")
    void servesOpenApiDocument() throws Exception {
        HttpResponse<String> served = HttpClient.newHttpClient().send(get("/openapi/registry.yaml"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(served.statusCode()).isEqualTo(200);
        String contract = new String(getClass().getResourceAsStream("/openapi/registry.yaml").readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(served.body()).isEqualTo(contract).contains("operationId: getRoster");
        assertThat(HttpClient.newHttpClient().send(get("/openapi/voting.yaml"), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("operations: liveness and readiness probes and Prometheus metrics are served")
    void operations() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<String> response = http.send(get(probe), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"UP\"");
        }
        HttpResponse<String> metrics = http.send(get("/actuator/prometheus"), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "http_server_requests_seconds");
    }

    private static JsonNode assertRawProblem(HttpRequest request, int status, String code) {
        return ProblemAssertions.problem(request, status, code);
    }

    private HttpRequest post(String path, String body, String token) {
        return post(path, body, token, "application/json");
    }

    private HttpRequest post(String path, String body, String token, String contentType) {
        return HttpRequest.newBuilder(URI.create(baseUri() + path)).header("Content-Type", contentType)
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(baseUri() + path)).GET().build();
    }

    private static List<String> ids(List<RosterMember> members) {
        return members.stream().map(RosterMember::getPersonId).toList();
    }
}
