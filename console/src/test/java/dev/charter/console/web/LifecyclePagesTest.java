package dev.charter.console.web;

import com.sun.net.httpserver.HttpServer;
import dev.charter.console.ConsoleApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lifecycle's pages (issue 9) drawn from the registry's and nomination-service's answers: a module's activity,
 * its emeritus and why, the motion that set its settings and those open (R4, R14); a person's activity, notices and
 * requests to be reinstated (R14); module proposals (R15). One loopback server answers as registry.yaml and
 * nominations.yaml say (their paths do not overlap); voting- and dispute-service do not answer.
 */
@SpringBootTest(classes = ConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=charter-console", "charter.console.voting=http://localhost:9",
                "charter.console.disputes=http://localhost:9", "charter.console.timeout=2s"})
class LifecyclePagesTest {

    private static final String RULE = "{\"decisionRule\":{\"method\":\"MAJORITY\"},\"nominationProcess\":\"OWN_GROUP\","
            + "\"inactivityPeriodDays\":%d}";
    private static final String NOTICE = """
            {"noticeId":"n-7","role":"MODULE_MAINTAINER","moduleId":"nn","issuedAt":"2026-11-20T00:00:00Z",
             "lastActivityAt":"2025-10-01T12:00:00Z","inactiveSince":"2025-10-01T12:00:00Z","inactivityPeriodDays":365,
             "graceEndsAt":"2026-12-20T00:00:00Z"}""";
    private static final String MODULE = """
            {"id":"nn","name":"Neural networks","kind":"DIRECTORY","location":"torch/nn","status":"ACTIVE",
             "settings":%s,
             "maintainers":[
               {"personId":"grace","displayName":"Grace Hopper","since":"2024-01-01T00:00:00Z"},
               {"personId":"john","displayName":"John Doe","since":"2024-01-01T00:00:00Z"}],
             "emeritus":[
               {"personId":"carol","displayName":"Carol Shaw","since":"2026-10-01T00:00:00Z",
                "decision":{"source":"charter.registry.v1","eventType":"InactivityNoticeIssued","reference":"n-3"}}],
             "activity":[
               {"personId":"grace","lastActivityAt":"2026-11-28T09:00:00Z","inactiveSince":"2026-11-28T09:00:00Z"},
               {"personId":"john","lastActivityAt":"2025-10-01T12:00:00Z","inactiveSince":"2025-10-01T12:00:00Z",
                "notice":%s}]}""".formatted(RULE.formatted(180), NOTICE);
    private static final String MOTIONS = """
            [{"id":"m-1","moduleId":"nn","proposedBy":"grace","proposedAt":"2026-06-01T00:00:00Z","settings":%s,
              "statement":"Half a year is enough.","status":"CARRIED","ballotId":"b-41","outcome":"CARRIED",
              "decidedAt":"2026-06-08T00:00:00Z"},
             {"id":"m-2","moduleId":"nn","proposedBy":"john","proposedAt":"2026-11-25T00:00:00Z","settings":%s,
              "statement":"Back to a year.","status":"OPEN","ballotId":"b-42"}]"""
            .formatted(RULE.formatted(180), RULE.formatted(365));
    private static final String MODULE_PROPOSAL = """
            {"id":"mp-1","action":"ADD","moduleId":"sparse","name":"Sparse tensors","kind":"DIRECTORY",
             "location":"torch/sparse",
             "groundWork":{"problem":"Sparse users file issues nobody owns.","peopleConsulted":"Five labs.",
                           "stateOfTheWorld":"Worth its cost.","maintainershipPlan":"Two maintainers.",
                           "developmentPlan":"A roadmap per release.","communityPlan":"Office hours."},
             "settings":%s,"initialMaintainers":["grace","linus"],"proposedBy":"grace","status":"ACCEPTED",
             "submittedAt":"2026-11-01T00:00:00Z",
             "ballot":{"ballotId":"b-50","requestId":"r-50","status":"CLOSED","electorate":["ada","linus"],
                       "recusals":[],"votes":[],"rounds":[],"outcome":"CARRIED",
                       "tally":{"eligible":2,"recused":0,"yes":2,"no":0,"abstain":0,"outcome":"CARRIED"}},
             "decision":{"outcome":"ACCEPTED","reasoning":"Sparse deserves owners.","decidedBy":"ada",
                         "decidedAt":"2026-11-10T00:00:00Z","ballotId":"b-50",
                         "tally":{"eligible":2,"recused":0,"yes":2,"no":0,"abstain":0,"outcome":"CARRIED"},
                         "rulesVersion":"2026.1"}}""".formatted(RULE.formatted(90));
    private static final Map<String, String> ANSWERS = Map.ofEntries(
            Map.entry("/api/v1/modules/nn", MODULE),
            Map.entry("/api/v1/modules/nn/publications", "[]"),
            Map.entry("/api/v1/modules/nn/settings-motions", MOTIONS),
            Map.entry("/api/v1/persons/carol/activity", """
                    {"personId":"carol","notices":[],"modules":[{"moduleId":"nn","lastActivityAt":"2025-08-15T10:00:00Z",
                     "kind":"PUSH","months":[{"month":"2025-08","count":1}]}]}"""),
            Map.entry("/api/v1/persons/john", """
                    {"id":"john","displayName":"John Doe","registeredAt":"2024-01-01T00:00:00Z","affiliationHistory":[],
                     "conflicts":[],"roles":[]}"""),
            Map.entry("/api/v1/persons/john/tenure", "{\"personId\":\"john\",\"entries\":[]}"),
            Map.entry("/api/v1/persons/john/activity", """
                    {"personId":"john","notices":[%s],"modules":[{"moduleId":"nn","lastActivityAt":"2025-10-01T12:00:00Z",
                     "kind":"REVIEW_SUBMITTED","url":"https://github.com/example/project/pull/5",
                     "months":[{"month":"2025-09","count":4},{"month":"2025-10","count":3}]}]}""".formatted(NOTICE)),
            Map.entry("/api/v1/persons/john/reinstatements", """
                    [{"id":"r-1","personId":"john","role":"MODULE_MAINTAINER","moduleId":"vision",
                      "statement":"I am back on vision.","requestedAt":"2026-11-26T00:00:00Z","status":"OPEN",
                      "ballotId":"b-60"}]"""),
            Map.entry("/api/v1/persons", "{\"items\":[]}"),
            Map.entry("/api/v1/nominations", "{\"items\":[]}"),
            Map.entry("/api/v1/roster", """
                    {"asOf":"2026-12-01T00:00:00Z","coreMaintainers":[],"coreEmeritus":[],"modules":[]}"""),
            Map.entry("/api/v1/module-proposals", "{\"items\":[" + MODULE_PROPOSAL + "]}"),
            Map.entry("/api/v1/module-proposals/mp-1", MODULE_PROPOSAL),
            Map.entry("/api/v1/module-proposals/mp-2", """
                    {"id":"mp-2","action":"RETIRE","moduleId":"nn","groundWork":{"problem":"p","peopleConsulted":"c",
                     "stateOfTheWorld":"s","maintainershipPlan":"m","developmentPlan":"d","communityPlan":"o"},
                     "initialMaintainers":[],"proposedBy":"john","status":"WITHDRAWN","submittedAt":"2026-11-01T00:00:00Z",
                     "withdrawal":{"withdrawnBy":"john","reason":"Too early to retire nn.",
                                   "withdrawnAt":"2026-11-02T00:00:00Z"}}"""));

    private static final HttpServer SERVICES = FakeService.answering(ANSWERS, "Not known here");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("charter.console.registry", () -> "http://localhost:" + SERVICES.getAddress().getPort());
        registry.add("charter.console.nominations", () -> "http://localhost:" + SERVICES.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        SERVICES.stop(0);
    }

    @Test
    @DisplayName("R14, R4: a module shows each maintainer's last activity and a notice in force, why its emeritus left with their last activity, the carried motion that set its settings and the motion open now")
    void module() throws Exception {
        HttpResponse<String> page = get("/modules/nn");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-test=\"activity\"").contains("2026-11-28")
                .contains("data-test=\"notice\"").contains("2026-12-20")
                .contains("data-test=\"emeritus-reason\"").contains("after the notice").contains("n-3")
                .contains("last activity <time datetime=\"2025-08-15")
                .contains("href=\"/ballots/b-41\"").contains("2026-06-08")
                .contains("data-test=\"settings-motions\"").contains("Back to a year.").contains("href=\"/ballots/b-42\"")
                .doesNotContain("Half a year is enough.");
    }

    @Test
    @DisplayName("R14: a person shows their activity per module, the inactivity notice in force and their request to be reinstated with its ballot")
    void person() throws Exception {
        HttpResponse<String> page = get("/persons/john");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-test=\"person-activity\"").contains("REVIEW_SUBMITTED")
                .contains("href=\"https://github.com/example/project/pull/5\"").contains("<td>7</td>")
                .contains("data-test=\"person-notices\"").contains("2026-12-20")
                .contains("data-test=\"reinstatements\"").contains("I am back on vision.")
                .contains("href=\"/ballots/b-60\"");
    }

    @Test
    @DisplayName("R15: a module proposal shows its ground work, proposed settings, initial maintainers, the core maintainers' ballot and the published reasoning")
    void moduleProposal() throws Exception {
        HttpResponse<String> page = get("/module-proposals/mp-1");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Sparse tensors").contains("Sparse users file issues nobody owns.")
                .contains("Five labs.").contains("Worth its cost.").contains("Two maintainers.")
                .contains("A roadmap per release.").contains("Office hours.").contains("90 days")
                .contains("href=\"/persons/linus\"").contains("href=\"/ballots/b-50\"")
                .contains("Sparse deserves owners.").contains("href=\"/modules/sparse\"")
                .contains("/api/v1/module-proposals/mp-1\"");
        assertThat(get("/module-proposals/mp-2").body()).contains("Retire").contains("data-test=\"withdrawal\"")
                .contains("Too early to retire nn.").doesNotContain("Not decided yet.");
    }

    @Test
    @DisplayName("R15: the list of module proposals and the home page link each to its page; an unknown status filter is a 400 page")
    void moduleProposals() throws Exception {
        assertThat(get("/module-proposals").body()).contains("href=\"/module-proposals/mp-1\"")
                .contains("href=\"/module-proposals\"");
        assertThat(get("/").body()).contains("data-test=\"open-module-proposals\"")
                .contains("href=\"/module-proposals/mp-1\"");
        assertThat(get("/module-proposals?status=SETTLED").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
