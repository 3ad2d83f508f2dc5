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
import dev.charter.registry.module.ModuleCommands.MoveModuleMaintainerToEmeritus;
import dev.charter.registry.module.ModuleCommands.RemoveModuleMaintainer;
import dev.charter.registry.module.ModuleCommands.RetireModule;
import dev.charter.registry.person.PersonDirectory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;


class ModuleTest {

    private static final DecisionRef NOMINATION = new DecisionRef("charter.nominations.v1", "NominationConfirmed",
            "event-1", "nomination-1");
    private static final DecisionRef PROPOSAL = new DecisionRef("charter.nominations.v1", "ModuleProposalAccepted",
            "event-0", "proposal-1");
    private static final ModuleAdded NN = new ModuleAdded("nn", "Neural networks", ModuleKind.DIRECTORY, "torch/nn",
            null, DecisionRule.majority(), NominationProcess.CORE_MAINTAINERS, 365, PROPOSAL);

    private AggregateTestFixture<Module> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Module.class);
        fixture.registerInjectableResource(ModuleTestSupport.registered("ada", "bob", "cleo"));
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
                .expectException(GovernanceException.RuleViolation.class);
    }

    @Test
    @DisplayName("R2: only registered individuals take seats")
    void onlyRegisteredPersons() {
        fixture.given(NN)
                .when(new AppointModuleMaintainer("nn", "acme-corp", NOMINATION))
                .expectException(GovernanceException.RuleViolation.class)
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
    @DisplayName("the same decision applied twice changes nothing; another decision for a sitting maintainer is a 409")
    void idempotentAppointment() {
        MaintainerAppointed appointed = new MaintainerAppointed("bob", Role.MODULE_MAINTAINER, "nn", NOMINATION);
        fixture.given(NN, appointed)
                .when(new AppointModuleMaintainer("nn", "bob", NOMINATION))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(NN, appointed)
                .when(new AppointModuleMaintainer("nn", "bob", new DecisionRef("charter.nominations.v1",
                        "NominationConfirmed", "event-2", "nomination-2")))
                .expectException(GovernanceException.Conflict.class);
    }

    @Test
    @DisplayName("R10: a confirmed removal ends the seat; removing a non-maintainer is a 409")
    void removes() {
        fixture.given(NN, new MaintainerAppointed("bob", Role.MODULE_MAINTAINER, "nn", PROPOSAL))
                .when(new RemoveModuleMaintainer("nn", "bob", NOMINATION))
                .expectEvents(new MaintainerRemoved("bob", Role.MODULE_MAINTAINER, "nn", RemovalReason.REMOVED,
                        NOMINATION));
        fixture.given(NN)
                .when(new RemoveModuleMaintainer("nn", "bob", NOMINATION))
                .expectException(GovernanceException.Conflict.class);
    }

    @Test
    @DisplayName("R14: a maintainer moves to emeritus and is reinstated by a later appointment")
    void emeritus() {
        MovedToEmeritus moved = new MovedToEmeritus("bob", Role.MODULE_MAINTAINER, "nn", NOMINATION);
        fixture.given(NN, new MaintainerAppointed("bob", Role.MODULE_MAINTAINER, "nn", PROPOSAL))
                .when(new MoveModuleMaintainerToEmeritus("nn", "bob", NOMINATION))
                .expectEvents(moved);
        DecisionRef later = new DecisionRef("charter.nominations.v1", "NominationConfirmed", "event-9", "n-9");
        fixture.given(NN, new MaintainerAppointed("bob", Role.MODULE_MAINTAINER, "nn", PROPOSAL), moved)
                .when(new AppointModuleMaintainer("nn", "bob", later))
                .expectEvents(new MaintainerAppointed("bob", Role.MODULE_MAINTAINER, "nn", later));
    }

    @Test
    @DisplayName("R4: a group adopts a super-majority rule; only the changed settings produce events")
    void changesDecisionRule() {
        DecisionRule supermajority = new DecisionRule(DecisionMethod.SUPERMAJORITY, 0.75, null, null);
        fixture.given(NN)
                .when(new ChangeModuleSettings("nn", supermajority, NominationProcess.CORE_MAINTAINERS, 180))
                .expectEvents(new ModuleDecisionRuleChanged("nn", new DecisionRule(DecisionMethod.SUPERMAJORITY, 0.75,
                                ThresholdBase.SEATED, null), null),
                        new ModuleInactivityPeriodChanged("nn", 180, null));
    }

    @Test
    @DisplayName("R4: a group decides by majority, super-majority or unanimity, not by a sole decider (422)")
    void refusesSoleDecider() {
        fixture.given(NN)
                .when(new ChangeModuleSettings("nn", new DecisionRule(DecisionMethod.SOLE_DECIDER, null, null, null),
                        NominationProcess.OWN_GROUP, 365))
                .expectException(GovernanceException.RuleViolation.class)
                .expectNoEvents();
        fixture.given(NN)
                .when(new ChangeModuleSettings("nn", new DecisionRule(DecisionMethod.SUPERMAJORITY, 0.4, null, null),
                        NominationProcess.OWN_GROUP, 365))
                .expectException(GovernanceException.RuleViolation.class);
    }

    @Test
    @DisplayName("R6: a group publishes its roadmap")
    void publishes() {
        fixture.given(NN)
                .when(new AddPublication("nn", "p1", PublicationKind.ROADMAP, " Roadmap ", "https://example.org/r",
                        LocalDate.of(2026, 5, 1)))
                .expectEvents(new PublicationAdded("nn", "p1", PublicationKind.ROADMAP, "Roadmap",
                        "https://example.org/r", LocalDate.of(2026, 5, 1)));
    }

    @Test
    @DisplayName("R15: an accepted proposal re-scopes a module to another location")
    void rescopes() {
        fixture.given(NN)
                .when(new ModuleCommands.RescopeModule("nn", "Neural nets", ModuleKind.DIRECTORY, "torch/nn/modules",
                        "Only the layers.", PROPOSAL))
                .expectEvents(new dev.charter.contracts.registry.RegistryEvent.ModuleRescoped("nn", "Neural nets",
                        ModuleKind.DIRECTORY, "torch/nn/modules", "Only the layers.", PROPOSAL));
    }

    @Test
    @DisplayName("R15: retiring a module ends its maintainers' seats first; a retired module takes no changes")
    void retires() {
        fixture.given(NN, new MaintainerAppointed("bob", Role.MODULE_MAINTAINER, "nn", PROPOSAL))
                .when(new RetireModule("nn", PROPOSAL))
                .expectEvents(new MaintainerRemoved("bob", Role.MODULE_MAINTAINER, "nn", RemovalReason.MODULE_RETIRED,
                        PROPOSAL), new ModuleRetired("nn", PROPOSAL));
        fixture.given(NN, new ModuleRetired("nn", PROPOSAL))
                .when(new AppointModuleMaintainer("nn", "bob", NOMINATION))
                .expectException(GovernanceException.Conflict.class);
    }
}
