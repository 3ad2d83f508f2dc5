package dev.charter.registry.module;

import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.registry.ModuleKind;
import dev.charter.contracts.registry.NominationProcess;
import dev.charter.contracts.registry.PublicationKind;
import dev.charter.contracts.registry.RegistryEvent.MaintainerAppointed;
import dev.charter.contracts.registry.RegistryEvent.MaintainerRemoved;
import dev.charter.contracts.registry.RegistryEvent.ModuleAdded;
import dev.charter.contracts.registry.RegistryEvent.ModuleDecisionRuleChanged;
import dev.charter.contracts.registry.RegistryEvent.ModuleInactivityPeriodChanged;
import dev.charter.contracts.registry.RegistryEvent.ModuleNominationProcessChanged;
import dev.charter.contracts.registry.RegistryEvent.ModuleRescoped;
import dev.charter.contracts.registry.RegistryEvent.ModuleRetired;
import dev.charter.contracts.registry.RegistryEvent.MovedToEmeritus;
import dev.charter.contracts.registry.RegistryEvent.PublicationAdded;
import dev.charter.contracts.registry.RemovalReason;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.contracts.voting.ThresholdBase;
import dev.charter.platform.web.GovernanceException;
import dev.charter.registry.module.ModuleCommands.AddModule;
import dev.charter.registry.module.ModuleCommands.AddPublication;
import dev.charter.registry.module.ModuleCommands.AppointModuleMaintainer;
import dev.charter.registry.module.ModuleCommands.ChangeModuleSettings;
import dev.charter.registry.module.ModuleCommands.ProposeSettingsMotion;
import dev.charter.registry.lifecycle.CoreDecision;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.registry.module.ModuleCommands.MoveModuleMaintainerToEmeritus;
import dev.charter.registry.module.ModuleCommands.RemoveModuleMaintainer;
import dev.charter.registry.module.ModuleCommands.RescopeModule;
import dev.charter.registry.module.ModuleCommands.RetireModule;
import dev.charter.registry.module.ModuleCommands.Settings;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static dev.charter.registry.module.ModuleTestSupport.coreMaintainers;
import static dev.charter.registry.module.ModuleTestSupport.registered;
import static dev.charter.testsupport.Refusals.refusal;

/** The Module aggregate: a module and its maintainer group, one test per rule branch. */
class ModuleTest {

    private static final DecisionRef NOMINATION = new DecisionRef("charter.nominations.v1", "NominationConfirmed",
            "event-1", "nomination-1");
    private static final DecisionRef PROPOSAL = new DecisionRef("charter.nominations.v1", "ModuleProposalAccepted",
            "event-0", "proposal-1");
    private static final ModuleAdded NN = new ModuleAdded("nn", "Neural networks", ModuleKind.DIRECTORY, "torch/nn",
            null, DecisionRule.majority(), NominationProcess.CORE_MAINTAINERS, 365, PROPOSAL);
    private static final MaintainerAppointed BOB = new MaintainerAppointed("bob", Role.MODULE_MAINTAINER, "nn",
            PROPOSAL);

    /** A carried motion of the core maintainers, as the registry's copy of the voting stream has it. */
    static final CoreDecision CORE_MOTION = new CoreDecision("core-ballot", BallotBody.CORE_MAINTAINERS, "MOTION",
            "CLOSED", BallotOutcome.CARRIED, new DecisionRef("charter.voting.v1", "BallotClosed", "event-c",
            "core-ballot"));
    static final Instant DEADLINE = Instant.parse("2026-06-08T00:00:00Z");

    private AggregateTestFixture<Module> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Module.class);
        fixture.registerInjectableResource(registered("ada", "bob", "cleo"));
        fixture.registerInjectableResource(coreMaintainers("ada"));
    }

    @Test
    @DisplayName("R3: a module is a directory of the core repository, located by its path without slashes")
    void addsDirectoryModule() {
        fixture.givenNoPriorActivity()
                .when(new AddModule("nn", "Neural networks", ModuleKind.DIRECTORY, "/torch/nn/", null, null, null, 365,
                        List.of("ada"), PROPOSAL))
                .expectEvents(NN, new MaintainerAppointed("ada", Role.MODULE_MAINTAINER, "nn", PROPOSAL));
    }

    @Test
    @DisplayName("R3: a repository module is located at owner/name; anything else is refused (422)")
    void repositoryLocation() {
        fixture.givenNoPriorActivity()
                .when(new AddModule("vision", "Vision", ModuleKind.REPOSITORY, "vision", null, null, null, 365,
                        List.of(), PROPOSAL))
                .expectException(refusal(GovernanceException.RuleViolation.class, "invalid-location", "R3"));
    }

    @Test
    @DisplayName("R2: only registered individuals take seats")
    void onlyRegisteredPersons() {
        fixture.given(NN)
                .when(new AppointModuleMaintainer("nn", "acme-corp", NOMINATION))
                .expectException(refusal(GovernanceException.RuleViolation.class, "not-a-registered-person", "R2"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R9: a confirmed nomination appoints the maintainer, naming the decision")
    void appoints() {
        fixture.given(NN)
                .when(new AppointModuleMaintainer("nn", "bob", NOMINATION))
                .expectEvents(new MaintainerAppointed("bob", Role.MODULE_MAINTAINER, "nn", NOMINATION));
    }

    @Test
    @DisplayName("R1: the same decision applied twice changes nothing; another decision for a sitting maintainer is a 409")
    void idempotentAppointment() {
        MaintainerAppointed appointed = new MaintainerAppointed("bob", Role.MODULE_MAINTAINER, "nn", NOMINATION);
        fixture.given(NN, appointed)
                .when(new AppointModuleMaintainer("nn", "bob", NOMINATION))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(NN, appointed)
                .when(new AppointModuleMaintainer("nn", "bob", new DecisionRef("charter.nominations.v1",
                        "NominationConfirmed", "event-2", "nomination-2")))
                .expectException(refusal(GovernanceException.Conflict.class, "already-a-maintainer", "R1"));
    }

    @Test
    @DisplayName("R10: a confirmed removal ends the seat, once; removing a non-maintainer is a 409")
    void removes() {
        MaintainerRemoved removed = new MaintainerRemoved("bob", Role.MODULE_MAINTAINER, "nn", RemovalReason.REMOVED,
                NOMINATION);
        fixture.given(NN, BOB)
                .when(new RemoveModuleMaintainer("nn", "bob", NOMINATION))
                .expectEvents(removed);
        fixture.given(NN, BOB, removed)
                .when(new RemoveModuleMaintainer("nn", "bob", NOMINATION))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(NN)
                .when(new RemoveModuleMaintainer("nn", "bob", NOMINATION))
                .expectException(refusal(GovernanceException.Conflict.class, "not-a-maintainer", "R10"));
    }

    @Test
    @DisplayName("R14: a maintainer moves to emeritus and is reinstated by a later appointment")
    void emeritus() {
        MovedToEmeritus moved = MovedToEmeritus.imported("bob", Role.MODULE_MAINTAINER, "nn", NOMINATION);
        fixture.given(NN, BOB)
                .when(new MoveModuleMaintainerToEmeritus("nn", "bob", NOMINATION))
                .expectEvents(moved);
        DecisionRef later = new DecisionRef("charter.nominations.v1", "NominationConfirmed", "event-9", "n-9");
        fixture.given(NN, BOB, moved)
                .when(new AppointModuleMaintainer("nn", "bob", later))
                .expectEvents(new MaintainerAppointed("bob", Role.MODULE_MAINTAINER, "nn", later));
    }

    @Test
    @DisplayName("R14: only a sitting maintainer moves to emeritus (409), and only once, but for the bootstrap import")
    void emeritusChecks() {
        fixture.given(NN)
                .when(new MoveModuleMaintainerToEmeritus("nn", "bob", NOMINATION))
                .expectException(refusal(GovernanceException.Conflict.class, "not-a-maintainer", "R14"));
        fixture.given(NN, MovedToEmeritus.imported("bob", Role.MODULE_MAINTAINER, "nn", PROPOSAL))
                .when(new MoveModuleMaintainerToEmeritus("nn", "bob", NOMINATION))
                .expectException(refusal(GovernanceException.Conflict.class, "already-emeritus", "R14"));
        DecisionRef bootstrap = DecisionRef.bootstrap("import-1");
        fixture.given(NN)
                .when(new MoveModuleMaintainerToEmeritus("nn", "bob", bootstrap))
                .expectEvents(MovedToEmeritus.imported("bob", Role.MODULE_MAINTAINER, "nn", bootstrap));
    }

    @Test
    @DisplayName("R4: a core maintainer applies a carried motion of the core maintainers; only the changed settings produce events, each naming that ballot; the answer is the settings now")
    void coreDecisionChangesSettings() {
        DecisionRule supermajority = new DecisionRule(DecisionMethod.SUPERMAJORITY, 0.75, null, null);
        DecisionRule seated = new DecisionRule(DecisionMethod.SUPERMAJORITY, 0.75, ThresholdBase.SEATED, null);
        fixture.given(NN, BOB)
                .when(new ChangeModuleSettings("nn", supermajority, NominationProcess.CORE_MAINTAINERS, 180, "ada",
                        "core-ballot", CORE_MOTION))
                .expectEvents(new ModuleDecisionRuleChanged("nn", seated, CORE_MOTION.decision()),
                        new ModuleInactivityPeriodChanged("nn", 180, CORE_MOTION.decision()))
                .expectResultMessagePayload(new Settings(seated, NominationProcess.CORE_MAINTAINERS, 180));
    }

    @Test
    @DisplayName("R4: a group's settings are its own decision: a maintainer of the module may not change them directly (403), a core maintainer only on a carried core motion (422)")
    void directChangeNeedsCarriedCoreMotion() {
        fixture.given(NN, BOB)
                .when(new ChangeModuleSettings("nn", null, NominationProcess.OWN_GROUP, 365, "bob", "core-ballot",
                        CORE_MOTION))
                .expectException(refusal(GovernanceException.NotAllowed.class, "not-a-core-maintainer", "R4"))
                .expectNoEvents();
        fixture.given(NN, BOB)
                .when(new ChangeModuleSettings("nn", null, NominationProcess.OWN_GROUP, 365, "ada", "unknown", null))
                .expectException(refusal(GovernanceException.RuleViolation.class, "no-such-core-decision", "R4"));
        CoreDecision groupBallot = new CoreDecision("b-2", BallotBody.MODULE_MAINTAINERS, "MOTION", "CLOSED",
                BallotOutcome.CARRIED, CORE_MOTION.decision());
        fixture.given(NN, BOB)
                .when(new ChangeModuleSettings("nn", null, NominationProcess.OWN_GROUP, 365, "ada", "b-2",
                        groupBallot))
                .expectException(refusal(GovernanceException.RuleViolation.class, "not-a-core-decision", "R4"));
        CoreDecision rejected = new CoreDecision("b-3", BallotBody.CORE_MAINTAINERS, "MOTION", "CLOSED",
                BallotOutcome.REJECTED, CORE_MOTION.decision());
        fixture.given(NN, BOB)
                .when(new ChangeModuleSettings("nn", null, NominationProcess.OWN_GROUP, 365, "ada", "b-3", rejected))
                .expectException(refusal(GovernanceException.RuleViolation.class, "core-decision-not-carried", "R4"));
        fixture.given(NN, BOB)
                .when(new ChangeModuleSettings("nn", null, NominationProcess.OWN_GROUP, 365, "ada", "core-ballot",
                        CORE_MOTION))
                .expectEvents(new ModuleNominationProcessChanged("nn", NominationProcess.OWN_GROUP,
                        CORE_MOTION.decision()));
    }

    @Test
    @DisplayName("R4: a group decides by majority, super-majority or unanimity, not by a sole decider (422)")
    void refusesSoleDecider() {
        fixture.given(NN, BOB)
                .when(new ProposeSettingsMotion("nn", "m-1", "bob", new DecisionRule(DecisionMethod.SOLE_DECIDER, null,
                        null, null), NominationProcess.OWN_GROUP, 365, "Let one decide.", DEADLINE))
                .expectException(refusal(GovernanceException.RuleViolation.class, "invalid-decision-rule", "R4"))
                .expectNoEvents();
        fixture.given(NN, BOB)
                .when(new ChangeModuleSettings("nn", new DecisionRule(DecisionMethod.SUPERMAJORITY, 0.4, null, null),
                        NominationProcess.OWN_GROUP, 365, "ada", "core-ballot", CORE_MOTION))
                .expectException(refusal(GovernanceException.RuleViolation.class, "invalid-decision-rule", "R4"));
    }

    @Test
    @DisplayName("R14: the inactivity period is 1 to 3650 days (422)")
    void inactivityPeriod() {
        fixture.given(NN, BOB)
                .when(new ProposeSettingsMotion("nn", "m-1", "bob", null, NominationProcess.CORE_MAINTAINERS, 0,
                        "Never inactive.", DEADLINE))
                .expectException(refusal(GovernanceException.RuleViolation.class, "invalid-inactivity-period", "R14"));
    }

    @Test
    @DisplayName("R6: a group publishes its roadmap; the answer is the publication; only maintainers or core publish (403)")
    void publishes() {
        PublicationAdded roadmap = new PublicationAdded("nn", "p1", PublicationKind.ROADMAP, "Roadmap",
                "https://example.org/r", LocalDate.of(2026, 5, 1));
        fixture.given(NN, BOB)
                .when(new AddPublication("nn", "p1", PublicationKind.ROADMAP, " Roadmap ", "https://example.org/r",
                        LocalDate.of(2026, 5, 1), "bob"))
                .expectEvents(roadmap)
                .expectResultMessagePayload(roadmap);
        fixture.given(NN, BOB)
                .when(new AddPublication("nn", "p1", PublicationKind.ROADMAP, "Roadmap", "https://example.org/r",
                        LocalDate.of(2026, 5, 1), "cleo"))
                .expectException(refusal(GovernanceException.NotAllowed.class, "not-a-maintainer", "R6"));
    }

    @Test
    @DisplayName("R15: an accepted proposal re-scopes a module to another location")
    void rescopes() {
        fixture.given(NN)
                .when(new RescopeModule("nn", "Neural nets", ModuleKind.DIRECTORY, "torch/nn/modules",
                        "Only the layers.", PROPOSAL))
                .expectEvents(new ModuleRescoped("nn", "Neural nets", ModuleKind.DIRECTORY, "torch/nn/modules",
                        "Only the layers.", PROPOSAL));
    }

    @Test
    @DisplayName("R15: the same accepted addition applied again changes nothing; another decision adding an existing module is a 409")
    void addsOnce() {
        AddModule add = new AddModule("nn", "Neural networks", ModuleKind.DIRECTORY, "torch/nn", null, null, null,
                365, List.of("bob"), PROPOSAL);
        fixture.given(NN, BOB)
                .when(add)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(NN, BOB)
                .when(new AddModule("nn", "Neural networks", ModuleKind.DIRECTORY, "torch/nn", null, null, null, 365,
                        List.of("bob"), NOMINATION))
                .expectException(refusal(GovernanceException.Conflict.class, "module-exists", "R15"));
    }

    @Test
    @DisplayName("R15: a re-scope keeps the maintainers' seats and tenure, and applied again changes nothing")
    void rescopeKeepsTenure() {
        ModuleRescoped rescoped = new ModuleRescoped("nn", "Neural networks", ModuleKind.DIRECTORY,
                "torch/nn/modules", null, NOMINATION);
        fixture.given(NN, BOB)
                .when(new RescopeModule("nn", "Neural networks", ModuleKind.DIRECTORY, "/torch/nn/modules/", null,
                        NOMINATION))
                .expectEvents(rescoped);
        fixture.given(NN, BOB, rescoped)
                .when(new RescopeModule("nn", "Neural networks", ModuleKind.DIRECTORY, "torch/nn/modules", null,
                        NOMINATION))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    @DisplayName("R15: retiring a module ends its maintainers' seats first; a retired module takes no changes (409)")
    void retires() {
        fixture.given(NN, BOB)
                .when(new RetireModule("nn", PROPOSAL))
                .expectEvents(new MaintainerRemoved("bob", Role.MODULE_MAINTAINER, "nn", RemovalReason.MODULE_RETIRED,
                        PROPOSAL), new ModuleRetired("nn", PROPOSAL));
        fixture.given(NN, new ModuleRetired("nn", PROPOSAL))
                .when(new AppointModuleMaintainer("nn", "bob", NOMINATION))
                .expectException(refusal(GovernanceException.Conflict.class, "module-retired", "R15"));
    }

    @Test
    @DisplayName("R15: the same retirement applied again changes nothing; another decision to retire it is a 409")
    void retiresOnce() {
        fixture.given(NN, new ModuleRetired("nn", PROPOSAL))
                .when(new RetireModule("nn", PROPOSAL))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(NN, new ModuleRetired("nn", PROPOSAL))
                .when(new RetireModule("nn", NOMINATION))
                .expectException(refusal(GovernanceException.Conflict.class, "module-retired", "R15"));
    }
}
