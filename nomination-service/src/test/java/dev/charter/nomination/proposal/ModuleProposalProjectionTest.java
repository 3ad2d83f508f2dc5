package dev.charter.nomination.proposal;

import dev.charter.contracts.nominations.NominationEvent.ModuleProposalAccepted;
import dev.charter.contracts.nominations.NominationEvent.ModuleProposalAwaitingReasoning;
import dev.charter.contracts.nominations.NominationEvent.ModuleProposalReviewRequested;
import dev.charter.contracts.nominations.NominationEvent.ModuleProposalSubmitted;
import dev.charter.contracts.nominations.NominationEvent.ModuleProposalWithdrawn;
import dev.charter.contracts.nominations.ProposalAction;
import dev.charter.contracts.registry.ModuleKind;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotIds;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.CloseReason;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.nomination.proposal.ModuleProposalCommands.ProposalVerdict;
import dev.charter.nomination.proposal.ModuleProposalViews.ModuleProposalView;
import dev.charter.nomination.proposal.ModuleProposalViews.ProposalFilter;
import dev.charter.platform.axon.AxonPersistenceAutoConfiguration;
import dev.charter.platform.jdbc.Columns;
import dev.charter.testsupport.TestInfrastructure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.List;

import static dev.charter.nomination.proposal.ModuleProposalTest.CARRIED;
import static dev.charter.nomination.proposal.ModuleProposalTest.SETTINGS_PROPOSED;
import static dev.charter.nomination.proposal.ModuleProposalTest.WORK;
import static org.assertj.core.api.Assertions.assertThat;

/** The module proposals projection: events in, then the queries (a real PostgreSQL). */
class ModuleProposalProjectionTest {

    private static final Instant T0 = Instant.parse("2026-02-01T10:00:00Z");
    private static final Columns COLUMNS = new Columns(AxonPersistenceAutoConfiguration.eventObjectMapper());

    private final JdbcClient jdbc = JdbcClient.create(TestInfrastructure.migratedDatabase("nomination",
            "classpath:db/migration/nomination"));
    private final ModuleProposalProjection projection = new ModuleProposalProjection(jdbc, COLUMNS);
    private final ModuleProposalQueries queries = new ModuleProposalQueries(jdbc, COLUMNS);

    @Test
    @DisplayName("R15: a proposal with its ground work, settings and first maintainers, its ballot, and the decision with reasoning")
    void decided() {
        projection.on(submitted("p1", ProposalAction.ADD, "sparse"), T0);
        String requestId = ModuleProposal.requestId("p1");
        projection.on(new ModuleProposalReviewRequested("p1", BallotRequest.yesNo(requestId, "MODULE_PROPOSAL", "p1",
                "Add?", BallotBody.CORE_MAINTAINERS, null, DecisionRule.majority(), T0, List.of(), "zoe")));
        ModuleProposalView inReview = queries.find("p1").orElseThrow();
        assertThat(inReview.status()).isEqualTo(ModuleProposal.Status.IN_REVIEW);
        assertThat(inReview.groundWork()).isEqualTo(WORK);
        assertThat(inReview.settings()).isEqualTo(SETTINGS_PROPOSED);
        assertThat(inReview.initialMaintainers()).containsExactly("barbara", "ann");
        assertThat(inReview.ballotId()).isEqualTo(BallotIds.forRequest(requestId));

        projection.on(new ModuleProposalAwaitingReasoning("p1", "b-1", CARRIED, CloseReason.OUTCOME_SETTLED, null));
        assertThat(queries.find("p1").orElseThrow().status()).isEqualTo(ModuleProposal.Status.AWAITING_REASONING);
        projection.on(new ModuleProposalAccepted("p1", ProposalAction.ADD, "sparse", "Sparse", ModuleKind.DIRECTORY,
                "torch/sparse", null, List.of("barbara", "ann"), SETTINGS_PROPOSED, "Worth it.", "grace", "b-1",
                CARRIED, "rules-1"), T0.plusSeconds(60));
        ModuleProposalView accepted = queries.find("p1").orElseThrow();
        assertThat(accepted.status()).isEqualTo(ModuleProposal.Status.ACCEPTED);
        assertThat(accepted.decision().outcome()).isEqualTo(ProposalVerdict.ACCEPTED);
        assertThat(accepted.decision().reasoning()).isEqualTo("Worth it.");
        assertThat(accepted.decision().tally()).isEqualTo(CARRIED);
        assertThat(accepted.decision().decidedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    @DisplayName("R15: the list filters open proposals by action and module; a withdrawn one is no longer open")
    void filters() {
        projection.on(submitted("p1", ProposalAction.ADD, "sparse"), T0);
        projection.on(submitted("p2", ProposalAction.RETIRE, "legacy"), T0);
        projection.on(new ModuleProposalWithdrawn("p2", "zoe", "Not now.", null), T0);
        assertThat(queries.list(new ProposalFilter(true, null, null, null), 0, 10))
                .extracting(ModuleProposalView::proposalId).containsExactly("p1");
        assertThat(queries.list(new ProposalFilter(null, null, ProposalAction.RETIRE, "legacy"), 0, 10))
                .singleElement().satisfies(p -> assertThat(p.withdrawal().reason()).isEqualTo("Not now."));
    }

    private static ModuleProposalSubmitted submitted(String id, ProposalAction action, String moduleId) {
        return action == ProposalAction.ADD
                ? new ModuleProposalSubmitted(id, action, moduleId, "Sparse", ModuleKind.DIRECTORY, "torch/sparse",
                null, WORK, SETTINGS_PROPOSED, List.of("barbara", "ann"), "zoe")
                : new ModuleProposalSubmitted(id, action, moduleId, null, null, null, null, WORK, null, List.of(),
                "zoe");
    }
}
