package dev.charter.nomination;

import com.fasterxml.jackson.databind.JsonNode;
import dev.charter.client.nominations.model.BallotStatus;
import dev.charter.client.nominations.model.CandidacyRequest;
import dev.charter.client.nominations.model.Candidate;
import dev.charter.client.nominations.model.CandidateStatus;
import dev.charter.client.nominations.model.DecisionOutcome;
import dev.charter.client.nominations.model.DecisionRequest;
import dev.charter.client.nominations.model.Election;
import dev.charter.client.nominations.model.ElectionStatus;
import dev.charter.client.nominations.model.ElectionSummary;
import dev.charter.client.nominations.model.GroundsInput;
import dev.charter.client.nominations.model.NominationKind;
import dev.charter.client.nominations.model.NominationRequest;
import dev.charter.client.nominations.model.NominationStatus;
import dev.charter.client.nominations.model.VacancyReason;
import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.EventStream;
import dev.charter.contracts.nominations.NominationEvent.LeadElected;
import dev.charter.contracts.nominations.NominationEvent.LeadElectionBallotRequested;
import dev.charter.contracts.nominations.NominationEvent.LeadSeatVacated;
import dev.charter.contracts.nominations.NominationEvent.NominationConfirmed;
import dev.charter.contracts.nominations.NominationEvent.NominationDeclined;
import dev.charter.contracts.nominations.NominationEvent.NominationReviewRequested;
import dev.charter.contracts.registry.RegistryEvent.MaintainerAppointed;
import dev.charter.contracts.registry.RegistryEvent.MaintainerRemoved;
import dev.charter.contracts.registry.RemovalReason;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotIds;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.CloseReason;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.OptionCount;
import dev.charter.contracts.voting.Recusal;
import dev.charter.contracts.voting.RecusalReason;
import dev.charter.contracts.voting.Round;
import dev.charter.contracts.voting.Tally;
import dev.charter.contracts.voting.VotingEvent.BallotClosed;
import dev.charter.contracts.voting.VotingEvent.BallotOpened;
import dev.charter.contracts.voting.VotingEvent.VoteCast;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The lead seat end to end: a removal of the lead that fails, one that passes, the registry's vacancy opening an
 * election, candidacies, the ranked-choice ballot with its rounds, and the new lead. The registry and voting-service
 * are played by the test. Leaves grace as lead.
 */
class ElectionIT extends NominationIntegrationTest {

    private static final List<Recusal> LEAD_RECUSED = List.of(new Recusal("ada", RecusalReason.SUBJECT, null));
    private static final List<String> OTHERS = List.of("grace", "linus", "margaret");

    @Test
    @DisplayName("R12, R13: a lead removal short of 75 % is declined; one that carries vacates the seat; the core maintainers elect a new lead by ranked choice")
    void removeTheLeadAndElectAnother() throws Exception {
        // R12: the first motion is short of the super-majority; the lead is out of electorate and denominator
        String first = as("grace").nominations().submitNomination(new NominationRequest()
                .kind(NominationKind.LEAD_REMOVAL).grounds(new GroundsInput().changedDirection(
                        "The lead pushes a direction the core maintainers do not share.")), null).getId();
        BallotRequest firstRequest = awaitPublished(first, NominationReviewRequested.class).ballotRequest();
        assertThat(firstRequest.method()).isEqualTo(DecisionMethod.SUPERMAJORITY);
        assertThat(firstRequest.threshold()).isEqualTo(0.75);
        assertThat(firstRequest.base()).isEqualTo(dev.charter.contracts.voting.ThresholdBase.SEATED);
        assertThat(firstRequest.personsConcerned()).containsExactly("ada");
        assertThat(firstRequest.body()).isEqualTo(BallotBody.CORE_MAINTAINERS);
        holdBallot(firstRequest, OTHERS, LEAD_RECUSED, BallotOutcome.REJECTED, yesNo(3, 1, 2, 1));
        awaitStatus(first, NominationStatus.AWAITING_REASONING);
        JsonNode lead = problem(403, () -> as("ada").nominations().publishDecision(first, new DecisionRequest()
                .outcome(DecisionOutcome.DECLINED).reasoning("I stay."), null));
        assertThat(lead.get("rule").asText()).isEqualTo("R12");
        as("linus").nominations().publishDecision(first, new DecisionRequest().outcome(DecisionOutcome.DECLINED)
                .reasoning("Two of three is short of 75 %."), null);
        assertThat(awaitPublished(first, NominationDeclined.class).tally().yes()).isEqualTo(2);

        // R12: the second carries
        String second = as("margaret").nominations().submitNomination(new NominationRequest()
                .kind(NominationKind.LEAD_REMOVAL).personId("ada").grounds(new GroundsInput().changedDirection(
                        "No change since the last motion.")), null).getId();
        BallotRequest secondRequest = awaitPublished(second, NominationReviewRequested.class).ballotRequest();
        String removalBallot = holdBallot(secondRequest, OTHERS, LEAD_RECUSED, BallotOutcome.CARRIED,
                yesNo(3, 1, 3, 0));
        awaitStatus(second, NominationStatus.AWAITING_REASONING);
        as("margaret").nominations().publishDecision(second, new DecisionRequest().outcome(DecisionOutcome.CONFIRMED)
                .reasoning("All three other core maintainers voted to remove the lead."), null);
        NominationConfirmed confirmed = awaitPublished(second, NominationConfirmed.class);
        assertThat(confirmed.role()).isEqualTo(Role.LEAD);
        assertThat(confirmed.ballotId()).isEqualTo(removalBallot);
        ConsumerRecord<String, byte[]> vacatedRecord = awaitRecord(second, LeadSeatVacated.class);
        LeadSeatVacated vacated = payload(vacatedRecord, LeadSeatVacated.class);
        assertThat(vacated.personId()).isEqualTo("ada");
        assertThat(vacated.nominationId()).isEqualTo(second);

        // R13: the registry vacates the seat; an election opens among the other core maintainers
        registry("core", new MaintainerRemoved("ada", Role.LEAD, null, RemovalReason.LEAD_SEAT_VACATED,
                new DecisionRef(EventStream.NOMINATIONS.topic(), "LeadSeatVacated", header(vacatedRecord, "ce_id"),
                        vacated.vacancyId())));
        ElectionSummary opened = await().atMost(WAIT).until(() -> anonymous().elections().listElections(true, null,
                null).getItems(), items -> !items.isEmpty()).get(0);
        assertThat(opened.getFormerLeadId()).isEqualTo("ada");
        assertThat(opened.getReason()).isEqualTo(VacancyReason.REMOVED);
        assertThat(opened.getVacancyId()).isEqualTo(vacated.vacancyId());
        String electionId = opened.getId();
        assertThat(anonymous().elections().getElection(electionId).getEligibleCandidates())
                .containsExactly("grace", "linus", "margaret");

        JsonNode formerLead = problem(422, () -> as("ada").elections().declareCandidacy(electionId,
                new CandidacyRequest(), null));
        assertThat(formerLead.get("code").asText()).isEqualTo("former-lead-cannot-stand");
        problem(403, () -> as("dennis").elections().declareCandidacy(electionId, new CandidacyRequest(), null));

        // R13: candidacies: one stands, one is nominated and accepts, one declines: the window closes early
        assertThat(as("grace").elections().declareCandidacy(electionId, new CandidacyRequest(), null).getStatus())
                .isEqualTo(CandidateStatus.STANDING);
        Candidate nominated = as("linus").elections().declareCandidacy(electionId,
                new CandidacyRequest().personId("margaret"), null);
        assertThat(nominated.getStatus()).isEqualTo(CandidateStatus.NOMINATED);
        problem(403, () -> as("linus").elections().acceptCandidacy(electionId, "margaret", null));
        as("margaret").elections().acceptCandidacy(electionId, "margaret", null);
        as("linus").elections().declineCandidacy(electionId, "linus", null);

        BallotRequest ballot = awaitPublished(electionId, LeadElectionBallotRequested.class).ballotRequest();
        assertThat(ballot.method()).isEqualTo(DecisionMethod.RANKED_CHOICE);
        assertThat(ballot.body()).isEqualTo(BallotBody.CORE_MAINTAINERS);
        assertThat(ballot.options()).containsExactly("grace", "margaret");
        assertThat(ballot.subjectKind()).isEqualTo("LEAD_ELECTION");
        problem(409, () -> as("linus").elections().declareCandidacy(electionId, new CandidacyRequest(), null));

        // R13: voting-service holds the ranked-choice ballot and publishes every round
        String ballotId = BallotIds.forRequest(ballot.requestId());
        voting(ballotId, new BallotOpened(ballotId, ballot, CORE, List.of(), null, 99L, RULES));
        voting(ballotId, new VoteCast(ballotId, "grace", null, List.of("grace", "margaret"), null, false));
        Tally tally = new Tally(4, 0, 4, 0, 0, 0, null, true, List.of(
                new Round(1, List.of(new OptionCount("grace", 2), new OptionCount("margaret", 2)), "margaret", true, 0),
                new Round(2, List.of(new OptionCount("grace", 4)), null, false, 0)), "grace");
        voting(ballotId, new BallotClosed(ballotId, ballot.requestId(), ballot.subjectKind(), ballot.subjectId(),
                DecisionMethod.RANKED_CHOICE, BallotOutcome.CARRIED, tally, CloseReason.DEADLINE, null, null, RULES));

        LeadElected elected = awaitPublished(electionId, LeadElected.class);
        assertThat(elected).isEqualTo(new LeadElected(electionId, "grace", ballotId, RULES));
        Election election = await().atMost(WAIT).until(() -> anonymous().elections().getElection(electionId),
                e -> e.getStatus() == ElectionStatus.ELECTED);
        assertThat(election.getElectedLeadId()).isEqualTo("grace");
        assertThat(election.getCandidates()).extracting(Candidate::getPersonId, Candidate::getStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("grace", CandidateStatus.STANDING),
                        org.assertj.core.groups.Tuple.tuple("linus", CandidateStatus.DECLINED),
                        org.assertj.core.groups.Tuple.tuple("margaret", CandidateStatus.STANDING));
        BallotStatus published = election.getBallots().get(0);
        assertThat(published.getWinner()).isEqualTo("grace");
        assertThat(published.getRounds()).hasSize(2);
        assertThat(published.getRounds().get(0).getEliminated()).isEqualTo("margaret");
        assertThat(published.getRounds().get(0).getTieBroken()).isTrue();
        assertThat(published.getVotes()).singleElement()
                .satisfies(v -> assertThat(v.getRanking()).containsExactly("grace", "margaret"));
        assertThat(anonymous().elections().listElections(true, null, null).getItems()).isEmpty();

        // the registry seats the winner; core-maintainer nominations have a lead to decide them again
        registry("core", new MaintainerAppointed("grace", Role.LEAD, null,
                new DecisionRef(EventStream.NOMINATIONS.topic(), "LeadElected", "e", electionId)));
        await().atMost(WAIT).until(() -> roster.lead().equals(Optional.of("grace")));
    }
}
