package dev.charter.systemtests;

import dev.charter.client.audit.model.ChainLink;
import dev.charter.client.nominations.model.GroundWork;
import dev.charter.client.nominations.model.ModuleKind;
import dev.charter.client.nominations.model.ModuleProposal;
import dev.charter.client.nominations.model.ModuleProposalRequest;
import dev.charter.client.nominations.model.ModuleProposalStatus;
import dev.charter.client.nominations.model.ProposalAction;
import dev.charter.client.nominations.model.ProposalDecisionRequest;
import dev.charter.client.nominations.model.ProposalOutcome;
import dev.charter.client.registry.model.ActivityBatch;
import dev.charter.client.registry.model.ActivityItem;
import dev.charter.client.registry.model.ActivityKind;
import dev.charter.client.registry.model.DecisionMethod;
import dev.charter.client.registry.model.DecisionRule;
import dev.charter.client.registry.model.InactivityNotice;
import dev.charter.client.registry.model.ModuleSettings;
import dev.charter.client.registry.model.NominationProcess;
import dev.charter.client.registry.model.SettingsMotion;
import dev.charter.client.registry.model.SettingsMotionRequest;
import dev.charter.client.voting.model.Ballot;
import dev.charter.client.voting.model.BallotOutcome;
import dev.charter.client.voting.model.BallotStatus;
import dev.charter.client.voting.model.Choice;
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
 * The lifecycle of people and modules across the services (R4, R14, R15, R16), driven only through the generated
 * clients: a group's settings changed by its own vote on voting-service, a maintainer moved to emeritus by the
 * registry's inactivity sweep (every second here, with a grace period of ten seconds, and an appointment dated 2020
 * in the test roster: no waiting for real months), and a module added on a proposal the core maintainers accepted.
 * Each scenario uses its own modules and people of the shared test roster.
 */
@Order(2)
class LifecycleScenariosIT extends Scenarios {

    private static final Predicate<Ballot> OPEN = b -> b.getStatus() == BallotStatus.OPEN;

    @Test
    @DisplayName("R4: a group changes its decision rule by its own vote, under its current rule; the change names the ballot and the group's next ballot follows the new rule")
    void groupChangesItsRule() throws Exception {
        ModuleSettings unanimous = new ModuleSettings().nominationProcess(NominationProcess.CORE_MAINTAINERS)
                .decisionRule(new DecisionRule().method(DecisionMethod.UNANIMOUS)).inactivityPeriodDays(365);
        SettingsMotion motion = as("rosa").modules().proposeSettingsMotion("audio", new SettingsMotionRequest()
                .settings(unanimous).statement("Audio decisions touch every backend: we want everyone on board."), null);
        Ballot ballot = awaitBallot(motion.getBallotId(), OPEN);
        assertThat(ballot.getRequest().getMethod().getValue()).isEqualTo("MAJORITY");
        assertThat(ballot.getElectorate()).containsExactlyInAnyOrder("rosa", "sam", "tess");
        vote(ballot.getId(), "rosa", Choice.YES);
        vote(ballot.getId(), "sam", Choice.YES);
        awaitClosed(ballot.getId(), BallotOutcome.CARRIED);

        await().atMost(PATIENCE).until(() -> anonymous().modules().getModule("audio", null).getSettings()
                .getDecisionRule().getMethod() == DecisionMethod.UNANIMOUS);
        assertThat(anonymous().modules().getSettingsMotion("audio", motion.getId()).getStatus())
                .isEqualTo(SettingsMotion.StatusEnum.CARRIED);
        assertThat(history("audio")).filteredOn(e -> e.getEventType().contains("ModuleDecisionRuleChanged"))
                .singleElement().satisfies(e -> assertThat(e.getCanonicalJson()).contains(motion.getBallotId()));

        // voting-service's copy of the registry has the new rule: the group's next motion is decided unanimously
        Ballot next = await().atMost(PATIENCE).until(() -> as("tess").ballots().openMotion(new MotionRequest()
                .question("Drop the old resampler?").body(MotionBody.MODULE_MAINTAINERS).moduleId("audio")
                .deadline(OffsetDateTime.now(ZoneOffset.UTC).plusDays(7)), null),
                b -> b.getRequest().getMethod().getValue().equals("UNANIMOUS"));
        assertThat(next.getElectorate()).containsExactlyInAnyOrder("rosa", "sam", "tess");
    }

    @Test
    @DisplayName("R14, R16: a maintainer inactive past the group's period gets a public notice, stays inactive, moves to emeritus, and leaves CODEOWNERS and voting's electorates")
    void inactiveMaintainerMovesToEmeritus() throws Exception {
        assertThat(anonymous().files().getCodeowners(null, null)).contains("/torch/legacy/ @olga");
        // the last activity the registry learns of is old (2021); olga has held her seat since 2020
        as("ada").activity().reportActivity(new ActivityBatch().items(List.of(new ActivityItem().personId("olga")
                .moduleId("legacy").kind(ActivityKind.PULL_REQUEST_MERGED)
                .occurredAt(OffsetDateTime.parse("2021-06-01T12:00:00Z"))
                .url("https://github.com/example-org/core/pull/2021"))), null);
        // R4: the group lowers its inactivity period from ten years to 30 days by its own vote
        SettingsMotion motion = as("pat").modules().proposeSettingsMotion("legacy", new SettingsMotionRequest()
                .settings(new ModuleSettings().nominationProcess(NominationProcess.CORE_MAINTAINERS)
                        .decisionRule(new DecisionRule().method(DecisionMethod.MAJORITY)).inactivityPeriodDays(30))
                .statement("Thirty days, as the other modules."), null);
        String ballotId = awaitBallot(motion.getBallotId(), OPEN).getId();
        vote(ballotId, "pat", Choice.YES);
        vote(ballotId, "quinn", Choice.YES);
        awaitClosed(ballotId, BallotOutcome.CARRIED);

        // the sweep issues a public notice; the grace period passes without activity
        InactivityNotice notice = await().atMost(PATIENCE).until(() -> anonymous().activity()
                .getPersonActivity("olga").getNotices(), notices -> !notices.isEmpty()).get(0);
        assertThat(notice.getModuleId()).isEqualTo("legacy");
        assertThat(notice.getInactivityPeriodDays()).isEqualTo(30);
        assertThat(notice.getLastActivityAt()).isEqualTo(OffsetDateTime.parse("2021-06-01T12:00:00Z"));
        assertThat(notice.getGraceEndsAt()).isAfter(notice.getIssuedAt());

        await().atMost(PATIENCE).until(() -> ids(anonymous().modules().getModule("legacy", null).getEmeritus())
                .contains("olga"));
        assertThat(ids(anonymous().modules().getModule("legacy", null).getMaintainers()))
                .containsExactlyInAnyOrder("pat", "quinn");
        assertThat(anonymous().activity().getPersonActivity("olga").getNotices()).isEmpty();
        List<ChainLink> history = history("legacy");
        assertThat(history).filteredOn(e -> e.getEventType().contains("InactivityNoticeIssued")).hasSize(1);
        assertThat(history).filteredOn(e -> e.getEventType().contains("MovedToEmeritus")).singleElement()
                .satisfies(e -> assertThat(e.getCanonicalJson()).contains("\"reason\":\"INACTIVITY\"", "olga",
                        "\"inactivityPeriodDays\":30"));

        // R16: no longer an owner; voting-service's copy of the registry no longer counts her in the group
        await().atMost(PATIENCE).until(() -> !anonymous().files().getCodeowners(null, null).contains("@olga"));
        assertThat(anonymous().files().getCodeowners(null, null)).contains("/torch/legacy/ @pat @quinn");
        Ballot next = await().atMost(PATIENCE).until(() -> as("pat").ballots().openMotion(new MotionRequest()
                .question("Archive the old launcher?").body(MotionBody.MODULE_MAINTAINERS).moduleId("legacy")
                .deadline(OffsetDateTime.now(ZoneOffset.UTC).plusDays(7)), null),
                b -> !b.getElectorate().contains("olga"));
        assertThat(next.getElectorate()).containsExactlyInAnyOrder("pat", "quinn");
    }

    @Test
    @DisplayName("R15: a module proposal with its ground work, accepted by the core maintainers' ballot and a core maintainer's reasoning, adds the module with its settings and first maintainers")
    void moduleProposalAddsModule() throws Exception {
        ModuleProposal proposal = as("uma").moduleProposals().submitModuleProposal(new ModuleProposalRequest()
                .action(ProposalAction.ADD).moduleId("sparse").name("Sparse tensors").kind(ModuleKind.DIRECTORY)
                .location("torch/sparse")
                .groundWork(new GroundWork().problem("Sparse support is scattered; 40 open issues.")
                        .peopleConsulted("Researchers of three labs, the nn maintainers.")
                        .stateOfTheWorld("A third of new models use sparse weights: worth its maintenance cost.")
                        .maintainershipPlan("Uma and Victor review within a week.")
                        .developmentPlan("Move the kernels in one release.")
                        .communityPlan("A monthly office hour and a forum category."))
                .settings(new dev.charter.client.nominations.model.ModuleSettings()
                        .decisionRule(new dev.charter.client.nominations.model.DecisionRule()
                                .method(dev.charter.client.nominations.model.DecisionMethod.MAJORITY))
                        .nominationProcess(dev.charter.client.nominations.model.NominationProcess.OWN_GROUP)
                        .inactivityPeriodDays(180))
                .initialMaintainers(List.of("uma", "victor")), null);

        String ballotId = proposal.getBallot().getBallotId();
        Ballot ballot = awaitBallot(ballotId, OPEN);
        List<String> electorate = ballot.getElectorate();
        assertThat(electorate).as("the core maintainers decide").contains("core01").doesNotContain("uma");
        voteYes(ballotId, majorityOf(electorate));
        awaitClosed(ballotId, BallotOutcome.CARRIED);
        await().atMost(PATIENCE).until(() -> as(null).moduleProposals().getModuleProposal(proposal.getId())
                .getStatus() == ModuleProposalStatus.AWAITING_REASONING);
        as(electorate.get(0)).moduleProposals().publishModuleProposalDecision(proposal.getId(),
                new ProposalDecisionRequest().outcome(ProposalOutcome.ACCEPTED)
                        .reasoning("Worth its cost: a clear plan and two committed maintainers."), null);

        await().atMost(PATIENCE).until(() -> anonymous().files().getCodeowners(null, null)
                .contains("/torch/sparse/ @uma @victor"));
        var sparse = anonymous().modules().getModule("sparse", null);
        assertThat(sparse.getSettings().getNominationProcess()).isEqualTo(NominationProcess.OWN_GROUP);
        assertThat(sparse.getSettings().getInactivityPeriodDays()).isEqualTo(180);
        assertThat(anonymous().persons().getTenure("uma").getEntries()).singleElement().satisfies(seat -> {
            assertThat(seat.getModuleId()).isEqualTo("sparse");
            assertThat(seat.getStartDecision().getEventType()).isEqualTo("ModuleProposalAccepted");
            assertThat(seat.getStartDecision().getReference()).isEqualTo(proposal.getId());
        });
        assertThat(as(null).moduleProposals().getModuleProposal(proposal.getId()).getStatus())
                .isEqualTo(ModuleProposalStatus.ACCEPTED);
    }

    // --- helpers

    /** The registry's chained history of a module (its audit API). */
    private static List<ChainLink> history(String moduleId) throws Exception {
        return anonymous().registryAudit().getAggregateHistory(moduleId, null, null);
    }
}
