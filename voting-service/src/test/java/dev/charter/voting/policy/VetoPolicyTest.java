package dev.charter.voting.policy;

import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.disputes.DecisionKind;
import dev.charter.contracts.disputes.DisputeEvent.VetoCarried;
import dev.charter.contracts.disputes.ModuleDecision;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.TallySummary;
import dev.charter.voting.ballot.BallotCommands.RecordVeto;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Which carried vetoes voting-service shows on a ballot (R7). */
class VetoPolicyTest {

    @Test
    @DisplayName("R7: a vetoed motion names its ballot; a vetoed nomination is the registry's business")
    void onlyMotions() {
        assertThat(VetoPolicy.commandFor(carried(DecisionKind.MOTION, "ballot-1")))
                .contains(new RecordVeto("ballot-1", "veto-1", "Bypassed.", "grace"));
        assertThat(VetoPolicy.commandFor(carried(DecisionKind.MODULE_NOMINATION, "n-1"))).isEmpty();
    }

    private static VetoCarried carried(DecisionKind kind, String reference) {
        ModuleDecision decision = new ModuleDecision(kind.name().toLowerCase() + ":" + reference, kind, "nn",
                Instant.parse("2100-01-01T00:00:00Z"), new DecisionRef("charter.voting.v1", "BallotClosed", "e-1",
                reference), "Adopt it?", null, null, "CARRIED", null, null);
        return new VetoCarried("veto-1", decision, "linus", "Bypassed.", "grace", "b-veto",
                new TallySummary(3, 0, 2, 1, 0, BallotOutcome.CARRIED), "rules");
    }
}
