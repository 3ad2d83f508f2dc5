package dev.charter.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.charter.client.registry.model.ActivityBatch;
import dev.charter.client.registry.model.ActivityItem;
import dev.charter.client.registry.model.ActivityKind;
import dev.charter.client.registry.model.ActivityReport;
import dev.charter.client.registry.model.CodeownersCheck;
import dev.charter.client.registry.model.CodeownersCheckRequest;
import dev.charter.client.registry.model.CoreSettingsChange;
import dev.charter.client.registry.model.DecisionMethod;
import dev.charter.client.registry.model.ModuleSettings;
import dev.charter.client.registry.model.NominationProcess;
import dev.charter.client.registry.model.PersonActivity;
import dev.charter.client.registry.model.Reinstatement;
import dev.charter.client.registry.model.ReinstatementRequest;
import dev.charter.client.registry.model.SettingsMotion;
import dev.charter.client.registry.model.SettingsMotionRequest;
import dev.charter.client.registry.model.TenureEntry;
import dev.charter.contracts.EventCatalog;
import dev.charter.contracts.EventStream;
import dev.charter.contracts.registry.RegistryEvent.ModuleDecisionRuleChanged;
import dev.charter.contracts.registry.RegistryEvent.ReinstatementRequested;
import dev.charter.contracts.registry.RegistryEvent.SettingsMotionProposed;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.CloseReason;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.contracts.voting.Tally;
import dev.charter.contracts.voting.VotingEvent.BallotClosed;
import dev.charter.contracts.voting.VotingEvent.BallotOpened;
import dev.charter.platform.axon.AxonPersistenceAutoConfiguration;
import dev.charter.registry.activity.GithubSignature;
import dev.charter.testsupport.EventTraffic;
import dev.charter.testsupport.ProblemAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The lifecycle of people and modules through the service's API and Kafka, voting-service played on its topic:
 * activity from GitHub webhooks and other systems (R14), a group's settings by its own motion or a carried core
 * decision (R4), reinstatement by the group's ballot (R14), the CODEOWNERS drift check (R16), and asOf for persons.
 */
@TestPropertySource(properties = {"spring.application.name=registry-lifecycle",
        "charter.registry.github.webhook-secret=" + LifecycleIT.SECRET,
        "charter.registry.activity.reporters=ada"})
class LifecycleIT extends RegistryIntegrationTest {

    static final String SECRET = "It's a Secret to Everybody";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static EventTraffic traffic;
    private static Instant imported;

    @Autowired
    private JdbcClient jdbc;

    @BeforeEach
    void importRosterOnce() throws Exception {
        if (traffic == null) {
            traffic = new EventTraffic(topicPrefix, EventStream.REGISTRY.topic(),
                    AxonPersistenceAutoConfiguration.eventObjectMapper(),
                    type -> EventCatalog.instance().typeOf(type),
                    type -> EventCatalog.instance().streamOf(type).topic(),
                    type -> EventCatalog.instance().streamOf(type).publisher(), WAIT);
            imported = Instant.now();
            as("ada").bootstrap().importRoster(resource("roster.yaml"), null);
            await().atMost(WAIT).until(() -> anonymous().roster().getRoster(null).getLead() != null);
        }
    }

    @AfterAll
    static void closeTraffic() {
        if (traffic != null) {
            traffic.close();
        }
    }

    // --- R14: activity

    @Test
    @DisplayName("R14: a signed GitHub delivery records the sender's activity in the module its label names; the same delivery again counts nothing")
    void webhookRecordsActivity() throws Exception {
        String delivery = UUID.randomUUID().toString();
        byte[] body = new ClassPathResource("github/pull_request.opened.json").getContentAsByteArray();
        HttpResponse<String> first = webhook("pull_request", delivery, body, GithubSignature.sign(SECRET, body));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(JSON.readTree(first.body()).get("recorded").asInt()).isEqualTo(1);

        PersonActivity dennis = anonymous().activity().getPersonActivity("dennis");
        assertThat(dennis.getModules()).singleElement().satisfies(m -> {
            assertThat(m.getModuleId()).isEqualTo("nn");
            assertThat(m.getKind()).isEqualTo(ActivityKind.PULL_REQUEST_OPENED);
            assertThat(m.getLastActivityAt()).isEqualTo(OffsetDateTime.parse("2026-02-10T09:12:44Z"));
            assertThat(m.getMonths()).singleElement().satisfies(month -> {
                assertThat(month.getMonth()).isEqualTo("2026-02");
                assertThat(month.getCount()).isEqualTo(1);
            });
        });
        await().atMost(WAIT).until(() -> anonymous().modules().getModule("nn", null).getActivity() != null);
        assertThat(anonymous().modules().getModule("nn", null).getActivity())
                .anySatisfy(a -> {
                    assertThat(a.getPersonId()).isEqualTo("dennis");
                    assertThat(a.getLastActivityAt()).isEqualTo(OffsetDateTime.parse("2026-02-10T09:12:44Z"));
                });

        HttpResponse<String> replay = webhook("pull_request", delivery, body, GithubSignature.sign(SECRET, body));
        assertThat(replay.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(replay.body()).get("duplicate").asBoolean()).isTrue();
        assertThat(JSON.readTree(replay.body()).get("recorded").asInt()).isZero();
        assertThat(anonymous().activity().getPersonActivity("dennis").getModules().get(0).getMonths().get(0)
                .getCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("R14: a delivery without a valid signature is a 401 problem; a signed one without its headers or JSON a 400")
    void webhookRefusals() throws Exception {
        byte[] body = new ClassPathResource("github/push.json").getContentAsByteArray();
        ProblemAssertions.problem(request("push", "d-1", body, GithubSignature.sign("another secret", body)), 401,
                "invalid-signature");
        ProblemAssertions.problem(request("push", "d-1", body, null), 401, "invalid-signature");
        byte[] garbage = "not json".getBytes();
        ProblemAssertions.problem(request("push", "d-2", garbage, GithubSignature.sign(SECRET, garbage)), 400,
                "invalid-payload");
        ProblemAssertions.problem(request(null, "d-3", body, GithubSignature.sign(SECRET, body)), 400,
                "invalid-header");
        assertThat(jdbc.sql("SELECT count(*) FROM github_delivery WHERE delivery_id IN ('d-1', 'd-2')")
                .query(Integer.class).single()).isZero();
    }

    @Test
    @DisplayName("R14: activity of a person Charter does not know is counted nowhere and not stored")
    void webhookUnknownPerson() throws Exception {
        byte[] body = new ClassPathResource("github/issue_comment.created.json").getContentAsByteArray();
        HttpResponse<String> response = webhook("issue_comment", UUID.randomUUID().toString(), body,
                GithubSignature.sign(SECRET, body));
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(response.body()).get("recorded").asInt()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM activity_last WHERE person_id = 'ghost-contributor'")
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM activity_month WHERE person_id = 'ghost-contributor'")
                .query(Integer.class).single()).isZero();
        ProblemAssertions.problem(404, () -> anonymous().activity().getPersonActivity("ghost-contributor"));
    }

    @Test
    @DisplayName("R14: other systems report activity in batches, idempotent per reference; unknown persons count nowhere; an unknown module or a future time is a 400; only the configured reporters report")
    void activityApi() throws Exception {
        ActivityItem meeting = new ActivityItem().personId("Barbara").moduleId("vision").kind(ActivityKind.MEETING)
                .occurredAt(OffsetDateTime.parse("2026-02-20T15:00:00Z")).url("https://meet.example.org/vision/2026-02-20");
        ActivityItem stranger = new ActivityItem().personId("nobody").kind(ActivityKind.OTHER)
                .occurredAt(OffsetDateTime.parse("2026-02-20T15:00:00Z")).url("https://ci.example.org/run/1");
        ActivityReport report = as("ada").activity().reportActivity(new ActivityBatch().items(List.of(meeting,
                stranger)), null);
        assertThat(report.getRecorded()).isEqualTo(1);
        assertThat(report.getUnknownPersons()).isEqualTo(1);
        ActivityReport again = as("ada").activity().reportActivity(new ActivityBatch().items(List.of(meeting)), null);
        assertThat(again.getRecorded()).isZero();
        assertThat(again.getDuplicates()).isEqualTo(1);
        assertThat(anonymous().activity().getPersonActivity("barbara").getModules())
                .anySatisfy(m -> assertThat(m.getModuleId()).isEqualTo("vision"));

        JsonNode unknownModule = problem(400, () -> as("ada").activity().reportActivity(new ActivityBatch()
                .items(List.of(new ActivityItem().personId("barbara").moduleId("no-such").kind(ActivityKind.OTHER)
                        .occurredAt(OffsetDateTime.parse("2026-02-20T15:00:00Z")).url("https://x.example.org"))),
                null));
        assertThat(unknownModule.toString()).contains("items[0].moduleId");
        problem(400, () -> as("ada").activity().reportActivity(new ActivityBatch().items(List.of(new ActivityItem()
                .personId("barbara").kind(ActivityKind.OTHER).occurredAt(OffsetDateTime.now().plusDays(2))
                .url("https://x.example.org/future"))), null));
        problem(401, () -> anonymous().activity().reportActivity(new ActivityBatch().items(List.of(meeting)), null));
        // only the configured reporters report activity
        assertThat(problem(403, () -> as("barbara").activity().reportActivity(new ActivityBatch().items(
                List.of(meeting)), null)).path("code").asText()).isEqualTo("not-a-reporter");
    }

    // --- R4: a group's settings

    @Test
    @DisplayName("R4: a group changes its decision rule by its own motion: the group's ballot under its current rule; carried, the change names the ballot")
    void settingsMotion() throws Exception {
        ModuleSettings supermajority = new ModuleSettings()
                .decisionRule(new dev.charter.client.registry.model.DecisionRule().method(DecisionMethod.SUPERMAJORITY)
                        .threshold(0.75))
                .nominationProcess(NominationProcess.CORE_MAINTAINERS).inactivityPeriodDays(365);
        SettingsMotion motion = as("margaret").modules().proposeSettingsMotion("nn", new SettingsMotionRequest()
                .settings(supermajority).statement("API changes need three of four."), null);
        assertThat(motion.getStatus()).isEqualTo(SettingsMotion.StatusEnum.OPEN);
        problem(409, () -> as("dennis").modules().proposeSettingsMotion("nn", new SettingsMotionRequest()
                .settings(supermajority).statement("Same again."), null));

        SettingsMotionProposed proposed = traffic.awaitPublished("nn", SettingsMotionProposed.class);
        BallotRequest request = proposed.ballotRequest();
        assertThat(request.body()).isEqualTo(BallotBody.MODULE_MAINTAINERS);
        assertThat(request.moduleId()).isEqualTo("nn");
        assertThat(request.method()).isEqualTo(dev.charter.contracts.voting.DecisionMethod.MAJORITY);
        assertThat(motion.getBallotId()).isEqualTo(dev.charter.contracts.voting.BallotIds.forRequest(
                request.requestId()));

        vote(motion.getBallotId(), request, BallotOutcome.CARRIED);
        await().atMost(WAIT).until(() -> anonymous().modules().getModule("nn", null).getSettings().getDecisionRule()
                .getMethod() == DecisionMethod.SUPERMAJORITY);
        assertThat(anonymous().modules().getSettingsMotion("nn", motion.getId()).getStatus())
                .isEqualTo(SettingsMotion.StatusEnum.CARRIED);
        ModuleDecisionRuleChanged changed = traffic.awaitPublished("nn", ModuleDecisionRuleChanged.class);
        assertThat(changed.decision().source()).isEqualTo("charter.voting.v1");
        assertThat(changed.decision().eventType()).isEqualTo("BallotClosed");
        assertThat(changed.decision().reference()).isEqualTo(motion.getBallotId());
    }

    @Test
    @DisplayName("R4: a core maintainer applies a carried motion of the core maintainers, checked against the registry's copy of the voting stream; a rejected one is a 422")
    void coreDecision() throws Exception {
        BallotRequest carried = BallotRequest.yesNo("motion:" + UUID.randomUUID(), "MOTION", "m", "Lengthen vision's "
                + "inactivity period?", BallotBody.CORE_MAINTAINERS, null, DecisionRule.majority(),
                Instant.now().plusSeconds(600), List.of(), "grace");
        String carriedBallot = dev.charter.contracts.voting.BallotIds.forRequest(carried.requestId());
        vote(carriedBallot, carried, BallotOutcome.CARRIED);
        BallotRequest rejected = BallotRequest.yesNo("motion:" + UUID.randomUUID(), "MOTION", "m", "Shorten it?",
                BallotBody.CORE_MAINTAINERS, null, DecisionRule.majority(), Instant.now().plusSeconds(600), List.of(),
                "grace");
        String rejectedBallot = dev.charter.contracts.voting.BallotIds.forRequest(rejected.requestId());
        vote(rejectedBallot, rejected, BallotOutcome.REJECTED);

        ModuleSettings longer = new ModuleSettings()
                .decisionRule(new dev.charter.client.registry.model.DecisionRule().method(DecisionMethod.MAJORITY))
                .nominationProcess(NominationProcess.CORE_MAINTAINERS).inactivityPeriodDays(730);
        await().atMost(WAIT).ignoreExceptions().until(() -> as("grace").modules().changeModuleSettings("vision",
                new CoreSettingsChange().settings(longer).ballotId(carriedBallot), null)
                .getInactivityPeriodDays() == 730);
        JsonNode refused = problem(422, () -> as("grace").modules().changeModuleSettings("vision",
                new CoreSettingsChange().settings(longer.inactivityPeriodDays(30)).ballotId(rejectedBallot), null));
        assertThat(refused.get("code").asText()).isEqualTo("core-decision-not-carried");
    }

    // --- R14: reinstatement

    @Test
    @DisplayName("R14: an emeritus is reinstated by the group's ballot; the tenure resumes and the history shows the emeritus period between")
    void reinstatement() throws Exception {
        problem(403, () -> as("margaret").persons().requestReinstatement("alan",
                new ReinstatementRequest().moduleId("nn").statement("Bring Alan back."), null));
        Reinstatement requested = as("alan").persons().requestReinstatement("alan",
                new ReinstatementRequest().moduleId("nn").statement("Back from a sabbatical."), null);
        assertThat(requested.getStatus()).isEqualTo(Reinstatement.StatusEnum.OPEN);
        ReinstatementRequested event = traffic.awaitPublished("nn", ReinstatementRequested.class);
        assertThat(event.ballotRequest().body()).isEqualTo(BallotBody.MODULE_MAINTAINERS);
        assertThat(event.ballotRequest().personsConcerned()).containsExactly("alan");

        vote(requested.getBallotId(), event.ballotRequest(), BallotOutcome.CARRIED);
        await().atMost(WAIT).until(() -> anonymous().modules().getModule("nn", null).getMaintainers().stream()
                .anyMatch(m -> m.getPersonId().equals("alan")));
        List<TenureEntry> tenure = anonymous().persons().getTenure("alan").getEntries().stream()
                .filter(e -> "nn".equals(e.getModuleId())).toList();
        assertThat(tenure).extracting(TenureEntry::getStatus)
                .containsExactly(TenureEntry.StatusEnum.EMERITUS, TenureEntry.StatusEnum.ACTIVE);
        assertThat(tenure.get(0).getEndReason()).isEqualTo("REINSTATED");
        assertThat(tenure.get(1).getStartDecision().getEventType()).isEqualTo("BallotClosed");
        assertThat(tenure.get(1).getStartDecision().getReference()).isEqualTo(requested.getBallotId());
        assertThat(anonymous().persons().listReinstatements("alan")).singleElement()
                .satisfies(r -> assertThat(r.getStatus()).isEqualTo(Reinstatement.StatusEnum.REINSTATED));
    }

    // --- R16, asOf

    @Test
    @DisplayName("R16: the drift check answers what a repository's CODEOWNERS lacks and has too much, in JSON and as a check-run summary")
    void codeownersCheck() throws Exception {
        String generated = anonymous().files().getCodeowners(null, null);
        assertThat(generated).contains("* @ada @grace @linus");
        CodeownersCheck inSync = as("dennis").files().checkCodeowners(new CodeownersCheckRequest().content(generated));
        assertThat(inSync.getInSync()).isTrue();
        assertThat(inSync.getCheckRun().getConclusion())
                .isEqualTo(dev.charter.client.registry.model.CheckRunOutput.ConclusionEnum.SUCCESS);

        CodeownersCheck drift = as("dennis").files().checkCodeowners(new CodeownersCheckRequest()
                .repository("example-org/vision").content("* @dennis @ken\n/docs/ @barbara\n"));
        assertThat(drift.getInSync()).isFalse();
        assertThat(drift.getMissingOwners()).singleElement().satisfies(p ->
                assertThat(p.getOwners()).containsExactly("@barbara"));
        assertThat(drift.getUnexpectedOwners()).singleElement().satisfies(p ->
                assertThat(p.getOwners()).containsExactly("@ken"));
        assertThat(drift.getUnknownPaths()).singleElement().satisfies(p -> assertThat(p.getLine()).isEqualTo(2));
        assertThat(drift.getCheckRun().getSummary()).contains("| `*` | @barbara | @ken |");
        problem(404, () -> as("dennis").files().checkCodeowners(new CodeownersCheckRequest()
                .repository("example-org/unknown").content("* @ada\n")));
    }

    @Test
    @DisplayName("asOf for a person: before registration a 404, afterwards the roles held then")
    void personAsOf() throws Exception {
        problem(404, () -> anonymous().persons().getPerson("margaret",
                imported.minusSeconds(3600).atOffset(ZoneOffset.UTC)));
        assertThat(anonymous().persons().getPerson("margaret", null).getRoles()).isNotEmpty();
        problem(400, () -> anonymous().persons().getPerson("margaret", OffsetDateTime.now().plusDays(1)));
    }

    /** Plays voting-service: the ballot opened and closed with this outcome. */
    private static void vote(String ballotId, BallotRequest request, BallotOutcome outcome) {
        traffic.publish(ballotId, new BallotOpened(ballotId, request, List.of("dennis", "margaret"), List.of(), "ada",
                7L, "rules-1"));
        int yes = outcome == BallotOutcome.CARRIED ? 2 : 0;
        traffic.publish(ballotId, new BallotClosed(ballotId, request.requestId(), request.subjectKind(),
                request.subjectId(), request.method(), outcome, new Tally(2, 0, 2, yes, 2 - yes, 0, null, true,
                List.of(), null), CloseReason.OUTCOME_SETTLED, null, null, "rules-1"));
    }

    private HttpResponse<String> webhook(String event, String delivery, byte[] body, String signature)
            throws Exception {
        return HTTP.send(request(event, delivery, body, signature), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String event, String delivery, byte[] body, String signature) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUri() + "/webhooks/github"))
                .header("Content-Type", "application/json")
                .header("User-Agent", "GitHub-Hookshot/044aadd")
                .header("X-GitHub-Delivery", delivery)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (event != null) {
            builder.header("X-GitHub-Event", event);
        }
        if (signature != null) {
            builder.header("X-Hub-Signature-256", signature);
        }
        return builder.build();
    }
}
