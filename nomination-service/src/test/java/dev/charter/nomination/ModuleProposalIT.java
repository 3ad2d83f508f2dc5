package dev.charter.nomination;

import com.fasterxml.jackson.databind.JsonNode;
import dev.charter.client.nominations.invoker.ApiException;
import dev.charter.client.nominations.model.BallotStatus;
import dev.charter.client.nominations.model.DecisionMethod;
import dev.charter.client.nominations.model.DecisionRule;
import dev.charter.client.nominations.model.GroundWork;
import dev.charter.client.nominations.model.ModuleKind;
import dev.charter.client.nominations.model.ModuleProposal;
import dev.charter.client.nominations.model.ModuleProposalRequest;
import dev.charter.client.nominations.model.ModuleProposalStatus;
import dev.charter.client.nominations.model.ModuleSettings;
import dev.charter.client.nominations.model.NominationProcess;
import dev.charter.client.nominations.model.ProposalAction;
import dev.charter.client.nominations.model.ProposalDecision;
import dev.charter.client.nominations.model.ProposalDecisionRequest;
import dev.charter.client.nominations.model.ProposalOutcome;
import dev.charter.client.nominations.model.WithdrawalRequest;
import dev.charter.contracts.nominations.NominationEvent.ModuleProposalAccepted;
import dev.charter.contracts.nominations.NominationEvent.ModuleProposalReviewRequested;
import dev.charter.contracts.nominations.NominationEvent.ModuleProposalWithdrawn;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.TallySummary;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * R15 module proposals end to end through the generated client: voting-service's ballot played on its topic,
 * the proposal's events read from charter.nominations.v1.
 */
class ModuleProposalIT extends NominationIntegrationTest {

    static final GroundWork WORK = new GroundWork().problem("Sparse layouts are scattered over five places.")
            .peopleConsulted("Ten researchers and the nn maintainers.")
            .stateOfTheWorld("A third of the open issues are about sparse tensors: worth the cost.")
            .maintainershipPlan("Bob and Ann maintain it; reviews within a week.")
            .developmentPlan("Move the code in one release.").communityPlan("A monthly office hour.");

    @Test
    @DisplayName("R15: a proposal to add a module, decided by the core maintainers' ballot, is accepted with the reasoning a core maintainer publishes; ModuleProposalAccepted carries its settings and first maintainers")
    void additionAccepted() throws Exception {
        ModuleProposal submitted = as("zoe").moduleProposals().submitModuleProposal(new ModuleProposalRequest()
                .action(ProposalAction.ADD).moduleId("Sparse").name("Sparse tensors").kind(ModuleKind.DIRECTORY)
                .location("torch/sparse").groundWork(WORK)
                .settings(new ModuleSettings().decisionRule(new DecisionRule().method(DecisionMethod.UNANIMOUS))
                        .nominationProcess(NominationProcess.OWN_GROUP).inactivityPeriodDays(90))
                .initialMaintainers(List.of("Bob", "ann")), null);
        assertThat(submitted.getStatus()).isEqualTo(ModuleProposalStatus.IN_REVIEW);
        assertThat(submitted.getModuleId()).isEqualTo("sparse");
        assertThat(submitted.getInitialMaintainers()).containsExactly("bob", "ann");
        assertThat(submitted.getBallot().getStatus()).isEqualTo(BallotStatus.StatusEnum.REQUESTED);
        String id = submitted.getId();

        BallotRequest request = awaitPublished(id, ModuleProposalReviewRequested.class).ballotRequest();
        assertThat(request.body()).isEqualTo(BallotBody.CORE_MAINTAINERS);
        assertThat(request.method()).isEqualTo(dev.charter.contracts.voting.DecisionMethod.MAJORITY);
        assertThat(request.subjectKind()).isEqualTo("MODULE_PROPOSAL");

        JsonNode second = problem(409, () -> as("yuri").moduleProposals().submitModuleProposal(
                new ModuleProposalRequest().action(ProposalAction.ADD).moduleId("sparse").name("Sparse")
                        .kind(ModuleKind.DIRECTORY).location("torch/sparse2").groundWork(WORK)
                        .settings(new ModuleSettings().decisionRule(new DecisionRule().method(DecisionMethod.MAJORITY))
                                .nominationProcess(NominationProcess.OWN_GROUP).inactivityPeriodDays(90))
                        .initialMaintainers(List.of("yuri")), null));
        assertThat(second.get("code").asText()).isEqualTo("open-proposal-exists");

        String ballotId = holdBallot(request, CORE, List.of(), BallotOutcome.CARRIED, yesNo(4, 0, 3, 1));
        ModuleProposal awaiting = awaitStatus(id, ModuleProposalStatus.AWAITING_REASONING);
        assertThat(awaiting.getBallot().getElectorate()).containsExactlyElementsOf(CORE);

        JsonNode outsider = problem(403, () -> as("zoe").moduleProposals().publishModuleProposalDecision(id,
                new ProposalDecisionRequest().outcome(ProposalOutcome.ACCEPTED).reasoning("I like it."), null));
        assertThat(outsider.get("code").asText()).isEqualTo("not-in-deciding-body");
        assertThat(outsider.get("rule").asText()).isEqualTo("R15");

        ProposalDecision decision = as("grace").moduleProposals().publishModuleProposalDecision(id,
                new ProposalDecisionRequest().outcome(ProposalOutcome.ACCEPTED)
                        .reasoning("Worth its maintenance cost; Bob and Ann have the review record."), null);
        assertThat(decision.getBallotId()).isEqualTo(ballotId);

        ModuleProposalAccepted accepted = awaitPublished(id, ModuleProposalAccepted.class);
        assertThat(accepted.moduleId()).isEqualTo("sparse");
        assertThat(accepted.initialMaintainers()).containsExactly("bob", "ann");
        assertThat(accepted.settings().inactivityPeriodDays()).isEqualTo(90);
        assertThat(accepted.decidedBy()).isEqualTo("grace");
        assertThat(accepted.tally()).isEqualTo(new TallySummary(4, 0, 3, 1, 0, BallotOutcome.CARRIED));
        ModuleProposal done = awaitStatus(id, ModuleProposalStatus.ACCEPTED);
        assertThat(done.getDecision().getReasoning()).startsWith("Worth its maintenance cost");
        assertThat(anonymous().moduleProposals().listModuleProposals(null, null, ProposalAction.ADD, "sparse", null,
                null).getItems()).extracting(ModuleProposal::getId).contains(id);
    }

    @Test
    @DisplayName("R15: a proposal without its ground work is refused with the missing parts named (problem+json), an unknown module is a 404, and the proposer withdraws a re-scope")
    void refusalsAndWithdrawal() throws Exception {
        JsonNode blank = problem(422, () -> as("zoe").moduleProposals().submitModuleProposal(new ModuleProposalRequest()
                .action(ProposalAction.RETIRE).moduleId("nn").groundWork(new GroundWork().problem("Unused.")
                        .peopleConsulted(" ").stateOfTheWorld("Nobody uses it.").maintainershipPlan("None.")
                        .developmentPlan("None.").communityPlan("Announce it.")), null));
        assertThat(blank.get("code").asText()).isEqualTo("ground-work-required");
        assertThat(blank.get("violations").get(0).get("field").asText()).isEqualTo("groundWork.peopleConsulted");
        problem(404, () -> as("zoe").moduleProposals().submitModuleProposal(new ModuleProposalRequest()
                .action(ProposalAction.RETIRE).moduleId("no-such").groundWork(WORK), null));
        problem(401, () -> anonymous().moduleProposals().submitModuleProposal(new ModuleProposalRequest()
                .action(ProposalAction.RETIRE).moduleId("nn").groundWork(WORK), null));

        ModuleProposal rescope = as("zoe").moduleProposals().submitModuleProposal(new ModuleProposalRequest()
                .action(ProposalAction.RESCOPE).moduleId("nn").name("Neural network layers")
                .kind(ModuleKind.DIRECTORY).location("torch/nn/modules").groundWork(WORK), null);
        problem(403, () -> as("ada").moduleProposals().withdrawModuleProposal(rescope.getId(),
                new WithdrawalRequest().reason("Not mine to withdraw."), null));
        as("zoe").moduleProposals().withdrawModuleProposal(rescope.getId(),
                new WithdrawalRequest().reason("Folded into a larger proposal."), null);
        ModuleProposalWithdrawn withdrawn = awaitPublished(rescope.getId(), ModuleProposalWithdrawn.class);
        assertThat(withdrawn.ballotRequestId()).isEqualTo("module-proposal:" + rescope.getId() + ":review");
        ModuleProposal done = awaitStatus(rescope.getId(), ModuleProposalStatus.WITHDRAWN);
        assertThat(done.getWithdrawal().getWithdrawnBy()).isEqualTo("zoe");
    }

    private ModuleProposal awaitStatus(String proposalId, ModuleProposalStatus status) {
        return await().atMost(WAIT).ignoreException(ApiException.class)
                .until(() -> anonymous().moduleProposals().getModuleProposal(proposalId),
                        p -> p.getStatus() == status);
    }
}
