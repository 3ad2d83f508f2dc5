package dev.charter.nomination.proposal;

import dev.charter.contracts.disputes.ModuleSettings;
import dev.charter.contracts.nominations.GroundWork;
import dev.charter.contracts.nominations.NominationEvent.ModuleProposalAccepted;
import dev.charter.contracts.nominations.NominationEvent.ModuleProposalAwaitingReasoning;
import dev.charter.contracts.nominations.NominationEvent.ModuleProposalBallotOpened;
import dev.charter.contracts.nominations.NominationEvent.ModuleProposalDeclined;
import dev.charter.contracts.nominations.NominationEvent.ModuleProposalReviewRequested;
import dev.charter.contracts.nominations.NominationEvent.ModuleProposalSubmitted;
import dev.charter.contracts.nominations.NominationEvent.ModuleProposalWithdrawn;
import dev.charter.contracts.nominations.ProposalAction;
import dev.charter.contracts.registry.ModuleKind;
import dev.charter.contracts.registry.NominationProcess;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.CloseReason;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.contracts.voting.TallySummary;
import dev.charter.nomination.proposal.ModuleProposalCommands.ProposalVerdict;
import dev.charter.nomination.proposal.ModuleProposalCommands.PublishProposalDecision;
import dev.charter.nomination.proposal.ModuleProposalCommands.RecordProposalBallotClosed;
import dev.charter.nomination.proposal.ModuleProposalCommands.RecordProposalBallotOpened;
import dev.charter.nomination.proposal.ModuleProposalCommands.SubmitModuleProposal;
import dev.charter.nomination.proposal.ModuleProposalCommands.WithdrawModuleProposal;
import dev.charter.nomination.proposal.ModuleProposalViews.ProposalDecisionView;
import dev.charter.platform.roster.ModuleFacts;
import dev.charter.platform.roster.PersonStanding;
import dev.charter.platform.web.GovernanceException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.charter.nomination.Fixtures.BALLOT;
import static dev.charter.nomination.Fixtures.SETTINGS;
import static dev.charter.nomination.Fixtures.person;
import static dev.charter.testsupport.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The ModuleProposal aggregate (R15), one test per rule branch. */
class ModuleProposalTest {

    static final String ID = "p-1";
    static final String REQUEST = "module-proposal:p-1:review";
    static final Instant T0 = Instant.parse("2100-02-01T10:00:00Z");
    static final String RULES = "rules-test";
    static final GroundWork WORK = new GroundWork("Sparse layouts are scattered over five places.",
            "Ten researchers and the vision maintainers.", "Worth its cost: a third of the issues are sparse.",
            "Barbara and Ann maintain it.", "One release to move the code.", "A monthly office hour.");
    static final ModuleSettings SETTINGS_PROPOSED = new ModuleSettings(
            new DecisionRule(DecisionMethod.UNANIMOUS, null, null, null), NominationProcess.OWN_GROUP, 90);
    static final ModuleFacts NN = new ModuleFacts("nn", "Neural networks", ModuleFacts.Status.ACTIVE,
            NominationProcess.CORE_MAINTAINERS, DecisionRule.majority(), 365);
    static final TallySummary CARRIED = new TallySummary(3, 0, 2, 1, 0, BallotOutcome.CARRIED);
    static final TallySummary REJECTED = new TallySummary(3, 0, 1, 2, 0, BallotOutcome.REJECTED);

    private AggregateTestFixture<ModuleProposal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ModuleProposal.class);
        fixture.registerInjectableResource(SETTINGS);
    }

    // --- submission

    @Test
    @DisplayName("R15: anyone proposes to add a module with its ground work, settings and first maintainers; the core maintainers' ballot is requested at once")
    void addRequestsCoreBallot() {
        ModuleProposalSubmitted submitted = added();
        fixture.when(add(SETTINGS_PROPOSED, person("barbara"), person("ann")))
                .expectEvents(submitted, new ModuleProposalReviewRequested(ID, BallotRequest.yesNo(REQUEST,
                        "MODULE_PROPOSAL", ID, "Add module sparse (Sparse tensors, DIRECTORY torch/sparse) with "
                                + "maintainers barbara, ann? (R15)", BallotBody.CORE_MAINTAINERS, null,
                        DecisionRule.majority(), T0.plus(BALLOT), List.of(), "zoe")))
                .expectResultMessagePayload(submitted);
    }

    @Test
    @DisplayName("R15: a proposal without all of its ground work is refused, every missing part named (422)")
    void groundWorkRequired() {
        GroundWork partial = new GroundWork("A problem.", " ", "State.", null, "Plan.", "Community.");
        fixture.when(new SubmitModuleProposal(ID, ProposalAction.RETIRE, "nn", null, null, null, null, partial, null,
                        List.of(), "zoe", T0, new ProposalFacts(NN, List.of())))
                .expectException(refusal(GovernanceException.RuleViolation.class, "ground-work-required", "R15"))
                .expectNoEvents();
        GovernanceException refused = catchThrowableOfType(GovernanceException.class,
                () -> ProposalRules.groundWork(partial));
        assertThat(refused.violations()).extracting(v -> v.get("field"))
                .containsExactly("groundWork.peopleConsulted", "groundWork.maintainershipPlan");
    }

    @Test
    @DisplayName("R15, R4: an addition states the group's settings (no silent defaults), each as a group may have them")
    void additionStatesSettings() {
        fixture.when(add(new ModuleSettings(null, NominationProcess.OWN_GROUP, 90), person("barbara")))
                .expectException(refusal(GovernanceException.RuleViolation.class, "settings-required", "R15"));
        fixture.when(add(new ModuleSettings(new DecisionRule(DecisionMethod.SOLE_DECIDER, null, null, null),
                        NominationProcess.OWN_GROUP, 90), person("barbara")))
                .expectException(refusal(GovernanceException.RuleViolation.class, "invalid-decision-rule", "R4"));
        fixture.when(add(new ModuleSettings(DecisionRule.majority(), NominationProcess.OWN_GROUP, 0),
                        person("barbara")))
                .expectException(refusal(GovernanceException.RuleViolation.class, "invalid-inactivity-period", "R14"));
    }

    @Test
    @DisplayName("R15, R2: an addition names at least one initial maintainer, each a registered individual")
    void additionNamesRegisteredMaintainers() {
        fixture.when(add(SETTINGS_PROPOSED))
                .expectException(refusal(GovernanceException.RuleViolation.class, "initial-maintainers-required",
                        "R15"));
        fixture.when(add(SETTINGS_PROPOSED, person("barbara"), PersonStanding.outsider("acme-corp")))
                .expectException(refusal(GovernanceException.RuleViolation.class, "not-a-registered-person", "R2"));
    }

    @Test
    @DisplayName("R15, R3: an addition names a new module id and a valid location")
    void additionOfNewModule() {
        fixture.when(new SubmitModuleProposal(ID, ProposalAction.ADD, "nn", "NN", ModuleKind.DIRECTORY, "torch/nn",
                        null, WORK, SETTINGS_PROPOSED, List.of("barbara"), "zoe", T0,
                        new ProposalFacts(NN, List.of(person("barbara")))))
                .expectException(refusal(GovernanceException.Conflict.class, "module-exists", "R15"));
        fixture.when(new SubmitModuleProposal(ID, ProposalAction.ADD, "sparse", "Sparse", ModuleKind.REPOSITORY,
                        "not a repository", null, WORK, SETTINGS_PROPOSED, List.of("barbara"), "zoe", T0,
                        new ProposalFacts(null, List.of(person("barbara")))))
                .expectException(refusal(GovernanceException.RuleViolation.class, "invalid-location", "R3"));
    }

    @Test
    @DisplayName("R15: a re-scope names an active module and where it goes, and carries no settings nor maintainers")
    void rescope() {
        fixture.when(rescope(NN, null))
                .expectEvents(new ModuleProposalSubmitted(ID, ProposalAction.RESCOPE, "nn", "Neural network layers",
                                ModuleKind.DIRECTORY, "torch/nn/modules", null, WORK, null, List.of(), "zoe"),
                        new ModuleProposalReviewRequested(ID, BallotRequest.yesNo(REQUEST, "MODULE_PROPOSAL", ID,
                                "Re-scope module nn to Neural network layers, DIRECTORY torch/nn/modules? (R15)",
                                BallotBody.CORE_MAINTAINERS, null, DecisionRule.majority(), T0.plus(BALLOT), List.of(),
                                "zoe")));
        fixture.when(rescope(null, null))
                .expectException(refusal(GovernanceException.NotFound.class, "no-such-module", null));
        fixture.when(rescope(new ModuleFacts("nn", "NN", ModuleFacts.Status.RETIRED, NominationProcess.OWN_GROUP,
                        DecisionRule.majority(), 365), null))
                .expectException(refusal(GovernanceException.Conflict.class, "module-retired", "R15"));
        fixture.when(rescope(NN, SETTINGS_PROPOSED))
                .expectException(refusal(GovernanceException.BadInput.class, "unexpected-settings", null));
    }

    @Test
    @DisplayName("R15: a retirement names an active module only")
    void retire() {
        fixture.when(new SubmitModuleProposal(ID, ProposalAction.RETIRE, "nn", null, null, null, "Folded into core.",
                        WORK, null, List.of(), "zoe", T0, new ProposalFacts(NN, List.of())))
                .expectEvents(new ModuleProposalSubmitted(ID, ProposalAction.RETIRE, "nn", null, null, null,
                                "Folded into core.", WORK, null, List.of(), "zoe"),
                        new ModuleProposalReviewRequested(ID, BallotRequest.yesNo(REQUEST, "MODULE_PROPOSAL", ID,
                                "Retire module nn, ending its maintainers' seats? (R15)", BallotBody.CORE_MAINTAINERS,
                                null, DecisionRule.majority(), T0.plus(BALLOT), List.of(), "zoe")));
        fixture.when(new SubmitModuleProposal(ID, ProposalAction.RETIRE, "nn", "NN", null, null, null, WORK, null,
                        List.of(), "zoe", T0, new ProposalFacts(NN, List.of())))
                .expectException(refusal(GovernanceException.BadInput.class, "unexpected-scope", null));
    }

    // --- the ballot and the decision

    @Test
    @DisplayName("R15: the opened ballot fixes the electorate once; a ballot of another request changes nothing")
    void ballotOpenedOnce() {
        ModuleProposalBallotOpened opened = new ModuleProposalBallotOpened(ID, "b-1", List.of("ada", "grace"),
                List.of());
        fixture.given(added(), requested())
                .when(new RecordProposalBallotOpened(ID, "b-1", REQUEST, List.of("ada", "grace"), List.of()))
                .expectEvents(opened);
        fixture.given(added(), requested(), opened)
                .when(new RecordProposalBallotOpened(ID, "b-1", REQUEST, List.of("ada"), List.of()))
                .expectNoEvents();
        fixture.given(added(), requested())
                .when(new RecordProposalBallotClosed(ID, "b-9", "another:request", CARRIED, CloseReason.DEADLINE,
                        null))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R15, R7: once the ballot carried, a core maintainer of its electorate publishes the reasoning and the proposal is accepted with its settings and first maintainers")
    void accepted() {
        fixture.given(added(), requested(), opened(), closed(CARRIED, null))
                .when(decide("grace", ProposalVerdict.ACCEPTED))
                .expectEvents(new ModuleProposalAccepted(ID, ProposalAction.ADD, "sparse", "Sparse tensors",
                        ModuleKind.DIRECTORY, "torch/sparse", "Sparse layouts.", List.of("barbara", "ann"),
                        SETTINGS_PROPOSED, "Worth its maintenance cost.", "grace", "b-1", CARRIED, RULES))
                .expectResultMessagePayload(new ProposalDecisionView(ProposalVerdict.ACCEPTED,
                        "Worth its maintenance cost.", "grace", T0, "b-1", CARRIED, RULES));
    }

    @Test
    @DisplayName("R15: a rejected ballot declines the proposal, with reasoning; the outcome stated must be the ballot's (422)")
    void declined() {
        fixture.given(added(), requested(), opened(), closed(REJECTED, null))
                .when(decide("ada", ProposalVerdict.ACCEPTED))
                .expectException(refusal(GovernanceException.RuleViolation.class, "outcome-mismatch", "R15"));
        fixture.given(added(), requested(), opened(), closed(REJECTED, null))
                .when(decide("ada", ProposalVerdict.DECLINED))
                .expectEvents(new ModuleProposalDeclined(ID, ProposalAction.ADD, "sparse",
                        "Worth its maintenance cost.", "ada", "b-1", REJECTED, RULES));
    }

    @Test
    @DisplayName("R15, R7: only a member of the ballot's electorate publishes the reasoning (403), only after the ballot closed (409), once (409)")
    void whoAndWhenPublishes() {
        fixture.given(added(), requested(), opened(), closed(CARRIED, null))
                .when(decide("zoe", ProposalVerdict.ACCEPTED))
                .expectException(refusal(GovernanceException.NotAllowed.class, "not-in-deciding-body", "R15"));
        fixture.given(added(), requested(), opened())
                .when(decide("grace", ProposalVerdict.ACCEPTED))
                .expectException(refusal(GovernanceException.Conflict.class, "ballot-not-closed", "R15"));
        fixture.given(added(), requested(), opened(), closed(REJECTED, null), new ModuleProposalDeclined(ID,
                        ProposalAction.ADD, "sparse", "No.", "ada", "b-1", REJECTED, RULES))
                .when(decide("grace", ProposalVerdict.DECLINED))
                .expectException(refusal(GovernanceException.Conflict.class, "already-decided", "R15"));
    }

    @Test
    @DisplayName("R15, R8: when the lead decided a tie of the core maintainers, the lead publishes the reasoning")
    void leadDecidedTie() {
        fixture.given(added(), requested(), new ModuleProposalBallotOpened(ID, "b-1", List.of("grace", "linus"),
                        List.of()), closed(CARRIED, "ada"))
                .when(decide("ada", ProposalVerdict.ACCEPTED))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("R15: the proposer withdraws before the decision (the ballot is cancelled); nobody else may, and not after it")
    void withdraw() {
        fixture.given(added(), requested(), opened())
                .when(new WithdrawModuleProposal(ID, "zoe", "Merged into another proposal."))
                .expectEvents(new ModuleProposalWithdrawn(ID, "zoe", "Merged into another proposal.", REQUEST));
        fixture.given(added(), requested())
                .when(new WithdrawModuleProposal(ID, "ada", "No."))
                .expectException(refusal(GovernanceException.NotAllowed.class, "not-the-proposer", "R15"));
        fixture.given(added(), requested(), opened(), closed(CARRIED, null), new ModuleProposalAccepted(ID,
                        ProposalAction.ADD, "sparse", "Sparse tensors", ModuleKind.DIRECTORY, "torch/sparse", null,
                        List.of("barbara"), SETTINGS_PROPOSED, "Yes.", "grace", "b-1", CARRIED, RULES))
                .when(new WithdrawModuleProposal(ID, "zoe", "Too late."))
                .expectException(refusal(GovernanceException.Conflict.class, "already-decided", "R15"));
    }

    // --- helpers

    private static SubmitModuleProposal add(ModuleSettings settings, PersonStanding... maintainers) {
        List<PersonStanding> people = List.of(maintainers);
        return new SubmitModuleProposal(ID, ProposalAction.ADD, "sparse", " Sparse tensors ", ModuleKind.DIRECTORY,
                "/torch/sparse/", "Sparse layouts.", WORK, settings,
                people.stream().map(PersonStanding::personId).toList(), "zoe", T0, new ProposalFacts(null, people));
    }

    private static SubmitModuleProposal rescope(ModuleFacts module, ModuleSettings settings) {
        return new SubmitModuleProposal(ID, ProposalAction.RESCOPE, "nn", "Neural network layers",
                ModuleKind.DIRECTORY, "torch/nn/modules", null, WORK, settings, List.of(), "zoe", T0,
                new ProposalFacts(module, List.of()));
    }

    private static ModuleProposalSubmitted added() {
        return new ModuleProposalSubmitted(ID, ProposalAction.ADD, "sparse", "Sparse tensors", ModuleKind.DIRECTORY,
                "torch/sparse", "Sparse layouts.", WORK, SETTINGS_PROPOSED, List.of("barbara", "ann"), "zoe");
    }

    private static ModuleProposalReviewRequested requested() {
        return new ModuleProposalReviewRequested(ID, BallotRequest.yesNo(REQUEST, "MODULE_PROPOSAL", ID, "Add?",
                BallotBody.CORE_MAINTAINERS, null, DecisionRule.majority(), T0.plus(BALLOT), List.of(), "zoe"));
    }

    private static ModuleProposalBallotOpened opened() {
        return new ModuleProposalBallotOpened(ID, "b-1", List.of("ada", "grace", "linus"), List.of());
    }

    private static ModuleProposalAwaitingReasoning closed(TallySummary tally, String decidedBy) {
        return new ModuleProposalAwaitingReasoning(ID, "b-1", tally,
                decidedBy == null ? CloseReason.OUTCOME_SETTLED : CloseReason.DECIDED_BY_LEAD, decidedBy);
    }

    private static PublishProposalDecision decide(String person, ProposalVerdict verdict) {
        return new PublishProposalDecision(ID, person, verdict, " Worth its maintenance cost. ", RULES, T0);
    }
}
