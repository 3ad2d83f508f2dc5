package dev.charter.voting;

import com.fasterxml.jackson.databind.JsonNode;
import dev.charter.client.voting.invoker.ApiException;
import dev.charter.client.voting.model.Ballot;
import dev.charter.client.voting.model.BallotBody;
import dev.charter.client.voting.model.BallotOutcome;
import dev.charter.client.voting.model.BallotPage;
import dev.charter.client.voting.model.BallotStatus;
import dev.charter.client.voting.model.BallotSummary;
import dev.charter.client.voting.model.Choice;
import dev.charter.client.voting.model.CloseReason;
import dev.charter.client.voting.model.DecisionMethod;
import dev.charter.client.voting.model.DecisionRule;
import dev.charter.client.voting.model.LeadDecision;
import dev.charter.client.voting.model.LeadDecisionRequest;
import dev.charter.client.voting.model.MotionBody;
import dev.charter.client.voting.model.MotionRequest;
import dev.charter.client.voting.model.OptionCount;
import dev.charter.client.voting.model.Recusal;
import dev.charter.client.voting.model.RecusalReason;
import dev.charter.client.voting.model.RecusalRequest;
import dev.charter.client.voting.model.Round;
import dev.charter.client.voting.model.ThresholdBase;
import dev.charter.client.voting.model.Vote;
import dev.charter.client.voting.model.VoteRequest;
import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.EventStream;
import dev.charter.contracts.disputes.DecisionKind;
import dev.charter.contracts.disputes.DisputeEvent.VetoCarried;
import dev.charter.contracts.disputes.ModuleDecision;
import dev.charter.contracts.nominations.NominationEvent.LeadElectionBallotRequested;
import dev.charter.contracts.nominations.NominationEvent.NominationReviewRequested;
import dev.charter.contracts.registry.ConflictKind;
import dev.charter.contracts.registry.ModuleKind;
import dev.charter.contracts.registry.NominationProcess;
import dev.charter.contracts.registry.RegistryEvent.ConflictOfInterestDeclared;
import dev.charter.contracts.registry.RegistryEvent.ConflictOfInterestWithdrawn;
import dev.charter.contracts.registry.RegistryEvent.MaintainerAppointed;
import dev.charter.contracts.registry.RegistryEvent.MaintainerRemoved;
import dev.charter.contracts.registry.RegistryEvent.ModuleAdded;
import dev.charter.contracts.registry.RegistryEvent.ModuleDecisionRuleChanged;
import dev.charter.contracts.registry.RegistryEvent.ModuleRetired;
import dev.charter.contracts.registry.RegistryEvent.MovedToEmeritus;
import dev.charter.contracts.registry.RemovalReason;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.BallotCancelling;
import dev.charter.contracts.voting.BallotIds;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.TallySummary;
import dev.charter.platform.consume.InboundEvent;
import dev.charter.platform.consume.InboundEventListener;
import dev.charter.testsupport.KafkaTestConsumer;
import dev.charter.testsupport.TestInfrastructure;
import dev.charter.voting.policy.BallotRequestPolicy;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static dev.charter.testsupport.ProblemAssertions.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * voting-service end to end: ballot requests arrive as events on Kafka, votes are cast through the generated
 * REST client, and the voting events (BallotOpened … BallotClosed) appear on {@code charter.voting.v1}.
 */
class VotingIT extends VotingIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static KafkaTestConsumer published;

    @Autowired
    BallotRequestPolicy policy;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void consumeVotingTopic() {
        if (published == null) {
            published = new KafkaTestConsumer(TestInfrastructure.kafkaBootstrapServers(),
                    topicPrefix + EventStream.VOTING.topic());
        }
    }

    @AfterAll
    static void closeConsumer() {
        if (published != null) {
            published.close();
            published = null;
        }
    }

    @Test
    @DisplayName("R10: a review requested on Kafka opens a ballot without the subject and the conflicted; REST votes settle it; BallotClosed is on Kafka")
    void requestOnKafkaVotesThroughRestClosedOnKafka() throws Exception {
        String nominationId = "removal-" + shortId();
        BallotRequest request = new BallotRequest("nomination:" + nominationId + ":review", "NOMINATION", nominationId,
                "Remove margaret from the core maintainers?", dev.charter.contracts.voting.BallotBody.CORE_MAINTAINERS,
                null, List.of(), dev.charter.contracts.voting.DecisionMethod.MAJORITY, null, null, null, List.of(),
                Instant.now().plus(Duration.ofHours(1)), List.of("margaret"), "system:nominations");
        publish(EventStream.NOMINATIONS, nominationId, new NominationReviewRequested(nominationId, request));
        String ballotId = BallotIds.forRequest(request.requestId());

        Ballot opened = visible(ballotId);
        assertThat(opened.getStatus()).isEqualTo(BallotStatus.OPEN);
        assertThat(opened.getElectorate()).containsExactly("ada", "grace", "ken");
        assertThat(opened.getRecusals()).extracting(Recusal::getPersonId, Recusal::getReason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("linus", RecusalReason.CONFLICT_OF_INTEREST),
                org.assertj.core.groups.Tuple.tuple("margaret", RecusalReason.SUBJECT));
        assertThat(opened.getLead()).isEqualTo("ada");
        assertThat(opened.getRulesVersion()).isNotBlank();

        Vote first = as("ada").castVote(ballotId, "ada", new VoteRequest().choice(Choice.YES).comment("Inactive for two years."), null);
        assertThat(first.getChanged()).isFalse();
        as("grace").castVote(ballotId, "grace", new VoteRequest().choice(Choice.NO), null);
        Vote changed = as("grace").castVote(ballotId, "grace", new VoteRequest().choice(Choice.YES), null);
        assertThat(changed.getChanged()).isTrue();

        Ballot closed = await().atMost(WAIT).until(() -> anonymous().getBallot(ballotId),
                b -> b.getStatus() == BallotStatus.CLOSED);
        assertThat(closed.getOutcome()).isEqualTo(BallotOutcome.CARRIED);
        assertThat(closed.getCloseReason()).isEqualTo(CloseReason.OUTCOME_SETTLED);
        assertThat(closed.getTally().getYes()).isEqualTo(2);
        assertThat(closed.getTally().getElectorate()).isEqualTo(3);
        assertThat(closed.getTally().getRecused()).isEqualTo(2);
        assertThat(closed.getVotes()).extracting(Vote::getVoterId).containsExactlyInAnyOrder("ada", "grace");

        List<ConsumerRecord<String, byte[]>> events = eventsOf(ballotId, "dev.charter.voting.BallotClosed.v1");
        assertThat(events).extracting(r -> header(r, "ce_type")).containsExactly(
                "dev.charter.voting.BallotOpened.v1", "dev.charter.voting.VoteCast.v1", "dev.charter.voting.VoteCast.v1",
                "dev.charter.voting.VoteCast.v1", "dev.charter.voting.BallotClosed.v1");
        JsonNode result = JSON.readTree(events.get(4).value());
        assertThat(result.get("outcome").asText()).isEqualTo("CARRIED");
        assertThat(result.get("requestId").asText()).isEqualTo(request.requestId());
        assertThat(result.get("subjectId").asText()).isEqualTo(nominationId);
        assertThat(result.get("rulesVersion").asText()).isEqualTo(opened.getRulesVersion());
        assertThat(result.get("tally").get("rounds").get(0).get("counts").get(0).get("votes").asInt()).isEqualTo(2);
        assertThat(header(events.get(4), "ce_actor")).isEqualTo("grace");
        assertThat(header(events.get(0), "ce_actor")).isEqualTo("system:voting");

        JsonNode late = problem(409, () -> as("ken").castVote(ballotId, "ken", new VoteRequest().choice(Choice.NO), null));
        assertThat(late.get("code").asText()).isEqualTo("ballot-closed");
    }

    @Test
    @DisplayName("a ballot request delivered again opens nothing new: one ballot per request id")
    void requestDeliveredAgainOpensNothingNew() throws Exception {
        String nominationId = "again-" + shortId();
        BallotRequest request = coreRequest(nominationId, List.of());
        NominationReviewRequested event = new NominationReviewRequested(nominationId, request);
        publish(EventStream.NOMINATIONS, nominationId, event);
        publish(EventStream.NOMINATIONS, nominationId, event); // re-published by the requester with a new event id
        String marker = "marker-" + shortId();
        publish(EventStream.NOMINATIONS, nominationId, new NominationReviewRequested(marker, coreRequest(marker, List.of())));
        visible(BallotIds.forRequest(coreRequest(marker, List.of()).requestId()));

        String ballotId = BallotIds.forRequest(request.requestId());
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?").param(ballotId)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(anonymous().listBallots(null, "NOMINATION", nominationId, null, null, null, null).getItems())
                .hasSize(1);
    }

    @Test
    @DisplayName("R12: removing the lead needs at least 75% of the core maintainers without the lead: 3 yes of 4 carry")
    void leadRemoval() throws Exception {
        String nominationId = "lead-removal-" + shortId();
        BallotRequest request = new BallotRequest("nomination:" + nominationId + ":review", "NOMINATION", nominationId,
                "Remove ada as lead?", dev.charter.contracts.voting.BallotBody.CORE_MAINTAINERS, null, List.of(),
                dev.charter.contracts.voting.DecisionMethod.SUPERMAJORITY, 0.75,
                dev.charter.contracts.voting.ThresholdBase.SEATED, null, List.of(),
                Instant.now().plus(Duration.ofHours(1)), List.of("ada"), "system:nominations");
        publish(EventStream.NOMINATIONS, nominationId, new NominationReviewRequested(nominationId, request));
        String ballotId = BallotIds.forRequest(request.requestId());

        Ballot opened = visible(ballotId);
        assertThat(opened.getElectorate()).containsExactly("grace", "ken", "linus", "margaret");
        assertThat(opened.getTally().getRequiredYes()).isEqualTo(3);
        JsonNode lead = problem(403, () -> as("ada").castVote(ballotId, "ada", new VoteRequest().choice(Choice.NO), null));
        assertThat(lead.get("code").asText()).isEqualTo("recused");
        assertThat(lead.get("rule").asText()).isEqualTo("R10");

        for (String voter : List.of("grace", "ken")) {
            as(voter).castVote(ballotId, voter, new VoteRequest().choice(Choice.YES), null);
        }
        await().atMost(WAIT).until(() -> anonymous().getBallot(ballotId).getTally().getYes() == 2);
        assertThat(anonymous().getBallot(ballotId).getStatus()).isEqualTo(BallotStatus.OPEN);
        as("linus").castVote(ballotId, "linus", new VoteRequest().choice(Choice.YES), null);

        Ballot closed = await().atMost(WAIT).until(() -> anonymous().getBallot(ballotId),
                b -> b.getStatus() == BallotStatus.CLOSED);
        assertThat(closed.getOutcome()).isEqualTo(BallotOutcome.CARRIED);
        assertThat(closed.getTally().getRequiredYes()).isEqualTo(3);
        assertThat(closed.getTally().getElectorate()).isEqualTo(4);
    }

    @Test
    @DisplayName("R13: a lead election requested on Kafka is counted by instant-runoff; every round is published")
    void leadElection() throws Exception {
        String electionId = "election-" + shortId();
        BallotRequest request = new BallotRequest("election:" + electionId, "LEAD_ELECTION", electionId, "Who leads?",
                dev.charter.contracts.voting.BallotBody.CORE_MAINTAINERS, null, List.of(),
                dev.charter.contracts.voting.DecisionMethod.RANKED_CHOICE, null, null, null,
                List.of("grace", "linus", "margaret"), Instant.now().plus(Duration.ofHours(1)), List.of(),
                "system:nominations");
        publish(EventStream.NOMINATIONS, electionId, new LeadElectionBallotRequested(electionId, request));
        String ballotId = BallotIds.forRequest(request.requestId());
        visible(ballotId);

        rank(ballotId, "ada", "grace", "linus");
        rank(ballotId, "grace", "grace");
        rank(ballotId, "ken", "linus", "grace");
        rank(ballotId, "linus", "linus");
        JsonNode unknown = problem(400, () -> rank(ballotId, "margaret", "ken"));
        assertThat(unknown.get("code").asText()).isEqualTo("invalid-vote");
        rank(ballotId, "margaret", "margaret", "grace");

        Ballot closed = await().atMost(WAIT).until(() -> anonymous().getBallot(ballotId),
                b -> b.getStatus() == BallotStatus.CLOSED);
        assertThat(closed.getTally().getWinner()).isEqualTo("grace");
        assertThat(closed.getTally().getRounds()).extracting(Round::getEliminated).containsExactly("margaret", null);
        assertThat(closed.getTally().getRounds().get(1).getCounts()).extracting(OptionCount::getOption, OptionCount::getVotes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("grace", 3), org.assertj.core.groups.Tuple.tuple("linus", 2));
        JsonNode onKafka = JSON.readTree(eventsOf(ballotId, "dev.charter.voting.BallotClosed.v1").stream()
                .filter(r -> "dev.charter.voting.BallotClosed.v1".equals(header(r, "ce_type"))).findFirst()
                .orElseThrow().value());
        assertThat(onKafka.get("tally").get("winner").asText()).isEqualTo("grace");
        assertThat(onKafka.get("tally").get("rounds")).hasSize(2);
    }

    @Test
    @DisplayName("refusals are problem+json: non-member 403, recused 403, someone else's vote 403, no token 401, unknown ballot 404, bad input 400")
    void refusals() throws Exception {
        Ballot ballot = as("grace").openMotion(new MotionRequest().question("Adopt the deprecation policy?")
                .body(MotionBody.CORE_MAINTAINERS).deadline(inHours(1)).personsConcerned(List.of("margaret")), null);
        String ballotId = ballot.getId();
        assertThat(ballot.getStatus()).isEqualTo(BallotStatus.OPEN);
        assertThat(ballot.getRequest().getRequestedBy()).isEqualTo("grace");

        JsonNode outsider = problem(403, () -> as("dennis").castVote(ballotId, "dennis", new VoteRequest().choice(Choice.YES), null));
        assertThat(outsider.get("code").asText()).isEqualTo("not-in-electorate");
        JsonNode recused = problem(403, () -> as("margaret").castVote(ballotId, "margaret", new VoteRequest().choice(Choice.YES), null));
        assertThat(recused.get("rule").asText()).isEqualTo("R10");
        JsonNode proxy = problem(403, () -> as("grace").castVote(ballotId, "ada", new VoteRequest().choice(Choice.YES), null));
        assertThat(proxy.get("code").asText()).isEqualTo("not-your-vote");
        JsonNode missing = problem(404, () -> as("grace").castVote("ballot-nothing", "grace", new VoteRequest().choice(Choice.YES), null));
        assertThat(missing.get("code").asText()).isEqualTo("no-such-ballot");
        assertThat(problem(404, () -> anonymous().getBallot("ballot-nothing")).get("code").asText()).isEqualTo("no-such-ballot");
        JsonNode ranking = problem(400, () -> as("grace").castVote(ballotId, "grace",
                new VoteRequest().choice(Choice.YES).ranking(List.of("a")), null));
        assertThat(ranking.get("code").asText()).isEqualTo("invalid-vote");

        problem(put("/api/v1/ballots/" + ballotId + "/votes/grace", "{\"choice\":\"MAYBE\"}", "grace"), 400, "malformed-request");
        problem(put("/api/v1/ballots/" + ballotId + "/votes/grace", "{\"choice\":\"YES\",\"weight\":2}", "grace"), 400, "malformed-request");
        problem(put("/api/v1/ballots/" + ballotId + "/votes/grace", "{\"choice\":", "grace"), 400, "malformed-request");
        problem(put("/api/v1/ballots/" + ballotId + "/votes/grace", "{\"choice\":\"YES\"}", null), 401, "unauthenticated");
        problem(get("/api/v1/ballots?status=BOGUS"), 400, "bad-request");
        problem(get("/api/v1/ballots?limit=0"), 400, "invalid-input");
        problem(post("/api/v1/ballots/" + ballotId + "/recusals", "{\"reason\":\"\"}", "ken"), 400, "invalid-input");

        Recusal recusal = as("ken").recuse(ballotId, new RecusalRequest().reason("I advised on this policy."), null);
        assertThat(recusal.getReason()).isEqualTo(RecusalReason.SELF);
        JsonNode recusedNow = problem(403, () -> as("ken").castVote(ballotId, "ken", new VoteRequest().choice(Choice.NO), null));
        assertThat(recusedNow.get("code").asText()).isEqualTo("recused");
        await().atMost(WAIT).until(() -> anonymous().getBallot(ballotId).getRecusals().size() == 3); // linus, margaret, ken
        assertThat(anonymous().getBallot(ballotId).getElectorate()).doesNotContain("ken");
    }

    @Test
    @DisplayName("R8: a tied core-maintainer ballot waits for the lead, whose deciding choice and reasoning close it")
    void tieGoesToTheLead() throws Exception {
        Ballot ballot = as("linus").openMotion(new MotionRequest().question("Move the CI to the new runners?")
                .body(MotionBody.CORE_MAINTAINERS).deadline(inHours(1)), null);
        String ballotId = ballot.getId();
        as("ada").castVote(ballotId, "ada", new VoteRequest().choice(Choice.YES), null);
        as("grace").castVote(ballotId, "grace", new VoteRequest().choice(Choice.YES), null);
        as("ken").castVote(ballotId, "ken", new VoteRequest().choice(Choice.NO), null);
        as("linus").castVote(ballotId, "linus", new VoteRequest().choice(Choice.NO), null);
        as("margaret").castVote(ballotId, "margaret", new VoteRequest().choice(Choice.ABSTAIN), null);

        Ballot tied = await().atMost(WAIT).until(() -> anonymous().getBallot(ballotId),
                b -> b.getStatus() == BallotStatus.AWAITING_LEAD);
        assertThat(tied.getTally().getOutcome()).isEqualTo(BallotOutcome.TIED);
        assertThat(problem(409, () -> as("ken").castVote(ballotId, "ken", new VoteRequest().choice(Choice.YES), null))
                .get("code").asText()).isEqualTo("ballot-referred-to-lead");
        assertThat(problem(403, () -> as("grace").decideAsLead(ballotId, new LeadDecisionRequest()
                .choice(LeadDecisionRequest.ChoiceEnum.YES).reasoning("mine"), null)).get("rule").asText()).isEqualTo("R8");

        LeadDecision decision = as("ada").decideAsLead(ballotId, new LeadDecisionRequest()
                .choice(LeadDecisionRequest.ChoiceEnum.YES).reasoning("The new runners halve the queue time."), null);
        assertThat(decision.getOutcome()).isEqualTo(BallotOutcome.CARRIED);
        Ballot closed = await().atMost(WAIT).until(() -> anonymous().getBallot(ballotId),
                b -> b.getStatus() == BallotStatus.CLOSED);
        assertThat(closed.getCloseReason()).isEqualTo(CloseReason.DECIDED_BY_LEAD);
        assertThat(closed.getDecidedBy()).isEqualTo("ada");
        assertThat(closed.getReasoning()).isEqualTo("The new runners halve the queue time.");
        assertThat(eventsOf(ballotId, "dev.charter.voting.BallotClosed.v1")).extracting(r -> header(r, "ce_type"))
                .contains("dev.charter.voting.BallotReferredToLead.v1");
    }

    @Test
    @DisplayName("R4: a member puts a motion to their module group, decided by the group's own rule; others may not")
    void moduleMotion() throws Exception {
        Ballot ballot = as("barbara").openMotion(new MotionRequest().question("Deprecate the legacy functional API?")
                .body(MotionBody.MODULE_MAINTAINERS).moduleId("FN").deadline(inHours(2)).subjectId("issue-42"), null);
        assertThat(ballot.getRequest().getMethod()).isEqualTo(DecisionMethod.SUPERMAJORITY);
        assertThat(ballot.getRequest().getThreshold()).isEqualTo(0.75);
        assertThat(ballot.getRequest().getBase()).isEqualTo(ThresholdBase.SEATED);
        assertThat(ballot.getElectorate()).containsExactly("barbara", "frances");
        assertThat(ballot.getRequest().getSubjectId()).isEqualTo("issue-42");

        JsonNode outsider = problem(403, () -> as("dennis").openMotion(new MotionRequest().question("Q?")
                .body(MotionBody.MODULE_MAINTAINERS).moduleId("fn").deadline(inHours(2)), null));
        assertThat(outsider.get("code").asText()).isEqualTo("not-a-member");
        assertThat(outsider.get("rule").asText()).isEqualTo("R4");
        JsonNode otherRule = problem(422, () -> as("barbara").openMotion(new MotionRequest().question("Q?")
                .body(MotionBody.MODULE_MAINTAINERS).moduleId("fn").rule(new DecisionRule().method(DecisionMethod.MAJORITY))
                .deadline(inHours(2)), null));
        assertThat(otherRule.get("code").asText()).isEqualTo("group-rule");
        assertThat(problem(404, () -> as("barbara").openMotion(new MotionRequest().question("Q?")
                .body(MotionBody.MODULE_MAINTAINERS).moduleId("nothing").deadline(inHours(2)), null))
                .get("code").asText()).isEqualTo("no-such-module");
        assertThat(problem(400, () -> as("barbara").openMotion(new MotionRequest().question("Q?")
                .body(MotionBody.MODULE_MAINTAINERS).moduleId("fn").deadline(inHours(-1)), null))
                .get("code").asText()).isEqualTo("invalid-deadline");
        assertThat(problem(422, () -> as("ada").openMotion(new MotionRequest().question("Q?")
                .body(MotionBody.LEAD).deadline(inHours(2)), null)).get("rule").asText()).isEqualTo("R8");

        await().atMost(WAIT).until(() -> anonymous().listBallots(null, null, null, null, "fn", null, null).getItems()
                .stream().anyMatch(b -> b.getId().equals(ballot.getId())));
    }

    @Test
    @DisplayName("R7: a carried veto of a module group's motion (VetoCarried on charter.disputes.v1) shows the ballot as vetoed, with the veto's reasoning and link; its outcome stays; a forged VetoCarried (not from dispute-service) is dead-lettered and shows nothing")
    void vetoedMotion() throws Exception {
        Ballot ballot = as("barbara").openMotion(new MotionRequest().question("Drop Python 3.9 support?")
                .body(MotionBody.MODULE_MAINTAINERS).moduleId("fn").deadline(inHours(2)), null);
        for (String member : List.of("barbara", "frances")) {
            as(member).castVote(ballot.getId(), member, new VoteRequest().choice(Choice.YES), null);
        }
        await().atMost(WAIT).until(() -> anonymous().getBallot(ballot.getId()).getStatus() == BallotStatus.CLOSED);

        String vetoId = "veto-" + shortId();
        ModuleDecision motion = new ModuleDecision("motion:" + ballot.getId(), DecisionKind.MOTION, "fn",
                Instant.now(), new DecisionRef(EventStream.VOTING.topic(), "BallotClosed", "e-" + shortId(),
                ballot.getId()), "Drop Python 3.9 support?", null, null, "CARRIED", null, null);
        VetoCarried carried = new VetoCarried(vetoId, motion, "grace", "Downstream users still need 3.9.", "grace",
                "veto-ballot-" + shortId(), new TallySummary(4, 0, 3, 1, 0,
                dev.charter.contracts.voting.BallotOutcome.CARRIED), "rules");
        String dlt = InboundEventListener.deadLetterTopic(topicPrefix + EventStream.DISPUTES.topic(), "voting");
        try (KafkaTestConsumer deadLetters = new KafkaTestConsumer(TestInfrastructure.kafkaBootstrapServers(), dlt)) {
            // a forgery first, on the same partition: the same veto of the same motion, but not from dispute-service
            VetoCarried forgery = new VetoCarried("forged-" + vetoId, motion, "mallory", "Forged.", "mallory",
                    carried.ballotId(), carried.tally(), "rules");
            String forged = publishAs("nomination", EventStream.DISPUTES, vetoId, forgery);
            publish(EventStream.DISPUTES, vetoId, carried);
            publish(EventStream.DISPUTES, vetoId, carried); // delivered again: shown once
            await().atMost(WAIT).until(() -> anonymous().getBallot(ballot.getId()).getVeto() != null);
            await().atMost(WAIT).until(() -> deadLetters.poll().stream().anyMatch(r -> forged.equals(header(r, "ce_id"))));
        }
        Ballot vetoed = anonymous().getBallot(ballot.getId());
        assertThat(vetoed.getOutcome()).isEqualTo(BallotOutcome.CARRIED);
        assertThat(vetoed.getVeto().getVetoId()).isEqualTo(vetoId);
        assertThat(vetoed.getVeto().getReasoning()).isEqualTo("Downstream users still need 3.9.");
        assertThat(vetoed.getVeto().getUrl()).endsWith("/api/v1/vetoes/" + vetoId);
        assertThat(anonymous().listBallots(null, null, null, null, "fn", null, null).getItems().stream()
                .filter(b -> b.getId().equals(ballot.getId())).findFirst().orElseThrow().getVetoId()).isEqualTo(vetoId);
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE ?")
                .params(ballot.getId(), "%BallotVetoed").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    @DisplayName("R17: the pooled body CORE_AND_AFFECTED_MODULES opens no new ballot: a request on Kafka is dead-lettered with its event id, a motion cannot name it (400)")
    void pooledBodyRetired() throws Exception {
        String dlt = InboundEventListener.deadLetterTopic(topicPrefix + EventStream.NOMINATIONS.topic(), "voting");
        try (KafkaTestConsumer deadLetters = new KafkaTestConsumer(TestInfrastructure.kafkaBootstrapServers(), dlt)) {
            String pooledId = "pooled-" + shortId();
            BallotRequest pooled = new BallotRequest("change:" + pooledId, "CHANGE", pooledId, "Remove the aliases?",
                    dev.charter.contracts.voting.BallotBody.CORE_AND_AFFECTED_MODULES, null, List.of("nn", "fn"),
                    dev.charter.contracts.voting.DecisionMethod.MAJORITY, null, null, null, List.of(),
                    Instant.now().plus(Duration.ofHours(1)), List.of(), "system:nominations");
            String eventId = publish(EventStream.NOMINATIONS, pooledId, new NominationReviewRequested(pooledId, pooled));
            String marker = "marker-" + shortId();
            publish(EventStream.NOMINATIONS, marker, new NominationReviewRequested(marker, coreRequest(marker, List.of())));
            visible(BallotIds.forRequest(coreRequest(marker, List.of()).requestId()));
            await().atMost(WAIT).until(() -> deadLetters.poll().stream()
                    .anyMatch(r -> eventId.equals(header(r, "ce_id"))));
            assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?")
                    .param(BallotIds.forRequest(pooled.requestId())).query(Integer.class).single()).isZero();
        }
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(baseUri() + "/api/v1/ballots"))
                .header("Authorization", "Bearer " + tokens.issue("dennis")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"Q?\",\"body\":\"CORE_AND_AFFECTED_MODULES\","
                        + "\"deadline\":\"" + inHours(1) + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    @DisplayName("R4: at its deadline a ballot closes with the votes cast, by the service itself (durable deadline)")
    void closesAtDeadline() throws Exception {
        Ballot ballot = as("dennis").openMotion(new MotionRequest().question("Adopt the new layer naming?")
                .body(MotionBody.MODULE_MAINTAINERS).moduleId("nn")
                .deadline(OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(4)), null);
        String ballotId = ballot.getId();
        as("dennis").castVote(ballotId, "dennis", new VoteRequest().choice(Choice.YES), null);

        Ballot closed = await().atMost(WAIT).until(() -> anonymous().getBallot(ballotId),
                b -> b.getStatus() == BallotStatus.CLOSED);
        assertThat(closed.getCloseReason()).isEqualTo(CloseReason.DEADLINE);
        assertThat(closed.getOutcome()).isEqualTo(BallotOutcome.CARRIED);
        assertThat(closed.getTally().getCast()).isEqualTo(1);
        ConsumerRecord<String, byte[]> closing = eventsOf(ballotId, "dev.charter.voting.BallotClosed.v1").stream()
                .filter(r -> "dev.charter.voting.BallotClosed.v1".equals(header(r, "ce_type"))).findFirst().orElseThrow();
        assertThat(header(closing, "ce_actor")).isEqualTo("system:voting");
        assertThat(header(closing, "ce_rulesversion")).isEqualTo(closed.getRulesVersion());
        assertThat(problem(409, () -> as("frances").castVote(ballotId, "frances", new VoteRequest().choice(Choice.NO), null))
                .get("code").asText()).isEqualTo("ballot-closed");
    }

    @Test
    @DisplayName("a request made moot (BallotCancelling) cancels its undecided ballot, which then takes no votes")
    void cancelledByRequester() throws Exception {
        String nominationId = "withdrawn-" + shortId();
        BallotRequest request = coreRequest(nominationId, List.of());
        publish(EventStream.NOMINATIONS, nominationId, new NominationReviewRequested(nominationId, request));
        String ballotId = BallotIds.forRequest(request.requestId());
        visible(ballotId);

        BallotCancelling withdrawn = new BallotCancelling() {
            @Override
            public String ballotRequestId() {
                return request.requestId();
            }

            @Override
            public String cancellationReason() {
                return "The nomination was withdrawn.";
            }
        };
        policy.on(withdrawn, new InboundEvent<>(UUID.randomUUID().toString(), "test.NominationWithdrawn", "/test",
                nominationId, Instant.now(), "system:nominations", null, null, null, withdrawn, "test", 0, 0));
        policy.on(withdrawn, new InboundEvent<>(UUID.randomUUID().toString(), "test.NominationWithdrawn", "/test",
                nominationId, Instant.now(), "system:nominations", null, null, null, withdrawn, "test", 0, 1));

        Ballot cancelled = await().atMost(WAIT).until(() -> anonymous().getBallot(ballotId),
                b -> b.getStatus() == BallotStatus.CANCELLED);
        assertThat(cancelled.getCancelReason()).isEqualTo("The nomination was withdrawn.");
        assertThat(problem(409, () -> as("ada").castVote(ballotId, "ada", new VoteRequest().choice(Choice.YES), null))
                .get("code").asText()).isEqualTo("ballot-cancelled");
    }

    @Test
    @DisplayName("ballots are listed newest first, filtered by status, subject, body and module, in pages with an opaque cursor")
    void listing() throws Exception {
        String subject = "listing-" + shortId();
        for (int i = 0; i < 3; i++) {
            as("grace").openMotion(new MotionRequest().question("Item " + i + "?").body(MotionBody.CORE_MAINTAINERS)
                    .deadline(inHours(3)).subjectId(subject), null);
        }
        await().atMost(WAIT).until(() ->
                anonymous().listBallots(null, "MOTION", subject, null, null, null, null).getItems().size() == 3);
        BallotPage first = anonymous().listBallots(BallotStatus.OPEN, "MOTION", subject, BallotBody.CORE_MAINTAINERS,
                null, null, 2);
        assertThat(first.getItems()).extracting(BallotSummary::getQuestion).containsExactly("Item 2?", "Item 1?");
        assertThat(first.getNext()).isNotNull();
        BallotPage second = anonymous().listBallots(BallotStatus.OPEN, "MOTION", subject, null, null, first.getNext(), 2);
        assertThat(second.getItems()).extracting(BallotSummary::getQuestion).containsExactly("Item 0?");
        assertThat(second.getNext()).isNull();
        assertThat(anonymous().listBallots(BallotStatus.CLOSED, "MOTION", subject, null, null, null, null).getItems())
                .isEmpty();
        assertThat(anonymous().listBallots(null, "MOTION", subject, BallotBody.MODULE_MAINTAINERS, null, null, null)
                .getItems()).isEmpty();
        assertThat(problem(400, () -> anonymous().listBallots(null, null, null, null, null, "%%%", 2))
                .get("code").asText()).isEqualTo("invalid-cursor");
    }

    @Test
    @DisplayName("a vote retried with the same Idempotency-Key returns the first answer and is cast once")
    void idempotentVote() throws Exception {
        Ballot ballot = as("margaret").openMotion(new MotionRequest().question("Retry?").body(MotionBody.CORE_MAINTAINERS)
                .deadline(inHours(1)), null);
        String key = "vote-" + shortId();
        HttpResponse<String> first = send(withKey(put("/api/v1/ballots/" + ballot.getId() + "/votes/ken",
                "{\"choice\":\"NO\",\"comment\":\"not yet\"}", "ken"), key));
        HttpResponse<String> retry = send(withKey(put("/api/v1/ballots/" + ballot.getId() + "/votes/ken",
                "{\"choice\":\"NO\",\"comment\":\"not yet\"}", "ken"), key));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE '%VoteCast'")
                .param(ballot.getId()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    @DisplayName("the OpenAPI document served is the one in api-contracts, with the common.yaml its shared schemas are in")
    void servesOpenApiDocument() throws Exception {
        HttpResponse<String> served = send(get("/openapi/voting.yaml"));
        assertThat(served.statusCode()).isEqualTo(200);
        String contract = new String(getClass().getResourceAsStream("/openapi/voting.yaml").readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(served.body()).isEqualTo(contract).contains("operationId: castVote");
        HttpResponse<String> common = send(get("/openapi/common.yaml"));
        assertThat(common.statusCode()).isEqualTo(200);
        assertThat(common.body()).isEqualTo(new String(getClass().getResourceAsStream("/openapi/common.yaml")
                .readAllBytes(), StandardCharsets.UTF_8)).contains("    Round:", "    DecisionRule:");
        assertThat(served.body()).contains("./common.yaml#/components/schemas/Round");
    }

    @Test
    @DisplayName("R1, R4, R10, R14: the roster copy follows the registry's removals, emeritus moves, withdrawn conflicts, rule changes and retirement")
    void rosterCopyFollowsTheRegistry() throws Exception {
        DecisionRef decision = DecisionRef.bootstrap("import-2");
        publish(EventStream.REGISTRY, "docs", new ModuleAdded("docs", "Docs", ModuleKind.REPOSITORY, "example-org/docs",
                null, dev.charter.contracts.voting.DecisionRule.majority(), NominationProcess.OWN_GROUP, 365, decision));
        for (String person : List.of("pat", "sam", "kim")) {
            publish(EventStream.REGISTRY, "docs", new MaintainerAppointed(person, Role.MODULE_MAINTAINER, "docs", decision));
        }
        publish(EventStream.REGISTRY, "docs", new MaintainerRemoved("sam", Role.MODULE_MAINTAINER, "docs",
                RemovalReason.REMOVED, decision));
        publish(EventStream.REGISTRY, "docs", MovedToEmeritus.imported("kim", Role.MODULE_MAINTAINER, "docs", decision));
        publish(EventStream.REGISTRY, "docs", new ModuleDecisionRuleChanged("docs", new dev.charter.contracts.voting.DecisionRule(
                dev.charter.contracts.voting.DecisionMethod.UNANIMOUS, null, null, null), null));
        publish(EventStream.REGISTRY, "pat", new ConflictOfInterestDeclared("pat", "conflict-2", "sam", ConflictKind.FILIAL, null));
        publish(EventStream.REGISTRY, "pat", new ConflictOfInterestWithdrawn("pat", "conflict-2", "sam", "resolved"));
        await().atMost(WAIT).until(() -> roster.moduleMaintainers("docs").equals(List.of("pat"))
                && roster.module("docs").map(m -> m.decisionRule().method() == dev.charter.contracts.voting.DecisionMethod.UNANIMOUS).orElse(false)
                && count("SELECT count(*) FROM inbound_event WHERE event_type LIKE '%ConflictOfInterestWithdrawn%'") == 1);
        assertThat(roster.conflictedWith("pat")).isEmpty();

        Ballot ballot = as("pat").openMotion(new MotionRequest().question("Move the docs to the new site?")
                .body(MotionBody.MODULE_MAINTAINERS).moduleId("docs").deadline(inHours(1)), null);
        assertThat(ballot.getElectorate()).containsExactly("pat");
        assertThat(ballot.getRequest().getMethod()).isEqualTo(DecisionMethod.UNANIMOUS);
        assertThat(problem(403, () -> as("sam").openMotion(new MotionRequest().question("Q?")
                .body(MotionBody.MODULE_MAINTAINERS).moduleId("docs").deadline(inHours(1)), null)).get("code").asText())
                .isEqualTo("not-a-member");

        publish(EventStream.REGISTRY, "docs", new ModuleRetired("docs", decision));
        await().atMost(WAIT).until(() -> roster.module("docs").map(m -> !m.active()).orElse(false));
        assertThat(problem(409, () -> as("pat").openMotion(new MotionRequest().question("Q?")
                .body(MotionBody.MODULE_MAINTAINERS).moduleId("docs").deadline(inHours(1)), null)).get("code").asText())
                .isEqualTo("module-retired");
    }

    // --- helpers

    private BallotRequest coreRequest(String nominationId, List<String> concerned) {
        return new BallotRequest("nomination:" + nominationId + ":review", "NOMINATION", nominationId, "Confirm?",
                dev.charter.contracts.voting.BallotBody.CORE_MAINTAINERS, null, List.of(),
                dev.charter.contracts.voting.DecisionMethod.MAJORITY, null, null, null, List.of(),
                Instant.now().plus(Duration.ofHours(1)), concerned, "system:nominations");
    }

    /** Waits until the ballot is in the read model (it is projected asynchronously). */
    private Ballot visible(String ballotId) {
        return await().atMost(WAIT).until(() -> {
            try {
                return anonymous().getBallot(ballotId);
            } catch (ApiException e) {
                if (e.getCode() == 404) {
                    return null;
                }
                throw e;
            }
        }, b -> b != null);
    }

    private void rank(String ballotId, String voter, String... ranking) throws ApiException {
        as(voter).castVote(ballotId, voter, new VoteRequest().ranking(List.of(ranking)), null);
    }

    /** The records published for the ballot, in order, once one of the given type is among them. */
    private static List<ConsumerRecord<String, byte[]>> eventsOf(String ballotId, String untilType) {
        return await().atMost(WAIT).until(() -> published.poll().stream().filter(r -> ballotId.equals(r.key())).toList(),
                records -> records.stream().anyMatch(r -> untilType.equals(header(r, "ce_type"))));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static OffsetDateTime inHours(int hours) {
        return OffsetDateTime.now(ZoneOffset.UTC).plusHours(hours).truncatedTo(ChronoUnit.SECONDS);
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private HttpRequest put(String path, String body, String person) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUri() + path))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body));
        if (person != null) {
            builder.header("Authorization", "Bearer " + tokens.issue(person));
        }
        return builder.build();
    }

    private HttpRequest post(String path, String body, String person) {
        return HttpRequest.newBuilder(URI.create(baseUri() + path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tokens.issue(person))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(baseUri() + path)).GET().build();
    }

    private static HttpRequest withKey(HttpRequest request, String key) {
        return HttpRequest.newBuilder(request, (name, value) -> true).header("Idempotency-Key", key).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
