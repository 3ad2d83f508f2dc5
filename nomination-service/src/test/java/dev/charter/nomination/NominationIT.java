package dev.charter.nomination;

import com.fasterxml.jackson.databind.JsonNode;
import dev.charter.client.nominations.model.BallotStatus;
import dev.charter.client.nominations.model.ContributionsInput;
import dev.charter.client.nominations.model.Decision;
import dev.charter.client.nominations.model.DecisionOutcome;
import dev.charter.client.nominations.model.DecisionRequest;
import dev.charter.client.nominations.model.EvidenceCategory;
import dev.charter.client.nominations.model.EvidenceRequest;
import dev.charter.client.nominations.model.GroundsInput;
import dev.charter.client.nominations.model.Letter;
import dev.charter.client.nominations.model.LetterKind;
import dev.charter.client.nominations.model.LetterRequest;
import dev.charter.client.nominations.model.Nomination;
import dev.charter.client.nominations.model.NominationKind;
import dev.charter.client.nominations.model.NominationPage;
import dev.charter.client.nominations.model.NominationRequest;
import dev.charter.client.nominations.model.NominationStatus;
import dev.charter.client.nominations.model.NominationSummary;
import dev.charter.client.nominations.model.ReviewCycle;
import dev.charter.client.nominations.model.Role;
import dev.charter.client.nominations.model.Standing;
import dev.charter.client.nominations.model.TestimonialRequest;
import dev.charter.client.nominations.model.TestimonialStance;
import dev.charter.client.nominations.model.WithdrawalRequest;
import dev.charter.contracts.nominations.NominationEvent.NominationConfirmed;
import dev.charter.contracts.nominations.NominationEvent.NominationDeclined;
import dev.charter.contracts.nominations.NominationEvent.NominationReviewRequested;
import dev.charter.contracts.nominations.NominationEvent.NominationWithdrawn;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.Choice;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.Recusal;
import dev.charter.contracts.voting.RecusalReason;
import dev.charter.contracts.voting.TallySummary;
import dev.charter.contracts.voting.VotingEvent.VoteCast;
import dev.charter.testsupport.ProblemAssertions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nominations end to end through the generated client, with the registry's and voting-service's events
 * played on their topics and the service's own events read from charter.nominations.v1.
 */
class NominationIT extends NominationIntegrationTest {

    @Test
    @DisplayName("R9, R4: a module group with its own process decides by its rule; a member's reasoning confirms the nomination")
    void moduleGroupDecides() throws Exception {
        NominationSummary submitted = as("bob").nominations().submitNomination(new NominationRequest()
                .kind(NominationKind.MODULE_MAINTAINER).personId("Ann").moduleId("nn-functional")
                .statement("She wrote half of the functional API."), null);
        assertThat(submitted.getStatus()).isEqualTo(NominationStatus.IN_REVIEW);
        assertThat(submitted.getPersonId()).isEqualTo("ann");
        String id = submitted.getId();

        BallotRequest request = awaitPublished(id, NominationReviewRequested.class).ballotRequest();
        assertThat(request.body()).isEqualTo(BallotBody.MODULE_MAINTAINERS);
        assertThat(request.moduleId()).isEqualTo("nn-functional");
        assertThat(request.method()).isEqualTo(DecisionMethod.SUPERMAJORITY);
        assertThat(request.threshold()).isEqualTo(0.75);
        assertThat(request.personsConcerned()).containsExactly("ann");
        assertThat(request.subjectKind()).isEqualTo("NOMINATION");
        assertThat(request.subjectId()).isEqualTo(id);

        as("edsger").nominations().addTestimonial(id, new TestimonialRequest().stance(TestimonialStance.SUPPORT)
                .text("I review with her every week."), null);
        String ballotId = dev.charter.contracts.voting.BallotIds.forRequest(request.requestId());
        voting(ballotId, new dev.charter.contracts.voting.VotingEvent.BallotOpened(ballotId, request,
                List.of("edsger", "frances"), List.of(), "ada", 1L, RULES));
        voting(ballotId, new VoteCast(ballotId, "frances", Choice.YES, null, "Yes!", false));
        Nomination voting = await().atMost(WAIT).until(() -> anonymous().nominations().getNomination(id),
                n -> n.getBallot() != null && n.getBallot().getVotes().size() == 1);
        assertThat(voting.getBallot().getStatus()).isEqualTo(BallotStatus.StatusEnum.OPEN);
        assertThat(voting.getBallot().getElectorate()).containsExactly("edsger", "frances");
        assertThat(voting.getDossier().getTestimonials()).singleElement().satisfies(t -> {
            assertThat(t.getAuthor().getPersonId()).isEqualTo("edsger");
            assertThat(t.getAuthor().getStanding()).isEqualTo(Standing.MODULE_MAINTAINER);
            assertThat(t.getAuthor().getModules()).containsExactly("nn-functional");
        });

        voting(ballotId, new dev.charter.contracts.voting.VotingEvent.BallotClosed(ballotId, request.requestId(),
                "NOMINATION", id, DecisionMethod.SUPERMAJORITY, BallotOutcome.CARRIED, yesNo(2, 0, 2, 0),
                dev.charter.contracts.voting.CloseReason.OUTCOME_SETTLED, null, null, RULES));
        awaitStatus(id, NominationStatus.AWAITING_REASONING);

        JsonNode outsider = problem(403, () -> as("linus").nominations().publishDecision(id,
                new DecisionRequest().outcome(DecisionOutcome.CONFIRMED).reasoning("Looks fine."), null));
        assertThat(outsider.get("code").asText()).isEqualTo("not-in-deciding-body");
        JsonNode mismatch = problem(422, () -> as("frances").nominations().publishDecision(id,
                new DecisionRequest().outcome(DecisionOutcome.DECLINED).reasoning("No."), null));
        assertThat(mismatch.get("code").asText()).isEqualTo("outcome-mismatch");
        assertThat(mismatch.get("rule").asText()).isEqualTo("R9");

        Decision decision = as("frances").nominations().publishDecision(id, new DecisionRequest()
                .outcome(DecisionOutcome.CONFIRMED).reasoning("Both maintainers voted yes: deep functional API work."),
                null);
        assertThat(decision.getBallotId()).isEqualTo(ballotId);
        assertThat(decision.getTally().getYes()).isEqualTo(2);

        NominationConfirmed confirmed = awaitPublished(id, NominationConfirmed.class);
        assertThat(confirmed).isEqualTo(new NominationConfirmed(id,
                dev.charter.contracts.nominations.NominationKind.MODULE_MAINTAINER, "ann",
                dev.charter.contracts.registry.Role.MODULE_MAINTAINER, "nn-functional",
                "Both maintainers voted yes: deep functional API work.", "frances", ballotId,
                new TallySummary(2, 0, 2, 0, 0, BallotOutcome.CARRIED), RULES));
        Nomination done = awaitStatus(id, NominationStatus.CONFIRMED);
        assertThat(done.getDecision().getDecidedBy()).isEqualTo("frances");
        assertThat(done.getBallot().getStatus()).isEqualTo(BallotStatus.StatusEnum.CLOSED);
        assertThat(done.getBallot().getRounds()).hasSize(1);
    }

    @Test
    @DisplayName("R9: a request to the core maintainers joins the next review cycle; its ballot is requested at the meeting (durable deadline), by the service; declined with reasoning")
    void quarterlyReviewDeclines() throws Exception {
        List<ReviewCycle> cycles = anonymous().reviewCycles().listReviewCycles(null, 2);
        assertThat(cycles).hasSize(2);
        NominationSummary submitted = as("dennis").nominations().submitNomination(new NominationRequest()
                .kind(NominationKind.MODULE_MAINTAINER).personId("bob").moduleId("nn")
                .contributions(new ContributionsInput().summary("Fixed 40 bugs in nn.Linear")
                        .links(List.of("https://example.org/bob-prs"))), null);
        assertThat(submitted.getStatus()).isEqualTo(NominationStatus.SCHEDULED);
        assertThat(submitted.getReviewCycle()).isNotNull();
        String id = submitted.getId();
        String cycleId = submitted.getReviewCycle().getCycleId();

        Nomination scheduled = awaitStatus(id, NominationStatus.SCHEDULED);
        assertThat(scheduled.getContributions().getLinks()).containsExactly("https://example.org/bob-prs");
        NominationPage inCycle = anonymous().nominations().listNominations(null, null, null, null, null, cycleId,
                null, null);
        assertThat(inCycle.getItems()).extracting(NominationSummary::getId).contains(id);

        ConsumerRecord<String, byte[]> record = awaitRecord(id, NominationReviewRequested.class);
        assertThat(header(record, "ce_actor")).isEqualTo("system:nomination");
        BallotRequest request = payload(record, NominationReviewRequested.class).ballotRequest();
        assertThat(request.body()).isEqualTo(BallotBody.CORE_MAINTAINERS);
        assertThat(request.method()).isEqualTo(DecisionMethod.MAJORITY);
        assertThat(request.deadline()).isAfter(submitted.getReviewCycle().getMeetingAt().toInstant());
        assertThat(awaitStatus(id, NominationStatus.IN_REVIEW).getBallot().getStatus())
                .isEqualTo(BallotStatus.StatusEnum.REQUESTED);

        String ballotId = holdBallot(request, CORE, List.of(), BallotOutcome.REJECTED, yesNo(4, 0, 1, 3));
        awaitStatus(id, NominationStatus.AWAITING_REASONING);
        as("grace").nominations().publishDecision(id, new DecisionRequest().outcome(DecisionOutcome.DECLINED)
                .reasoning("Promising, but not yet enough design work on nn."), null);

        NominationDeclined declined = awaitPublished(id, NominationDeclined.class);
        assertThat(declined.reasoning()).isEqualTo("Promising, but not yet enough design work on nn.");
        assertThat(declined.ballotId()).isEqualTo(ballotId);
        assertThat(declined.tally()).isEqualTo(new TallySummary(4, 0, 1, 3, 0, BallotOutcome.REJECTED));
        assertThat(declined.rulesVersion()).isEqualTo(RULES);
        assertThat(awaitStatus(id, NominationStatus.DECLINED).getDecision().getOutcome())
                .isEqualTo(DecisionOutcome.DECLINED);
    }

    @Test
    @DisplayName("R10: a maintainer nominates themselves for removal; the core maintainers decide without anyone in conflict with them")
    void selfRemovalWithRecusal() throws Exception {
        NominationSummary submitted = as("dennis").nominations().submitNomination(new NominationRequest()
                .kind(NominationKind.REMOVAL).personId("dennis").role(Role.MODULE_MAINTAINER).moduleId("nn")
                .grounds(new GroundsInput().activity("I no longer have time for nn.")), null);
        String id = submitted.getId();
        assertThat(submitted.getStatus()).isEqualTo(NominationStatus.SCHEDULED);
        as("linus").nominations().addEvidence(id, new EvidenceRequest().category(EvidenceCategory.ACTIVITY)
                .summary("Two reviews in the last year").links(List.of("https://example.org/activity")), null);

        BallotRequest request = awaitPublished(id, NominationReviewRequested.class).ballotRequest();
        assertThat(request.personsConcerned()).containsExactly("dennis");
        assertThat(request.body()).isEqualTo(BallotBody.CORE_MAINTAINERS);
        holdBallot(request, List.of("ada", "linus", "margaret"),
                List.of(new Recusal("grace", RecusalReason.CONFLICT_OF_INTEREST, "FILIAL with dennis")),
                BallotOutcome.CARRIED, yesNo(3, 1, 3, 0));
        Nomination awaiting = awaitStatus(id, NominationStatus.AWAITING_REASONING);
        assertThat(awaiting.getBallot().getRecusals()).singleElement()
                .satisfies(r -> assertThat(r.getPersonId()).isEqualTo("grace"));
        assertThat(awaiting.getDossier().getEvidence()).singleElement()
                .satisfies(e -> assertThat(e.getAuthor().getStanding()).isEqualTo(Standing.CORE_MAINTAINER));

        JsonNode recused = problem(403, () -> as("grace").nominations().publishDecision(id, new DecisionRequest()
                .outcome(DecisionOutcome.CONFIRMED).reasoning("As he asked."), null));
        assertThat(recused.get("rule").asText()).isEqualTo("R10");
        as("linus").nominations().publishDecision(id, new DecisionRequest().outcome(DecisionOutcome.CONFIRMED)
                .reasoning("Dennis asked to step down; thank you for your work."), null);

        NominationConfirmed confirmed = awaitPublished(id, NominationConfirmed.class);
        assertThat(confirmed.kind()).isEqualTo(dev.charter.contracts.nominations.NominationKind.REMOVAL);
        assertThat(confirmed.role()).isEqualTo(dev.charter.contracts.registry.Role.MODULE_MAINTAINER);
        assertThat(confirmed.moduleId()).isEqualTo("nn");
        assertThat(confirmed.tally().recused()).isEqualTo(1);
    }

    @Test
    @DisplayName("R11: a module maintainer nominates a core maintainer; letters of support are gathered; the lead alone decides")
    void leadDecidesCoreMaintainer() throws Exception {
        String id = as("dennis").nominations().submitNomination(new NominationRequest()
                .kind(NominationKind.CORE_MAINTAINER).personId("frances"), null).getId();
        BallotRequest request = awaitPublished(id, NominationReviewRequested.class).ballotRequest();
        assertThat(request.body()).isEqualTo(BallotBody.LEAD);
        assertThat(request.method()).isEqualTo(DecisionMethod.SOLE_DECIDER);

        Letter maintainer = as("grace").nominations().addLetterOfSupport(id,
                new LetterRequest().text("Frances would be a great core maintainer."), null);
        assertThat(maintainer.getKind()).isEqualTo(LetterKind.MAINTAINER);
        Letter stakeholder = as("acme-user").nominations().addLetterOfSupport(id,
                new LetterRequest().text("Our team relies on her work."), null);
        assertThat(stakeholder.getKind()).isEqualTo(LetterKind.STAKEHOLDER);
        assertThat(stakeholder.getAuthor().getStanding()).isEqualTo(Standing.COMMUNITY);
        problem(422, () -> as("frances").nominations().addLetterOfSupport(id,
                new LetterRequest().text("I support myself."), null));

        holdBallot(request, List.of("ada"), List.of(), BallotOutcome.CARRIED, yesNo(1, 0, 1, 0));
        awaitStatus(id, NominationStatus.AWAITING_REASONING);
        as("ada").nominations().publishDecision(id, new DecisionRequest().outcome(DecisionOutcome.CONFIRMED)
                .reasoning("Strong letters from maintainers and users."), null);
        NominationConfirmed confirmed = awaitPublished(id, NominationConfirmed.class);
        assertThat(confirmed.role()).isEqualTo(dev.charter.contracts.registry.Role.CORE_MAINTAINER);
        assertThat(confirmed.decidedBy()).isEqualTo("ada");
        Nomination done = awaitStatus(id, NominationStatus.CONFIRMED);
        assertThat(done.getDossier().getLetters()).extracting(Letter::getKind)
                .containsExactly(LetterKind.MAINTAINER, LetterKind.STAKEHOLDER);
    }

    @Test
    @DisplayName("eligibility refusals are problems: holds the role, R11 nominator, removal subject, open nomination, unknown nomination, bad input")
    void refusals() throws Exception {
        JsonNode holds = problem(409, () -> as("ann").nominations().submitNomination(new NominationRequest()
                .kind(NominationKind.MODULE_MAINTAINER).personId("dennis").moduleId("nn")
                .contributions(new ContributionsInput().summary("x")), null));
        assertThat(holds.get("code").asText()).isEqualTo("already-holds-role");
        assertThat(holds.get("rule").asText()).isEqualTo("R9");

        JsonNode nominator = problem(403, () -> as("ann").nominations().submitNomination(new NominationRequest()
                .kind(NominationKind.CORE_MAINTAINER).personId("zoe"), null));
        assertThat(nominator.get("rule").asText()).isEqualTo("R11");

        JsonNode subject = problem(409, () -> as("ann").nominations().submitNomination(new NominationRequest()
                .kind(NominationKind.REMOVAL).personId("zoe").role(Role.CORE_MAINTAINER)
                .grounds(new GroundsInput().activity("none")), null));
        assertThat(subject.get("code").asText()).isEqualTo("does-not-hold-role");

        as("ann").nominations().submitNomination(new NominationRequest().kind(NominationKind.MODULE_MAINTAINER)
                .personId("zoe").moduleId("nn-functional"), null);
        JsonNode open = problem(409, () -> as("bob").nominations().submitNomination(new NominationRequest()
                .kind(NominationKind.MODULE_MAINTAINER).personId("zoe").moduleId("nn-functional"), null));
        assertThat(open.get("code").asText()).isEqualTo("open-nomination-exists");

        problem(404, () -> as("ann").nominations().submitNomination(new NominationRequest()
                .kind(NominationKind.MODULE_MAINTAINER).personId("zoe").moduleId("no-such-module"), null));
        problem(404, () -> anonymous().nominations().getNomination("no-such-nomination"));
        JsonNode unknownTarget = problem(404, () -> as("ann").nominations().addTestimonial("no-such-nomination",
                new TestimonialRequest().stance(TestimonialStance.POSITIVE).text("Hi"), null));
        assertThat(unknownTarget.get("code").asText()).isNotBlank();

        String token = tokens.issue("ann");
        ProblemAssertions.problem(post("/api/v1/nominations", "{\"kind\":\"MODULE_MAINTAINER\",", token), 400,
                "malformed-request");
        ProblemAssertions.problem(post("/api/v1/nominations", "{\"kind\":\"EMPEROR\",\"personId\":\"zoe\"}", token), 400,
                "malformed-request");
        ProblemAssertions.problem(post("/api/v1/nominations", "{\"personId\":\"zoe\"}", token), 400, "invalid-input");
        ProblemAssertions.problem(post("/api/v1/nominations", "{\"kind\":\"CORE_MAINTAINER\",\"personId\":\"no/team\"}",
                token), 400, "invalid-person-id");
        ProblemAssertions.problem(post("/api/v1/nominations", "{\"kind\":\"MODULE_MAINTAINER\",\"moduleId\":\"nn\"}", token),
                400, "person-required");
        ProblemAssertions.problem(post("/api/v1/nominations/x/evidence",
                "{\"category\":\"OTHER\",\"summary\":\"s\",\"links\":[\"ftp://x\"]}", token), 400, "invalid-input");
        ProblemAssertions.problem(get("/api/v1/nominations?after=%25%25"), 400, "invalid-cursor");
        ProblemAssertions.problem(get("/api/v1/nominations?limit=0"), 400, "invalid-input");
        ProblemAssertions.problem(HttpRequest.newBuilder(URI.create(baseUri() + "/api/v1/nominations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"CORE_MAINTAINER\"}")).build(), 401,
                "unauthenticated");
    }

    @Test
    @DisplayName("two identical nominations racing: one is accepted, the other refused (409), never both")
    void racingSubmissions() throws Exception {
        NominationRequest request = new NominationRequest().kind(NominationKind.REMOVAL).personId("margaret")
                .role(Role.CORE_MAINTAINER).grounds(new GroundsInput().activity("Absent from the last four reviews."));
        List<CompletableFuture<Object>> racing = List.of("ann", "bob").stream()
                .map(person -> CompletableFuture.supplyAsync(() -> {
                    try {
                        return (Object) as(person).nominations().submitNomination(request, null);
                    } catch (Exception e) {
                        return e;
                    }
                })).toList();
        List<Object> results = racing.stream().map(CompletableFuture::join).toList();
        assertThat(results).filteredOn(NominationSummary.class::isInstance).hasSize(1);
        Object refused = results.stream().filter(r -> !(r instanceof NominationSummary)).findFirst().orElseThrow();
        JsonNode problem = problem(409, () -> {
            throw (Exception) refused;
        });
        assertThat(problem.get("code").asText()).isEqualTo("open-nomination-exists");
    }

    @Test
    @DisplayName("the nominator withdraws before the decision; the withdrawal on Kafka names the ballot request to cancel")
    void withdrawal() throws Exception {
        String id = as("bob").nominations().submitNomination(new NominationRequest()
                .kind(NominationKind.MODULE_MAINTAINER).personId("yuri").moduleId("nn-functional"), null).getId();
        BallotRequest request = awaitPublished(id, NominationReviewRequested.class).ballotRequest();
        JsonNode notNominator = problem(403, () -> as("ann").nominations().withdrawNomination(id,
                new WithdrawalRequest().reason("I object"), null));
        assertThat(notNominator.get("code").asText()).isEqualTo("not-the-nominator");

        as("bob").nominations().withdrawNomination(id, new WithdrawalRequest().reason("Yuri asked me to."), null);
        NominationWithdrawn withdrawn = awaitPublished(id, NominationWithdrawn.class);
        assertThat(withdrawn.ballotRequestId()).isEqualTo(request.requestId());
        assertThat(withdrawn.cancellationReason()).contains("Yuri asked me to.");
        Nomination nomination = awaitStatus(id, NominationStatus.WITHDRAWN);
        assertThat(nomination.getWithdrawal().getWithdrawnBy()).isEqualTo("bob");
        problem(409, () -> as("bob").nominations().withdrawNomination(id,
                new WithdrawalRequest().reason("Again"), null));

        // the seat is free for a new nomination once the old one is withdrawn
        as("ann").nominations().submitNomination(new NominationRequest().kind(NominationKind.MODULE_MAINTAINER)
                .personId("yuri").moduleId("nn-functional"), null);
    }

    @Test
    @DisplayName("a submission retried with the same Idempotency-Key creates one nomination; lists page with a cursor")
    void idempotentSubmissionAndPaging() throws Exception {
        NominationRequest request = new NominationRequest().kind(NominationKind.CORE_MAINTAINER).personId("edsger")
                .statement("Edsger leads the functional rewrite.");
        NominationSummary first = as("frances").nominations().submitNomination(request, "nominate-edsger-1");
        NominationSummary retry = as("frances").nominations().submitNomination(request, "nominate-edsger-1");
        assertThat(retry.getId()).isEqualTo(first.getId());
        await().atMost(WAIT).until(() -> anonymous().nominations().listNominations(true, null,
                NominationKind.CORE_MAINTAINER, null, "edsger", null, null, null).getItems().size() == 1);

        await().atMost(WAIT).until(() -> anonymous().nominations().listNominations(null, null, null, null, null, null,
                null, 200).getItems().size() >= 3);
        NominationPage page1 = anonymous().nominations().listNominations(null, null, null, null, null, null, null, 2);
        assertThat(page1.getItems()).hasSize(2);
        NominationPage page2 = anonymous().nominations().listNominations(null, null, null, null, null, null,
                page1.getNext(), 2);
        assertThat(page2.getItems()).extracting(NominationSummary::getId)
                .doesNotContainAnyElementsOf(page1.getItems().stream().map(NominationSummary::getId).toList());
    }

    @Test
    @DisplayName("the OpenAPI document served is the one in api-contracts, with the common.yaml its shared schemas are in")
    void servesOpenApiDocument() throws Exception {
        HttpResponse<String> served = HttpClient.newHttpClient().send(get("/openapi/nominations.yaml"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(served.statusCode()).isEqualTo(200);
        String contract = new String(getClass().getResourceAsStream("/openapi/nominations.yaml").readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(served.body()).isEqualTo(contract).contains("operationId: publishDecision");
        HttpResponse<String> common = HttpClient.newHttpClient().send(get("/openapi/common.yaml"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(common.statusCode()).isEqualTo(200);
        assertThat(common.body()).isEqualTo(new String(getClass().getResourceAsStream("/openapi/common.yaml")
                .readAllBytes(), StandardCharsets.UTF_8)).contains("    Round:", "    DecisionRule:");
        assertThat(served.body()).contains("./common.yaml#/components/schemas/Round");
    }

    private HttpRequest post(String path, String body, String token) {
        return HttpRequest.newBuilder(URI.create(baseUri() + path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(baseUri() + path)).GET().build();
    }
}
