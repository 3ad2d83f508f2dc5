package dev.charter.dispute;

import com.fasterxml.jackson.databind.JsonNode;
import dev.charter.client.disputes.invoker.ApiException;
import dev.charter.client.disputes.model.AnswerRequest;
import dev.charter.client.disputes.model.ChangeKind;
import dev.charter.client.disputes.model.ChangeProposal;
import dev.charter.client.disputes.model.ChangeProposalRequest;
import dev.charter.client.disputes.model.ChangeResultRequest;
import dev.charter.client.disputes.model.ChangeStatus;
import dev.charter.client.disputes.model.ChangeVerdict;
import dev.charter.client.disputes.model.DecisionDetail;
import dev.charter.client.disputes.model.DecisionInput;
import dev.charter.client.disputes.model.Dispute;
import dev.charter.client.disputes.model.DisputeRequest;
import dev.charter.client.disputes.model.DisputeStatus;
import dev.charter.client.disputes.model.EscalationRequest;
import dev.charter.client.disputes.model.ModuleDecision;
import dev.charter.client.disputes.model.RulingOutcome;
import dev.charter.client.disputes.model.RulingRequest;
import dev.charter.client.disputes.model.Veto;
import dev.charter.client.disputes.model.VetoDecisionRequest;
import dev.charter.client.disputes.model.VetoOutcome;
import dev.charter.client.disputes.model.VetoRequest;
import dev.charter.client.disputes.model.VetoStatus;
import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.EventStream;
import dev.charter.contracts.registry.RegistryEvent.MaintainerAppointed;
import dev.charter.contracts.registry.RegistryEvent.PersonRegistered;
import dev.charter.contracts.registry.Role;
import dev.charter.platform.consume.InboundEventListener;
import dev.charter.testsupport.EventTraffic;
import dev.charter.testsupport.KafkaTestConsumer;
import dev.charter.testsupport.TestInfrastructure;
import dev.charter.contracts.disputes.DecisionKind;
import dev.charter.contracts.disputes.DisputeEvent.ChangeApprovalCancelled;
import dev.charter.contracts.disputes.DisputeEvent.ChangeApprovalRequested;
import dev.charter.contracts.disputes.DisputeEvent.ChangeRejected;
import dev.charter.contracts.disputes.DisputeEvent.DisputeAnswered;
import dev.charter.contracts.disputes.DisputeEvent.DisputeEscalated;
import dev.charter.contracts.disputes.DisputeEvent.DisputeOpened;
import dev.charter.contracts.disputes.DisputeEvent.DisputeRuled;
import dev.charter.contracts.disputes.DisputeEvent.VetoCarried;
import dev.charter.contracts.disputes.DisputeEvent.VetoProposed;
import dev.charter.contracts.nominations.DossierAuthor;
import dev.charter.contracts.nominations.NominationEvent.NominationConfirmed;
import dev.charter.contracts.nominations.NominationEvent.NominationSubmitted;
import dev.charter.contracts.nominations.NominationKind;
import dev.charter.contracts.nominations.Standing;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotIds;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.CloseReason;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.TallySummary;
import dev.charter.contracts.voting.VotingEvent.BallotReferredToLead;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Disputes, vetoes and controversial changes end to end through the generated client, with the registry's, voting's
 * and nominations' events played on their topics and the service's own events read from charter.disputes.v1.
 */
class DisputeIT extends DisputeIntegrationTest {

    @Test
    @DisplayName("R5, R6, R8: a dispute of a module motion is answered, escalated, tied among the core maintainers and ruled by the lead")
    void disputeToLeadsRuling() throws Exception {
        String motion = motion("m-optimizer", "nn", "Adopt the new optimizer API?", BallotOutcome.CARRIED);
        ModuleDecision known = await().atMost(WAIT).ignoreException(ApiException.class).until(() ->
                anonymous().decisions().getDecision(motion).getDecision(), d -> d != null);
        assertThat(known.getModuleId()).isEqualTo("nn");
        assertThat(known.getKind()).isEqualTo(dev.charter.client.disputes.model.DecisionKind.MOTION);

        DisputeRequest request = new DisputeRequest().decision(new DecisionInput().decisionId(motion))
                .statement("It breaks the data loaders of vision.")
                .links(List.of("https://github.com/example-org/vision/issues/7"));
        assertThat(problem(403, () -> as("zoe").disputes().openDispute(request, null)).get("code").asText())
                .isEqualTo("not-a-module-maintainer");
        JsonNode own = problem(422, () -> as("dennis").disputes().openDispute(request, null));
        assertThat(own.get("code").asText()).isEqualTo("own-group-decision");
        assertThat(own.get("rule").asText()).isEqualTo("R5");
        problem(404, () -> as("vera").disputes().openDispute(new DisputeRequest()
                .decision(new DecisionInput().decisionId("motion:nope")).statement("?"), null));
        problem(400, () -> as("vera").disputes().openDispute(new DisputeRequest()
                .decision(new DecisionInput().decisionId(motion)).statement("?").links(List.of("ftp://x")), null));

        Dispute opened = as("vera").disputes().openDispute(request, "dispute-1");
        assertThat(as("vera").disputes().openDispute(request, "dispute-1").getId()).as("Idempotency-Key")
                .isEqualTo(opened.getId());
        String id = opened.getId();
        assertThat(opened.getStatus()).isEqualTo(DisputeStatus.OPEN);
        assertThat(opened.getRespondentModuleId()).isEqualTo("nn");
        assertThat(opened.getDisputantModuleId()).isEqualTo("vision");
        DisputeOpened event = traffic().awaitPublished(id, DisputeOpened.class);
        assertThat(event.responseWindow()).isEqualTo("P14D");
        assertThat(event.decision().kind()).isEqualTo(DecisionKind.MOTION);

        assertThat(problem(409, () -> as("vera").disputes().escalateDispute(id, null, null)).get("code").asText())
                .isEqualTo("awaiting-answer");
        problem(403, () -> as("vera").disputes().answerDispute(id, answer(), null));
        as("dennis").disputes().answerDispute(id, answer(), null);
        traffic().awaitPublished(id, DisputeAnswered.class);
        as("walt").disputes().escalateDispute(id, null, new EscalationRequest().reason("The adapter is not enough."));
        BallotRequest escalation = traffic().awaitPublished(id, DisputeEscalated.class).ballotRequest();
        assertThat(escalation.body()).isEqualTo(BallotBody.CORE_MAINTAINERS);
        assertThat(escalation.method()).isEqualTo(DecisionMethod.MAJORITY);
        assertThat(escalation.subjectKind()).isEqualTo("DISPUTE");

        String ballotId = openBallot(escalation, CORE);
        traffic().publish(ballotId, new BallotReferredToLead(ballotId, "ada", yesNo(4, 2, 2)));
        awaitDispute(id, d -> d.getStatus() == DisputeStatus.REFERRED_TO_LEAD);
        closeBallot(escalation, BallotOutcome.REJECTED, yesNo(4, 2, 2), CloseReason.DECIDED_BY_LEAD, "ada",
                "Vision's case is stronger.");
        Dispute awaiting = awaitDispute(id, d -> d.getStatus() == DisputeStatus.AWAITING_RULING);
        assertThat(awaiting.getBallot().getDecidedBy()).isEqualTo("ada");
        assertThat(awaiting.getBallot().getElectorate()).containsExactlyElementsOf(CORE);

        assertThat(problem(403, () -> as("grace").disputes().publishRuling(id, ruling(RulingOutcome.OVERTURNED),
                null)).get("code").asText()).isEqualTo("lead-decides");
        assertThat(problem(422, () -> as("ada").disputes().publishRuling(id, ruling(RulingOutcome.UPHELD), null))
                .get("rule").asText()).isEqualTo("R7");
        as("ada").disputes().publishRuling(id, ruling(RulingOutcome.OVERTURNED), null);
        DisputeRuled ruled = traffic().awaitPublished(id, DisputeRuled.class);
        assertThat(ruled.ruledBy()).isEqualTo("ada");
        assertThat(ruled.tally().outcome()).isEqualTo(BallotOutcome.REJECTED);
        assertThat(ruled.rulesVersion()).isEqualTo(RULES);

        awaitDispute(id, d -> d.getStatus() == DisputeStatus.RULED);
        assertThat(anonymous().disputes().listDisputes("vision", null, null, null, null, null).getItems())
                .extracting(Dispute::getId).contains(id);
        assertThat(anonymous().disputes().listDisputes(null, DisputeStatus.RULED, motion, false, null, null)
                .getItems()).extracting(Dispute::getId).containsExactly(id);
        DecisionDetail detail = anonymous().decisions().getDecision(motion);
        assertThat(detail.getDisputes()).extracting(Dispute::getId).containsExactly(id);
    }

    @Test
    @DisplayName("R7: a core maintainer's veto of a module group's confirmation is carried with reasoning; one veto per decision; the window is enforced")
    void vetoOfConfirmation() throws Exception {
        traffic().publish("n-ann", new NominationSubmitted("n-ann", NominationKind.MODULE_MAINTAINER, "ann",
                dev.charter.contracts.registry.Role.MODULE_MAINTAINER, "nn-functional",
                new DossierAuthor("frances", Standing.MODULE_MAINTAINER, List.of("nn", "nn-functional")), null, null,
                null, BallotBody.MODULE_MAINTAINERS, SUPERMAJORITY_75));
        traffic().publish("n-ann", new NominationConfirmed("n-ann", NominationKind.MODULE_MAINTAINER, "ann",
                dev.charter.contracts.registry.Role.MODULE_MAINTAINER, "nn-functional", "Both said yes.", "frances",
                "ballot-n-ann", new TallySummary(2, 0, 2, 0, 0, BallotOutcome.CARRIED), RULES));
        String decision = "nomination:n-ann";
        await().atMost(WAIT).ignoreException(ApiException.class).until(() ->
                anonymous().decisions().getDecision(decision).getDecision().getPersonId(), "ann"::equals);

        VetoRequest request = new VetoRequest().decision(new DecisionInput().decisionId(decision))
                .reasoning("The group confirmed without the quorum its own rule asks for.");
        assertThat(problem(403, () -> as("frances").vetoes().proposeVeto(request, null)).get("rule").asText())
                .isEqualTo("R7");
        Veto proposed = as("grace").vetoes().proposeVeto(request, null);
        assertThat(proposed.getStatus()).isEqualTo(VetoStatus.PROPOSED);
        assertThat(proposed.getVetoWindow()).isEqualTo("P90D");
        String vetoId = proposed.getId();
        BallotRequest ballot = traffic().awaitPublished(vetoId, VetoProposed.class).ballotRequest();
        assertThat(ballot.personsConcerned()).containsExactly("ann");
        assertThat(problem(409, () -> as("linus").vetoes().proposeVeto(request, null)).get("code").asText())
                .isEqualTo("veto-pending");

        openBallot(ballot, CORE);
        closeBallot(ballot, BallotOutcome.CARRIED, yesNo(4, 3, 1), CloseReason.OUTCOME_SETTLED, null, null);
        await().atMost(WAIT).ignoreException(ApiException.class).until(() -> anonymous().vetoes().getVeto(vetoId),
                v -> v.getStatus() == VetoStatus.AWAITING_REASONING);
        as("linus").vetoes().publishVetoDecision(vetoId, new VetoDecisionRequest().outcome(VetoOutcome.CARRIED)
                .reasoning("Three of four core maintainers: the confirmation stands vetoed."), null);
        VetoCarried carried = traffic().awaitPublished(vetoId, VetoCarried.class);
        assertThat(carried.decision().kind()).isEqualTo(DecisionKind.MODULE_NOMINATION);
        assertThat(carried.decision().personId()).isEqualTo("ann");
        assertThat(carried.decidedBy()).isEqualTo("linus");
        assertThat(problem(409, () -> as("margaret").vetoes().proposeVeto(request, null)).get("code").asText())
                .isEqualTo("already-vetoed");
        await().atMost(WAIT).until(() -> anonymous().vetoes().listVetoes("nn-functional", VetoStatus.CARRIED,
                decision, null, null).getItems().size() == 1);

        JsonNode late = problem(422, () -> as("grace").vetoes().proposeVeto(new VetoRequest()
                .decision(new DecisionInput().url("https://github.com/example-org/core/pull/1").moduleId("nn")
                        .decidedAt(OffsetDateTime.now(ZoneOffset.UTC).minusDays(91)))
                .reasoning("Too late."), null));
        assertThat(late.get("code").asText()).isEqualTo("veto-window-passed");
    }

    @Test
    @DisplayName("R17: a controversial change asks every body separately; rejected by one affected group, the other ballots are cancelled")
    void controversialChangeRejectedByOneGroup() throws Exception {
        problem(400, () -> as("dennis").changes().proposeChange(new ChangeProposalRequest()
                .kind(ChangeKind.BACKWARDS_INCOMPATIBLE_API_CHANGE).title("New optimizer API").summary("Groups only.")
                .affectedModules(List.of("nn", "nn-functional")), null));
        ChangeProposal proposal = as("dennis").changes().proposeChange(new ChangeProposalRequest()
                .kind(ChangeKind.BACKWARDS_INCOMPATIBLE_API_CHANGE).title("New optimizer API")
                .summary("Optimizers take parameter groups only.").affectedModules(List.of("nn", "nn-functional"))
                .discussionIssue("https://github.com/example-org/core/issues/100"), null);
        String id = proposal.getId();
        assertThat(proposal.getApprovals()).hasSize(3);
        List<ChangeApprovalRequested> requested = traffic().awaitPublished(id, ChangeApprovalRequested.class, 3);
        assertThat(requested).extracting(r -> r.ballotRequest().body()).containsExactly(BallotBody.CORE_MAINTAINERS,
                BallotBody.MODULE_MAINTAINERS, BallotBody.MODULE_MAINTAINERS);
        BallotRequest functional = requested.get(2).ballotRequest();
        assertThat(functional.moduleId()).isEqualTo("nn-functional");
        assertThat(functional.method()).isEqualTo(DecisionMethod.SUPERMAJORITY);
        assertThat(functional.threshold()).isEqualTo(0.75);

        openBallot(requested.get(0).ballotRequest(), CORE);
        openBallot(functional, List.of("edsger", "frances"));
        closeBallot(functional, BallotOutcome.REJECTED, yesNo(2, 0, 2), CloseReason.OUTCOME_SETTLED, null, null);
        List<ChangeApprovalCancelled> cancelled = traffic().awaitPublished(id, ChangeApprovalCancelled.class, 2);
        assertThat(cancelled).extracting(ChangeApprovalCancelled::ballotRequestId)
                .containsExactly(requested.get(0).ballotRequest().requestId(),
                        requested.get(1).ballotRequest().requestId());
        await().atMost(WAIT).ignoreException(ApiException.class).until(() -> anonymous().changes()
                .getChangeProposal(id), p -> p.getStatus() == ChangeStatus.AWAITING_REASONING);

        problem(403, () -> as("dennis").changes().publishChangeResult(id, new ChangeResultRequest()
                .verdict(ChangeVerdict.REJECTED).reasoning("Functional said no."), null));
        as("grace").changes().publishChangeResult(id, new ChangeResultRequest().verdict(ChangeVerdict.REJECTED)
                .reasoning("nn-functional's group rejected it; the other ballots were cancelled."), null);
        ChangeRejected rejected = traffic().awaitPublished(id, ChangeRejected.class);
        assertThat(rejected.approvals()).extracting(a -> a.outcome().name())
                .containsExactly("CANCELLED", "CANCELLED", "REJECTED");
        assertThat(anonymous().changes().listChangeProposals("nn-functional", null, null, null).getItems())
                .extracting(ChangeProposal::getId).contains(id);
    }

    @Test
    @DisplayName("the service serves its OpenAPI document from api-contracts, and its audit chain verifies")
    void documentAndAudit() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> document = http.send(HttpRequest.newBuilder(URI.create(baseUri()
                + "/openapi/disputes.yaml")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).isEqualTo(new ClassPathResource("openapi/disputes.yaml")
                .getContentAsString(StandardCharsets.UTF_8));
        motion("m-audit", "vision", "Move to the new image decoder?", BallotOutcome.CARRIED);
        Dispute opened = await().atMost(WAIT).ignoreException(ApiException.class).until(() -> as("dennis")
                .disputes().openDispute(new DisputeRequest().decision(new DecisionInput().decisionId(
                        "motion:" + BallotIds.forRequest("motion:m-audit"))).statement("Too soon."), null),
                d -> d != null);
        traffic().awaitPublished(opened.getId(), DisputeOpened.class);
        HttpResponse<String> verification = http.send(HttpRequest.newBuilder(URI.create(baseUri()
                + "/api/v1/audit/verification")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(verification.statusCode()).isEqualTo(200);
        assertThat(verification.body()).contains("\"valid\":true");
    }

    @Test
    @DisplayName("a forged event (a core seat on the registry's stream, not from the registry) is dead-lettered: nobody gains standing by it")
    void forgedEventsAreRefused() throws Exception {
        String dlt = InboundEventListener.deadLetterTopic(topicPrefix + EventStream.REGISTRY.topic(), "dispute");
        try (KafkaTestConsumer deadLetters = new KafkaTestConsumer(TestInfrastructure.kafkaBootstrapServers(), dlt)) {
            // the forgery and the marker after it share a key, so they are consumed in this order
            String forged = traffic().publishAs("nomination", "core", new MaintainerAppointed("zoe",
                    Role.CORE_MAINTAINER, null, DecisionRef.bootstrap("forged")));
            String marker = "marker" + java.util.UUID.randomUUID().toString().substring(0, 8);
            traffic().publish("core", new PersonRegistered(marker, "Marker", null));
            await().atMost(WAIT).until(() -> jdbc.sql("SELECT count(*) FROM roster_person WHERE person_id = ?")
                    .param(marker).query(Integer.class).single() == 1);
            assertThat(jdbc.sql("SELECT count(*) FROM roster_seat WHERE person_id = 'zoe'").query(Integer.class)
                    .single()).isZero();
            await().atMost(WAIT).until(() -> deadLetters.poll().stream()
                    .anyMatch(r -> forged.equals(EventTraffic.header(r, "ce_id"))));
        }
        // zoe has no seat: a veto (core maintainers only, R7) is refused to her
        motion("m-forged", "vision", "Adopt the forged rule?", BallotOutcome.CARRIED);
        String decision = "motion:" + BallotIds.forRequest("motion:m-forged");
        await().atMost(WAIT).ignoreException(ApiException.class).until(() -> anonymous().decisions()
                .getDecision(decision) != null);
        assertThat(problem(403, () -> as("zoe").vetoes().proposeVeto(new VetoRequest()
                .decision(new DecisionInput().decisionId(decision)).reasoning("I am not a core maintainer."), null))
                .get("rule").asText()).isEqualTo("R7");
    }

    /** A motion of a module's group, opened and closed on the voting stream; returns its decision id. */
    private String motion(String name, String moduleId, String question, BallotOutcome outcome) {
        BallotRequest request = new BallotRequest("motion:" + name, "MOTION", name, question,
                BallotBody.MODULE_MAINTAINERS, moduleId, List.of(), DecisionMethod.MAJORITY, null, null, null,
                List.of(), Instant.now().plus(7, ChronoUnit.DAYS), List.of(), "dennis");
        openBallot(request, List.of("dennis", "frances"));
        closeBallot(request, outcome, yesNo(2, 2, 0), CloseReason.OUTCOME_SETTLED, null, null);
        return "motion:" + BallotIds.forRequest(request.requestId());
    }

    private Dispute awaitDispute(String id, Predicate<Dispute> condition) {
        return await().atMost(WAIT).ignoreException(ApiException.class)
                .until(() -> anonymous().disputes().getDispute(id), condition::test);
    }

    private static AnswerRequest answer() {
        return new AnswerRequest().explanation("We measured a 30 % speed-up.")
                .arguments("Speed outweighs the churn; vision's loaders need one adapter.")
                .resolution("We keep the API and ship the adapter for vision.");
    }

    private static RulingRequest ruling(RulingOutcome outcome) {
        return new RulingRequest().outcome(outcome).reasoning("The churn for vision outweighs the speed-up.");
    }
}
