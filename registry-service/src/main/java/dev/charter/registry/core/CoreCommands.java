package dev.charter.registry.core;

import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.registry.NoticeWithdrawal;
import dev.charter.contracts.voting.BallotOutcome;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Duration;
import java.time.Instant;

/** Commands of the {@link CoreGroup}: the core maintainers and the lead seat. */
public final class CoreCommands {

    private CoreCommands() {
    }

    /** @param heldSince R14: when the person took the seat, if an imported roster states it earlier; else null */
    public record AppointCoreMaintainer(@TargetAggregateIdentifier String groupId, String personId,
                                        DecisionRef decision, Instant heldSince) {
        public AppointCoreMaintainer(String personId, DecisionRef decision) {
            this(CoreGroup.ID, personId, decision, null);
        }

        public AppointCoreMaintainer(String personId, DecisionRef decision, Instant heldSince) {
            this(CoreGroup.ID, personId, decision, heldSince);
        }
    }

    public record RemoveCoreMaintainer(@TargetAggregateIdentifier String groupId, String personId,
                                       DecisionRef decision) {
        public RemoveCoreMaintainer(String personId, DecisionRef decision) {
            this(CoreGroup.ID, personId, decision);
        }
    }

    public record MoveCoreMaintainerToEmeritus(@TargetAggregateIdentifier String groupId, String personId,
                                               DecisionRef decision) {
        public MoveCoreMaintainerToEmeritus(String personId, DecisionRef decision) {
            this(CoreGroup.ID, personId, decision);
        }
    }

    public record AppointLead(@TargetAggregateIdentifier String groupId, String personId, DecisionRef decision) {
        public AppointLead(String personId, DecisionRef decision) {
            this(CoreGroup.ID, personId, decision);
        }
    }

    public record VacateLeadSeat(@TargetAggregateIdentifier String groupId, String personId, DecisionRef decision) {
        public VacateLeadSeat(String personId, DecisionRef decision) {
            this(CoreGroup.ID, personId, decision);
        }
    }

    /**
     * R14: the sweep found a core maintainer inactive in the whole project longer than the project-wide period: a
     * public notice, unless one is in force.
     */
    public record IssueCoreInactivityNotice(@TargetAggregateIdentifier String groupId, String personId,
                                            String noticeId, Instant lastActivityAt, Instant inactiveSince,
                                            int periodDays, Instant now, Duration gracePeriod) {
        public IssueCoreInactivityNotice(String personId, String noticeId, Instant lastActivityAt,
                                         Instant inactiveSince, int periodDays, Instant now, Duration gracePeriod) {
            this(CoreGroup.ID, personId, noticeId, lastActivityAt, inactiveSince, periodDays, now, gracePeriod);
        }
    }

    /** R14: the notice no longer stands (activity, or the period changed). */
    public record WithdrawCoreInactivityNotice(@TargetAggregateIdentifier String groupId, String personId,
                                               String noticeId, NoticeWithdrawal reason, Instant activityAt) {
        public WithdrawCoreInactivityNotice(String personId, String noticeId, NoticeWithdrawal reason,
                                            Instant activityAt) {
            this(CoreGroup.ID, personId, noticeId, reason, activityAt);
        }
    }

    /** R14: the notice's grace period passed without activity. */
    public record MoveCoreMaintainerToEmeritusAfterNotice(@TargetAggregateIdentifier String groupId, String personId,
                                                          String noticeId, Instant now) {
        public MoveCoreMaintainerToEmeritusAfterNotice(String personId, String noticeId, Instant now) {
            this(CoreGroup.ID, personId, noticeId, now);
        }
    }

    /** R14: a core emeritus asks to be reinstated; the lead decides alone (as R11). */
    public record RequestCoreReinstatement(@TargetAggregateIdentifier String groupId, String reinstatementId,
                                           String personId, String requestedBy, String statement, Instant deadline) {
        public RequestCoreReinstatement(String reinstatementId, String personId, String requestedBy,
                                        String statement, Instant deadline) {
            this(CoreGroup.ID, reinstatementId, personId, requestedBy, statement, deadline);
        }
    }

    public record WithdrawCoreReinstatement(@TargetAggregateIdentifier String groupId, String reinstatementId,
                                            String withdrawnBy, String reason) {
        public WithdrawCoreReinstatement(String reinstatementId, String withdrawnBy, String reason) {
            this(CoreGroup.ID, reinstatementId, withdrawnBy, reason);
        }
    }

    /** From the voting stream: the lead's ballot on a core reinstatement closed. */
    public record RecordCoreReinstatementBallotClosed(@TargetAggregateIdentifier String groupId, String requestId,
                                                      String ballotId, BallotOutcome outcome, DecisionRef ballot) {
        public RecordCoreReinstatementBallotClosed(String requestId, String ballotId, BallotOutcome outcome,
                                                   DecisionRef ballot) {
            this(CoreGroup.ID, requestId, ballotId, outcome, ballot);
        }
    }
}
