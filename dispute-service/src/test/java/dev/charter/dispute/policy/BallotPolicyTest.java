package dev.charter.dispute.policy;

import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.CloseReason;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.OptionCount;
import dev.charter.contracts.voting.Round;
import dev.charter.contracts.voting.Tally;
import dev.charter.contracts.voting.TallySummary;
import dev.charter.contracts.voting.VotingEvent.BallotClosed;
import dev.charter.contracts.voting.VotingEvent.BallotOpened;
import dev.charter.contracts.voting.VotingEvent.BallotReferredToLead;
import dev.charter.dispute.change.ChangeCommands.RecordApprovalClosed;
import dev.charter.dispute.change.ChangeCommands.RecordApprovalReferredToLead;
import dev.charter.dispute.dispute.DisputeCommands.RecordEscalationBallotClosed;
import dev.charter.dispute.dispute.DisputeCommands.RecordEscalationBallotOpened;
import dev.charter.dispute.veto.VetoCommands.RecordVetoBallotClosed;
import dev.charter.dispute.veto.VetoCommands.RecordVetoReferredToLead;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which command each voting event leads to: only this service's ballots count. */
class BallotPolicyTest {

    static final Tally TIED = new Tally(2, 0, 2, 1, 1, 0, null, true, List.of(new Round(1,
            List.of(new OptionCount("YES", 1), new OptionCount("NO", 1)), null, false, 0)), null);

    @Test
    @DisplayName("R5: the escalation ballot's opening and close go to the dispute; another service's ballot is ignored")
    void disputeBallots() {
        assertThat(BallotPolicy.commandFor(opened("DISPUTE", "d-1", "dispute:d-1:escalation")))
                .contains(new RecordEscalationBallotOpened("d-1", "b-1", "dispute:d-1:escalation",
                        List.of("ada", "grace"), List.of()));
        assertThat(BallotPolicy.commandFor(closed("DISPUTE", "d-1", BallotOutcome.CARRIED, null)))
                .contains(new RecordEscalationBallotClosed("d-1", "b-1", "req", new TallySummary(2, 0, 1, 1, 0,
                        BallotOutcome.CARRIED), CloseReason.OUTCOME_SETTLED, null));
        assertThat(BallotPolicy.commandFor(opened("NOMINATION", "n-1", "nomination:n-1:review"))).isEmpty();
        assertThat(BallotPolicy.commandFor(closed("MOTION", "m-1", BallotOutcome.CARRIED, null))).isEmpty();
    }

    @Test
    @DisplayName("R7, R8: a veto ballot decided by the lead closes with the lead as decider")
    void vetoBallots() {
        assertThat(BallotPolicy.commandFor(closed("VETO", "v-1", BallotOutcome.REJECTED, "ada")))
                .contains(new RecordVetoBallotClosed("v-1", "b-1", "req", new TallySummary(2, 0, 1, 1, 0,
                        BallotOutcome.REJECTED), CloseReason.DECIDED_BY_LEAD, "ada"));
    }

    @Test
    @DisplayName("R8, R17: a tie referred to the lead goes to the subject the ballot was requested for")
    void referrals() {
        BallotReferredToLead referred = new BallotReferredToLead("b-1", "ada", TIED);
        TallySummary tied = new TallySummary(2, 0, 1, 1, 0, BallotOutcome.TIED);
        assertThat(BallotPolicy.commandFor(referred, new BallotPolicy.Subject("CHANGE_PROPOSAL", "c-1")))
                .contains(new RecordApprovalReferredToLead("c-1", "b-1", "ada", tied));
        assertThat(BallotPolicy.commandFor(referred, new BallotPolicy.Subject("VETO", "v-1")))
                .contains(new RecordVetoReferredToLead("v-1", "b-1", "ada", tied));
        assertThat(BallotPolicy.commandFor(referred, new BallotPolicy.Subject("NOMINATION", "n-1"))).isEmpty();
    }

    @Test
    @DisplayName("R17: an approval ballot's close carries the outcome to the proposal")
    void approvalBallots() {
        assertThat(BallotPolicy.commandFor(closed("CHANGE_PROPOSAL", "c-1", BallotOutcome.NO_QUORUM, null)))
                .contains(new RecordApprovalClosed("c-1", "b-1", "req", BallotOutcome.NO_QUORUM,
                        new TallySummary(2, 0, 1, 1, 0, BallotOutcome.NO_QUORUM), CloseReason.OUTCOME_SETTLED, null));
    }

    private static BallotOpened opened(String kind, String subject, String requestId) {
        return new BallotOpened("b-1", new BallotRequest(requestId, kind, subject, "?", BallotBody.CORE_MAINTAINERS,
                null, List.of(), DecisionMethod.MAJORITY, null, null, null, List.of(),
                Instant.parse("2100-01-01T00:00:00Z"), List.of(), "ada"), List.of("ada", "grace"), List.of(), "ada",
                1L, "rules");
    }

    private static BallotClosed closed(String kind, String subject, BallotOutcome outcome, String decidedBy) {
        return new BallotClosed("b-1", "req", kind, subject, DecisionMethod.MAJORITY, outcome, TIED,
                decidedBy == null ? CloseReason.OUTCOME_SETTLED : CloseReason.DECIDED_BY_LEAD, decidedBy, null,
                "rules");
    }
}
