package dev.charter.registry.module;

import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.disputes.ModuleSettings;
import dev.charter.contracts.registry.ModuleKind;
import dev.charter.contracts.registry.NominationProcess;
import dev.charter.contracts.registry.RegistryEvent.MaintainerAppointed;
import dev.charter.contracts.registry.RegistryEvent.MaintainerRemoved;
import dev.charter.contracts.registry.RegistryEvent.ModuleAdded;
import dev.charter.contracts.registry.RegistryEvent.ModuleDecisionRuleChanged;
import dev.charter.contracts.registry.RegistryEvent.ModuleInactivityPeriodChanged;
import dev.charter.contracts.registry.RemovalReason;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.contracts.voting.ThresholdBase;
import dev.charter.registry.module.ModuleCommands.EndVetoedAppointment;
import dev.charter.registry.module.ModuleCommands.RestoreModuleSettings;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A carried veto undone in a module: the vetoed appointment ends, vetoed settings are restored (R7). */
class ModuleVetoTest {

    static final DecisionRef CONFIRMED = new DecisionRef("charter.nominations.v1", "NominationConfirmed", "e-1", "n-1");
    static final DecisionRef VETO = new DecisionRef("charter.disputes.v1", "VetoCarried", "e-9", "veto-1");
    static final DecisionRule SUPERMAJORITY = new DecisionRule(DecisionMethod.SUPERMAJORITY, 0.75,
            ThresholdBase.SEATED, null);
    static final ModuleAdded FN = new ModuleAdded("nn-functional", "Functional", ModuleKind.DIRECTORY,
            "torch/nn/functional", null, DecisionRule.majority(), NominationProcess.OWN_GROUP, 180,
            DecisionRef.bootstrap("i-1"));

    private AggregateTestFixture<Module> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Module.class);
        fixture.registerInjectableResource(ModuleTestSupport.registered("ann"));
    }

    @Test
    @DisplayName("R7: a vetoed confirmation ends the appointment with the reason VETOED, naming the veto; once")
    void appointmentEnds() {
        MaintainerAppointed appointed = new MaintainerAppointed("ann", Role.MODULE_MAINTAINER, "nn-functional",
                CONFIRMED);
        MaintainerRemoved removed = new MaintainerRemoved("ann", Role.MODULE_MAINTAINER, "nn-functional",
                RemovalReason.VETOED, VETO);
        fixture.given(FN, appointed)
                .when(new EndVetoedAppointment("nn-functional", "ann", VETO))
                .expectEvents(removed)
                .expectResultMessagePayload(true);
        fixture.given(FN, appointed, removed)
                .when(new EndVetoedAppointment("nn-functional", "ann", VETO))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    @DisplayName("R7: a vetoed settings change is restored, naming the veto; not when the setting changed again since")
    void settingsRestored() {
        ModuleSettings before = new ModuleSettings(DecisionRule.majority(), null, null);
        ModuleSettings after = new ModuleSettings(SUPERMAJORITY, null, null);
        fixture.given(FN, new ModuleDecisionRuleChanged("nn-functional", SUPERMAJORITY, null))
                .when(new RestoreModuleSettings("nn-functional", before, after, VETO))
                .expectEvents(new ModuleDecisionRuleChanged("nn-functional", DecisionRule.majority(), VETO))
                .expectResultMessagePayload(1);
        fixture.given(FN, new ModuleDecisionRuleChanged("nn-functional", SUPERMAJORITY, null),
                        new ModuleDecisionRuleChanged("nn-functional", new DecisionRule(DecisionMethod.UNANIMOUS, null,
                                null, null), null))
                .when(new RestoreModuleSettings("nn-functional", before, after, VETO))
                .expectNoEvents();
        fixture.given(FN, new ModuleInactivityPeriodChanged("nn-functional", 90, null))
                .when(new RestoreModuleSettings("nn-functional", new ModuleSettings(null, null, 180),
                        new ModuleSettings(null, null, 90), VETO))
                .expectEvents(new ModuleInactivityPeriodChanged("nn-functional", 180, VETO));
    }
}
