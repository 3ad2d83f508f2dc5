package dev.charter.systemtests;

import dev.charter.client.disputes.invoker.ApiException;
import dev.charter.client.disputes.model.AnswerRequest;
import dev.charter.client.disputes.model.Approval;
import dev.charter.client.disputes.model.ChangeKind;
import dev.charter.client.disputes.model.ChangeProposal;
import dev.charter.client.disputes.model.ChangeProposalRequest;
import dev.charter.client.disputes.model.ChangeResultRequest;
import dev.charter.client.disputes.model.ChangeStatus;
import dev.charter.client.disputes.model.ChangeVerdict;
import dev.charter.client.disputes.model.DecisionInput;
import dev.charter.client.disputes.model.Dispute;
import dev.charter.client.disputes.model.DisputeRequest;
import dev.charter.client.disputes.model.DisputeStatus;
import dev.charter.client.disputes.model.EscalationRequest;
import dev.charter.client.disputes.model.RulingOutcome;
import dev.charter.client.disputes.model.RulingRequest;
import dev.charter.client.disputes.model.Veto;
import dev.charter.client.disputes.model.VetoDecisionRequest;
import dev.charter.client.disputes.model.VetoOutcome;
import dev.charter.client.disputes.model.VetoRequest;
import dev.charter.client.disputes.model.VetoStatus;
import dev.charter.client.nominations.model.DecisionOutcome;
import dev.charter.client.nominations.model.DecisionRequest;
import dev.charter.client.nominations.model.Nomination;
import dev.charter.client.nominations.model.NominationKind;
import dev.charter.client.nominations.model.NominationRequest;
import dev.charter.client.nominations.model.NominationStatus;
import dev.charter.client.registry.model.ModuleDispute;
import dev.charter.client.registry.model.RosterMember;
import dev.charter.client.voting.model.Ballot;
import dev.charter.client.voting.model.BallotStatus;
import dev.charter.client.voting.model.Choice;
import dev.charter.client.voting.model.CloseReason;
import dev.charter.client.voting.model.LeadDecisionRequest;
import dev.charter.client.voting.model.MotionBody;
import dev.charter.client.voting.model.MotionRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Disputes, vetoes and controversial changes end to end across the four services (R5–R8, R17), driven only through
 * the generated clients: the decisions they name are taken on voting-service and nomination-service, dispute-service
 * asks voting-service for the core maintainers' and the groups' ballots, and the registry applies a carried veto.
 * The scenarios share the system with the other scenario classes, so they read each body's members from the ballot
 * voting-service froze and the lead from the roster, and each uses its own decisions.
 */
@Order(2)
class DisputeScenariosIT extends Scenarios {

    @Test
    @DisplayName("R5, R6: a maintainer of vision disputes a motion of nn's group; nn's group answers and the disputing side accepts: resolved, and listed on the module page")
    void disputeAnsweredAndAccepted() throws Exception {
        String decision = moduleMotion("margaret", "nn", "Make the new initialisation the default?");
        Dispute opened = as("barbara").disputes().openDispute(new DisputeRequest()
                .decision(new DecisionInput().decisionId(decision))
                .statement("The new default changes every vision model's accuracy.")
                .links(List.of("https://github.com/example-org/vision/issues/11")), null);
        assertThat(opened.getRespondentModuleId()).isEqualTo("nn");
        assertThat(opened.getDisputantModuleId()).isEqualTo("vision");
        assertThat(opened.getResponseWindow()).isEqualTo("P14D");
        String id = opened.getId();

        as("margaret").disputes().answerDispute(id, new AnswerRequest()
                .explanation("The old default diverges for deep networks.")
                .arguments("Benchmarks on 40 models; vision's are within noise with the documented flag.")
                .resolution("We keep the default and document the flag that restores the old one."), null);
        as("barbara").disputes().acceptResolution(id, null);
        Dispute resolved = awaitDispute(id, d -> d.getStatus() == DisputeStatus.RESOLVED);
        assertThat(resolved.getAnswer().getAnsweredBy()).isEqualTo("margaret");
        assertThat(resolved.getAcceptance().getAcceptedBy()).isEqualTo("barbara");

        // R6: the registry lists the dispute on both modules' pages, linked to dispute-service
        ModuleDispute listed = await().atMost(PATIENCE).until(() -> anonymous().modules().getModule("nn", null)
                .getDisputes().stream().filter(d -> d.getDisputeId().equals(id)).findFirst().orElse(null),
                d -> d != null && "RESOLVED".equals(d.getStatus()));
        assertThat(listed.getUrl()).endsWith("/api/v1/disputes/" + id);
        assertThat(anonymous().modules().getModule("vision", null).getDisputes())
                .extracting(ModuleDispute::getDisputeId).contains(id);
        assertThat(anonymous().decisions().getDecision(decision).getDisputes()).extracting(Dispute::getId)
                .containsExactly(id);
    }

    @Test
    @DisplayName("R5, R6, R8: a dispute escalated to the core maintainers ties; the lead decides on voting-service and publishes the ruling")
    void disputeEscalatedTiedDecidedByLead() throws Exception {
        String decision = moduleMotion("margaret", "nn", "Drop the legacy serialisation format?");
        String id = as("barbara").disputes().openDispute(new DisputeRequest()
                .decision(new DecisionInput().decisionId(decision))
                .statement("Vision's pretrained weights are stored in the legacy format."), null).getId();
        as("dennis").disputes().answerDispute(id, new AnswerRequest()
                .explanation("The legacy format cannot be loaded safely.")
                .arguments("It executes code on load.")
                .resolution("The format goes in the next release; a converter ships now."), null);
        as("barbara").disputes().escalateDispute(id, null,
                new EscalationRequest().reason("A converter does not help users with published checkpoints."));

        // R6: the maintainers page shows the open dispute under nn
        await().atMost(PATIENCE).until(() -> anonymous().files().getMaintainersPage(null)
                .contains("/api/v1/disputes/" + id));

        Dispute escalated = awaitDispute(id, d -> d.getBallot() != null && !d.getBallot().getElectorate().isEmpty());
        String ballotId = escalated.getBallot().getBallotId();
        Ballot ballot = awaitBallot(ballotId, b -> b.getStatus() == BallotStatus.OPEN);
        List<String> electorate = ballot.getElectorate();
        assertThat(electorate).containsAll(coreMaintainers());
        String lead = ballot.getLead();
        assertThat(lead).isEqualTo(anonymous().roster().getRoster(null).getLead().getPersonId());

        // every member votes: as many yes as no (one abstains when they are odd): a tie
        int half = electorate.size() / 2;
        for (int i = 0; i < electorate.size(); i++) {
            vote(ballotId, electorate.get(i), i < half ? Choice.YES : i < 2 * half ? Choice.NO : Choice.ABSTAIN);
        }
        awaitDispute(id, d -> d.getStatus() == DisputeStatus.REFERRED_TO_LEAD);
        Ballot tied = awaitBallot(ballotId, b -> b.getStatus() == BallotStatus.AWAITING_LEAD);
        assertThat(tied.getTally().getYes()).isEqualTo(tied.getTally().getNo()).isEqualTo(half);

        as(lead).ballots().decideAsLead(ballotId, new LeadDecisionRequest().choice(LeadDecisionRequest.ChoiceEnum.YES)
                .reasoning("Safety outweighs convenience; the converter covers published checkpoints."), null);
        Dispute awaiting = awaitDispute(id, d -> d.getStatus() == DisputeStatus.AWAITING_RULING);
        assertThat(awaiting.getBallot().getDecidedBy()).isEqualTo(lead);
        assertThat(awaitBallot(ballotId, b -> b.getStatus() == BallotStatus.CLOSED).getCloseReason())
                .isEqualTo(CloseReason.DECIDED_BY_LEAD);

        as(lead).disputes().publishRuling(id, new RulingRequest().outcome(RulingOutcome.UPHELD)
                .reasoning("The core maintainers were split; I uphold nn's decision for the safety of every user."),
                null);
        Dispute ruled = awaitDispute(id, d -> d.getStatus() == DisputeStatus.RULED);
        assertThat(ruled.getRuling().getRuledBy()).isEqualTo(lead);
        assertThat(ruled.getRuling().getOutcome()).isEqualTo(RulingOutcome.UPHELD);
        await().atMost(PATIENCE).until(() -> !anonymous().files().getMaintainersPage(null)
                .contains("/api/v1/disputes/" + id));
    }

    @Test
    @DisplayName("R7, R16: the core maintainers veto vision's confirmation of a maintainer: the registry ends the appointment and CODEOWNERS drops them")
    void vetoOfConfirmationRemovesTheMaintainer() throws Exception {
        String nominationId = as("barbara").nominations().submitNomination(new NominationRequest()
                .kind(NominationKind.MODULE_MAINTAINER).personId("radia").moduleId("vision")
                .statement("Radia wrote the detection models."), null).getId();
        Nomination inReview = await().atMost(PATIENCE).until(() -> as(null).nominations().getNomination(nominationId),
                n -> n.getBallot() != null && "OPEN".equals(n.getBallot().getStatus().getValue()));
        String groupBallot = inReview.getBallot().getBallotId();
        voteYes(groupBallot, majorityOf(awaitBallot(groupBallot, b -> true).getElectorate()));
        await().atMost(PATIENCE).until(() -> as(null).nominations().getNomination(nominationId),
                n -> n.getStatus() == NominationStatus.AWAITING_REASONING);
        as("barbara").nominations().publishDecision(nominationId, new DecisionRequest()
                .outcome(DecisionOutcome.CONFIRMED).reasoning("The whole group voted for Radia."), null);
        await().atMost(PATIENCE).until(() -> visionCodeowners().contains("@radia"));

        String decision = "nomination:" + nominationId;
        await().atMost(PATIENCE).ignoreException(ApiException.class)
                .until(() -> anonymous().decisions().getDecision(decision).getDecision().getPersonId(), "radia"::equals);
        String proposer = coreMaintainers().get(1);
        Veto proposed = as(proposer).vetoes().proposeVeto(new VetoRequest()
                .decision(new DecisionInput().decisionId(decision))
                .reasoning("Vision's group confirmed a maintainer with no review history in the module."), null);
        Veto open = await().atMost(PATIENCE).until(() -> anonymous().vetoes().getVeto(proposed.getId()),
                v -> !v.getBallot().getElectorate().isEmpty());
        String ballotId = open.getBallot().getBallotId();
        List<String> electorate = awaitBallot(ballotId, b -> b.getStatus() == BallotStatus.OPEN).getElectorate();
        voteYes(ballotId, majorityOf(electorate));
        await().atMost(PATIENCE).until(() -> anonymous().vetoes().getVeto(proposed.getId()),
                v -> v.getStatus() == VetoStatus.AWAITING_REASONING);
        as(electorate.get(0)).vetoes().publishVetoDecision(proposed.getId(), new VetoDecisionRequest()
                .outcome(VetoOutcome.CARRIED).reasoning("A majority of the core maintainers vetoed the confirmation."),
                null);

        await().atMost(PATIENCE).until(() -> !visionCodeowners().contains("@radia"));
        assertThat(anonymous().modules().getModule("vision", null).getMaintainers()).extracting(RosterMember::getPersonId)
                .doesNotContain("radia");
        assertThat(anonymous().persons().getTenure("radia").getEntries()).singleElement().satisfies(entry -> {
            assertThat(entry.getEndDecision().getEventType()).isEqualTo("VetoCarried");
            assertThat(entry.getEndDecision().getReference()).isEqualTo(proposed.getId());
        });
        assertThat(await().atMost(PATIENCE).until(() -> anonymous().modules().getModule("vision", null).getVetoes(),
                vetoes -> vetoes.stream().anyMatch(v -> v.getVetoId().equals(proposed.getId())
                        && "CARRIED".equals(v.getStatus())))).isNotEmpty();
    }

    @Test
    @DisplayName("R17: a controversial change is approved by the core maintainers and both affected groups, each in its own ballot")
    void controversialChangeApproved() throws Exception {
        ChangeProposal proposal = propose("Parameters are immutable by default");
        String id = proposal.getId();
        assertThat(proposal.getApprovals()).extracting(a -> a.getBody().getValue())
                .containsExactly("CORE_MAINTAINERS", "MODULE_MAINTAINERS", "MODULE_MAINTAINERS");

        for (Approval approval : awaitApprovalsOpen(id)) {
            voteYes(approval.getBallot().getBallotId(), majorityOf(approval.getBallot().getElectorate()));
        }
        ChangeProposal awaiting = awaitProposal(id, p -> p.getStatus() == ChangeStatus.AWAITING_REASONING);
        assertThat(awaiting.getApprovals()).extracting(a -> a.getOutcome().getValue()).containsOnly("CARRIED");

        String publisher = awaiting.getApprovals().get(0).getBallot().getElectorate().get(0);
        as(publisher).changes().publishChangeResult(id, new ChangeResultRequest().verdict(ChangeVerdict.APPROVED)
                .reasoning("The core maintainers and both affected groups approved it."), null);
        ChangeProposal approved = awaitProposal(id, p -> p.getStatus() == ChangeStatus.APPROVED);
        assertThat(approved.getResult().getDecidedBy()).isEqualTo(publisher);
    }

    @Test
    @DisplayName("R17: the same change is rejected as soon as one affected group rejects it; the other ballots are cancelled on voting-service")
    void controversialChangeRejectedByOneGroup() throws Exception {
        String id = propose("Remove the deprecated functional aliases").getId();
        List<Approval> approvals = awaitApprovalsOpen(id);
        Approval nn = approvals.stream().filter(a -> "nn".equals(a.getModuleId())).findFirst().orElseThrow();
        for (String member : majorityOf(nn.getBallot().getElectorate())) {
            vote(nn.getBallot().getBallotId(), member, Choice.NO);
        }
        ChangeProposal awaiting = awaitProposal(id, p -> p.getStatus() == ChangeStatus.AWAITING_REASONING);
        assertThat(awaiting.getApprovals()).extracting(a -> a.getModuleId() + "=" + a.getOutcome().getValue())
                .containsExactly("null=CANCELLED", "nn=REJECTED", "vision=CANCELLED");
        for (Approval cancelled : List.of(approvals.get(0), approvals.get(2))) {
            awaitBallot(cancelled.getBallot().getBallotId(), b -> b.getStatus() == BallotStatus.CANCELLED);
        }

        String publisher = approvals.get(0).getBallot().getElectorate().get(0);
        as(publisher).changes().publishChangeResult(id, new ChangeResultRequest().verdict(ChangeVerdict.REJECTED)
                .reasoning("nn's group rejected it; the other ballots were cancelled."), null);
        awaitProposal(id, p -> p.getStatus() == ChangeStatus.REJECTED);
    }

    // --- helpers

    /** A motion a majority of the group carries (R4); returns its id as a module-level decision, once dispute-service has it. */
    private static String moduleMotion(String mover, String moduleId, String question) throws Exception {
        Ballot ballot = as(mover).ballots().openMotion(new MotionRequest().question(question)
                .body(MotionBody.MODULE_MAINTAINERS).moduleId(moduleId)
                .deadline(OffsetDateTime.now(ZoneOffset.UTC).plusHours(1)), null);
        voteYes(ballot.getId(), majorityOf(ballot.getElectorate()));
        awaitBallot(ballot.getId(), b -> b.getStatus() == BallotStatus.CLOSED);
        String decision = "motion:" + ballot.getId();
        await().atMost(PATIENCE).ignoreException(ApiException.class)
                .until(() -> anonymous().decisions().getDecision(decision).getDecision().getOutcome(), "CARRIED"::equals);
        return decision;
    }

    private static ChangeProposal propose(String title) throws Exception {
        return as("margaret").changes().proposeChange(new ChangeProposalRequest()
                .kind(ChangeKind.BACKWARDS_INCOMPATIBLE_API_CHANGE).title(title)
                .summary("Every module that touches parameters changes its code.")
                .affectedModules(List.of("nn", "vision"))
                .discussionIssue("https://github.com/example-org/core/issues/" + Math.abs(title.hashCode())), null);
    }

    /** R16: the CODEOWNERS file of vision, a repository module. */
    private static String visionCodeowners() throws Exception {
        return anonymous().files().getCodeowners("example-org/vision", null);
    }

    /** The core maintainers and the lead now (a core body's members). */
    private static List<String> coreMaintainers() throws Exception {
        return anonymous().roster().getRoster(null).getCoreMaintainers().stream().map(RosterMember::getPersonId)
                .toList();
    }

    private static List<Approval> awaitApprovalsOpen(String proposalId) {
        return awaitProposal(proposalId, p -> p.getApprovals().stream().allMatch(a ->
                "OPEN".equals(a.getBallot().getStatus().getValue()))).getApprovals();
    }

    private static ChangeProposal awaitProposal(String id, Predicate<ChangeProposal> condition) {
        return await().atMost(PATIENCE).until(() -> anonymous().changes().getChangeProposal(id), condition::test);
    }

    private static Dispute awaitDispute(String id, Predicate<Dispute> condition) {
        return await().atMost(PATIENCE).until(() -> anonymous().disputes().getDispute(id), condition::test);
    }
}
