package dev.charter.registry.policy;

import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.disputes.DecisionKind;
import dev.charter.contracts.disputes.DisputeEvent.VetoCarried;
import dev.charter.contracts.disputes.ModuleDecision;
import dev.charter.contracts.disputes.ModuleSettings;
import dev.charter.contracts.registry.NominationProcess;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.TallySummary;
import dev.charter.registry.module.ModuleCommands.EndVetoedAppointment;
import dev.charter.registry.module.ModuleCommands.RestoreModuleSettings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What the registry undoes for a carried veto (R7). */
class VetoPolicyTest {

    static final DecisionRef VETO = new DecisionRef("charter.disputes.v1", "VetoCarried", "e-9", "veto-1");

    @Test
    @DisplayName("R7: a vetoed confirmation ends the appointment; a vetoed decline or motion changes nothing here")
    void appointments() {
        assertThat(VetoPolicy.commandFor(carried(DecisionKind.MODULE_NOMINATION, "CONFIRMED", null, null), VETO))
                .contains(new EndVetoedAppointment("nn-functional", "ann", VETO));
        assertThat(VetoPolicy.commandFor(carried(DecisionKind.MODULE_NOMINATION, "DECLINED", null, null), VETO))
                .isEmpty();
        assertThat(VetoPolicy.commandFor(carried(DecisionKind.MOTION, "CARRIED", null, null), VETO)).isEmpty();
    }

    @Test
    @DisplayName("R7: a vetoed settings change restores what it replaced")
    void settings() {
        ModuleSettings before = new ModuleSettings(null, NominationProcess.CORE_MAINTAINERS, null);
        ModuleSettings after = new ModuleSettings(null, NominationProcess.OWN_GROUP, null);
        assertThat(VetoPolicy.commandFor(carried(DecisionKind.SETTINGS_CHANGE, null, before, after), VETO))
                .contains(new RestoreModuleSettings("nn-functional", before, after, VETO));
    }

    private static VetoCarried carried(DecisionKind kind, String outcome, ModuleSettings before,
                                       ModuleSettings after) {
        ModuleDecision decision = new ModuleDecision("d-1", kind, "nn-functional", Instant.parse("2100-01-01T00:00:00Z"),
                new DecisionRef("charter.nominations.v1", "NominationConfirmed", "e-1", "n-1"), "Confirm ann", null,
                kind == DecisionKind.MODULE_NOMINATION ? "Ann" : null, outcome, before, after);
        return new VetoCarried("veto-1", decision, "linus", "Bypassed.", "grace", "b-1",
                new TallySummary(3, 0, 2, 1, 0, BallotOutcome.CARRIED), "rules");
    }
}
