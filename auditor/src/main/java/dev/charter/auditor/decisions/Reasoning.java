package dev.charter.auditor.decisions;

import dev.charter.auditor.history.Decoded;
import dev.charter.auditor.report.Finding;
import dev.charter.contracts.EventStream;
import dev.charter.contracts.nominations.NominationEvent;
import dev.charter.contracts.voting.CloseReason;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.VotingEvent;

import java.util.List;

/**
 * R7, R8, R9–R13, R15: every decision the rules require to be reasoned carries public reasoning: nominations
 * confirmed or declined, a vacated lead seat, an accepted module proposal, a tie decided by the lead, and a
 * decision of the lead alone.
 */
class Reasoning implements DecisionCheck {

    @Override
    public String describe() {
        return "R7, R8, R9-R13, R15: every decision that must be reasoned carries public reasoning";
    }

    @Override
    public void check(Governance governance, List<Finding> findings) {
        for (Decoded d : governance.events(EventStream.NOMINATIONS)) {
            if (d.event() instanceof NominationEvent.NominationConfirmed e) {
                require(findings, d, e.nominationId(), e.reasoning(), "confirmed nomination " + e.nominationId());
            } else if (d.event() instanceof NominationEvent.NominationDeclined e) {
                require(findings, d, e.nominationId(), e.reasoning(), "declined nomination " + e.nominationId());
            } else if (d.event() instanceof NominationEvent.LeadSeatVacated e) {
                require(findings, d, e.vacancyId(), e.reasoning(), "vacancy of the lead seat " + e.vacancyId());
            } else if (d.event() instanceof NominationEvent.ModuleProposalAccepted e) {
                require(findings, d, e.proposalId(), e.reasoning(), "module proposal " + e.proposalId());
            }
        }
        for (Decoded d : governance.events(EventStream.VOTING)) {
            if (d.event() instanceof VotingEvent.BallotClosed e && (e.closeReason() == CloseReason.DECIDED_BY_LEAD
                    || e.method() == DecisionMethod.SOLE_DECIDER && e.tally() != null && e.tally().cast() > 0)) {
                require(findings, d, e.ballotId(), e.reasoning(), "the lead's decision on ballot " + e.ballotId());
            }
        }
    }

    private static void require(List<Finding> findings, Decoded decoded, String subject, String reasoning,
                                String what) {
        if (reasoning == null || reasoning.isBlank()) {
            findings.add(Finding.finding(CHECK, "REASONING_MISSING", decoded, subject,
                    what + " carries no public reasoning"));
        }
    }
}
