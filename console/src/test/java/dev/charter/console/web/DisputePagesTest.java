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
 * The pages of disputes, vetoes and controversial changes drawn from dispute-service's answers in every part —
 * answer, escalation, a tie referred to the lead, ruling, veto reasoning, one approval per body — played here by a
 * loopback server answering as disputes.yaml says (the other services do not answer). The browser test reads them
 * against the real service.
 */
@SpringBootTest(classes = ConsoleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=charter-console", "charter.console.registry=http://localhost:9",
                "charter.console.voting=http://localhost:9", "charter.console.nominations=http://localhost:9",
                "charter.console.timeout=2s"})
class DisputePagesTest {

    private static final String DECISION = """
            {"decisionId":"motion:b-9","kind":"MOTION","moduleId":"nn","decidedAt":"2026-11-01T10:00:00Z",
             "summary":"Adopt the new optimizer API","outcome":"CARRIED"}""";
    private static final String DISPUTE = """
            {"id":"d-1","decision":%s,"respondentModuleId":"nn","disputantModuleId":"nn-functional",
             "disputedBy":"frances","statement":"It breaks functional users.",
             "links":["https://github.com/example/project/issues/1","javascript:alert(1)"],"status":"RULED",
             "openedAt":"2026-11-02T10:00:00Z","responseWindow":"P14D","responseDueAt":"2026-11-16T10:00:00Z",
             "rulesVersion":"2026.1",
             "answer":{"answeredBy":"grace","explanation":"We measured it.","arguments":"Twice as fast.",
                       "resolution":"A shim for one release.","answeredAt":"2026-11-03T10:00:00Z"},
             "escalation":{"escalatedBy":"frances","reason":"A shim is not enough.","automatic":false,
                           "escalatedAt":"2026-11-04T10:00:00Z","ballotRequestId":"r-1","ballotId":"b-10"},
             "ballot":{"requestId":"r-1","ballotId":"b-10","status":"CLOSED","electorate":["ada","linus"],
                       "recusals":[{"personId":"grace","reason":"CONFLICT_OF_INTEREST","detail":"answered for nn"}],
                       "lead":"ada","tally":{"eligible":2,"recused":1,"yes":1,"no":1,"abstain":0,"outcome":"TIED"},
                       "closeReason":"DECIDED_BY_LEAD","decidedBy":"ada"},
             "ruling":{"outcome":"UPHELD","reasoning":"The shim answers the concern.","ruledBy":"ada",
                       "ruledAt":"2026-11-05T10:00:00Z","ballotId":"b-10","rulesVersion":"2026.1"}}"""
            .formatted(DECISION);
    private static final String VETO = """
            {"id":"v-1","decision":%s,"proposedBy":"linus","proposalReasoning":"Not ready for users.",
             "vetoWindow":"P90D","windowEndsAt":"2027-01-30T10:00:00Z","proposedAt":"2026-11-06T10:00:00Z",
             "status":"CARRIED",
             "ballot":{"requestId":"r-2","ballotId":"b-11","status":"CLOSED","electorate":["ada","linus"],
                       "recusals":[],"tally":{"eligible":2,"recused":0,"yes":2,"no":0,"abstain":0,
                       "outcome":"CARRIED"},"closeReason":"OUTCOME_SETTLED"},
             "outcome":{"outcome":"CARRIED","reasoning":"Users first.","decidedBy":"linus",
                        "decidedAt":"2026-11-07T10:00:00Z","ballotId":"b-11","rulesVersion":"2026.1"}}"""
            .formatted(DECISION);
    private static final String PROPOSAL = """
            {"id":"p-1","kind":"CORE_REMOVAL","title":"Drop Python 3.9","summary":"It is past its end of life.",
             "affectedModules":["nn"],"discussionIssue":"https://github.com/example/project/issues/2",
             "proposedBy":"grace","proposedAt":"2026-11-08T10:00:00Z","status":"REJECTED","rulesVersion":"2026.1",
             "approvals":[
               {"body":"CORE_MAINTAINERS","rule":{"method":"MAJORITY"},"outcome":"CARRIED",
                "ballot":{"requestId":"r-3","ballotId":"b-12","status":"CLOSED","electorate":["ada","linus"],
                          "recusals":[],"tally":{"eligible":2,"recused":0,"yes":2,"no":0,"abstain":0,
                          "outcome":"CARRIED"}}},
               {"body":"MODULE_MAINTAINERS","moduleId":"nn","rule":{"method":"SUPERMAJORITY","threshold":0.75,
                "base":"SEATED"},"outcome":"REJECTED",
                "ballot":{"requestId":"r-4","ballotId":"b-13","status":"CLOSED","electorate":["grace","john"],
                          "recusals":[],"tally":{"eligible":2,"recused":0,"yes":0,"no":2,"abstain":0,
                          "outcome":"REJECTED"}}}],
             "result":{"verdict":"REJECTED","reasoning":"The nn group needs another release.","decidedBy":"ada",
                       "decidedAt":"2026-11-09T10:00:00Z","rulesVersion":"2026.1"}}""";
    private static final Map<String, String> ANSWERS = Map.of(
            "/api/v1/disputes/d-1", DISPUTE,
            "/api/v1/disputes", "{\"items\":[" + DISPUTE + "]}",
            "/api/v1/vetoes/v-1", VETO,
            "/api/v1/vetoes", "{\"items\":[" + VETO + "]}",
            "/api/v1/change-proposals/p-1", PROPOSAL,
            "/api/v1/change-proposals", "{\"items\":[" + PROPOSAL + "]}",
            "/api/v1/audit/head", "{\"length\":2,\"hash\":\"0a0d5081f27798ac\",\"eventId\":\"e-2\"}",
            "/api/v1/audit/verification", """
                    {"valid":true,"checked":2,"length":2,"headHash":"0a0d5081f27798ac","unchained":0,
                     "mode":"INCREMENTAL","fromSequence":1,"verifiedAt":"2026-11-10T10:00:00Z",
                     "fullyVerifiedAt":"2026-11-09T08:00:00Z"}""");

    private static final HttpServer DISPUTE_SERVICE = FakeService.answering(ANSWERS, "No dispute d-404");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void disputes(DynamicPropertyRegistry registry) {
        registry.add("charter.console.disputes", () -> "http://localhost:" + DISPUTE_SERVICE.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        DISPUTE_SERVICE.stop(0);
    }

    @Test
    @DisplayName("R5, R6, R8: a dispute shows the decision, the statement, the group's answer, the escalation, the tie referred to the lead and the ruling with its reasoning")
    void dispute() throws Exception {
        HttpResponse<String> page = get("/disputes/d-1");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Adopt the new optimizer API").contains("href=\"/ballots/b-9\"")
                .contains("It breaks functional users.").contains("We measured it.").contains("Twice as fast.")
                .contains("A shim for one release.").contains("A shim is not enough.")
                .contains("Referred to the lead after a tie").contains("CONFLICT_OF_INTEREST").contains("answered for nn")
                .contains("href=\"/ballots/b-10\"").contains("UPHELD").contains("The shim answers the concern.")
                .contains("href=\"https://github.com/example/project/issues/1\"")
                .doesNotContain("href=\"javascript:alert(1)\"")
                .contains("/api/v1/disputes/d-1\"");
    }

    @Test
    @DisplayName("R7: a veto shows the decision, the reasons to veto it, the core maintainers' ballot and the published decision")
    void veto() throws Exception {
        HttpResponse<String> page = get("/vetoes/v-1");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Not ready for users.").contains("href=\"/ballots/b-11\"")
                .contains("Vetoed").contains("Users first.").contains("OUTCOME_SETTLED");
    }

    @Test
    @DisplayName("R17: a controversial change shows its discussion issue, one approval per body under its own rule, and the result with its reasoning")
    void proposal() throws Exception {
        HttpResponse<String> page = get("/proposals/p-1");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Drop Python 3.9").contains("href=\"https://github.com/example/project/issues/2\"")
                .contains("Core maintainers").contains("href=\"/modules/nn\"").contains("SUPERMAJORITY")
                .contains("75").contains("href=\"/ballots/b-13\"").contains("The nn group needs another release.");
    }

    @Test
    @DisplayName("the lists of disputes, vetoes and proposals link each to its page; an unknown status filter is a 400 page")
    void lists() throws Exception {
        assertThat(get("/disputes?open=true").body()).contains("href=\"/disputes/d-1\"");
        assertThat(get("/vetoes").body()).contains("href=\"/vetoes/v-1\"");
        assertThat(get("/proposals").body()).contains("href=\"/proposals/p-1\"");
        assertThat(get("/disputes?status=SETTLED").statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("the audit page shows dispute-service's chain head, the time of its last successful verification and of its last whole-chain run, the services that do not answer as problems, and how to run charter-audit")
    void audit() throws Exception {
        HttpResponse<String> page = get("/audit");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Disputes").contains("0a0d5081f27798ac").contains("all <span>2</span> links hold")
                .contains("2026-11-10 10:00:00 UTC").contains("(INCREMENTAL)").contains("2026-11-09 08:00:00 UTC")
                .contains("The registry service did not answer")
                .contains("charter-audit-exec.jar").contains("--disputes http://localhost:");
    }

    @Test
    @DisplayName("a dispute dispute-service does not know is a 404 page with its problem")
    void unknown() throws Exception {
        HttpResponse<String> page = get("/disputes/d-404");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("No dispute d-404");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
