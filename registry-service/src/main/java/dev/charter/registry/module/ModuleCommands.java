package dev.charter.registry.module;

import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.disputes.ModuleSettings;
import dev.charter.contracts.registry.ModuleKind;
import dev.charter.contracts.registry.NominationProcess;
import dev.charter.contracts.registry.PublicationKind;
import dev.charter.contracts.registry.NoticeWithdrawal;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.registry.lifecycle.CoreDecision;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Commands of the {@link Module} aggregate: the module and its maintainer group. */
public final class ModuleCommands {

    private ModuleCommands() {
    }

    /** @param heldSince R14: when initial maintainers took their seats, if an imported roster states it earlier */
    public record AddModule(@TargetAggregateIdentifier String moduleId, String name, ModuleKind kind, String location,
                            String description, DecisionRule decisionRule, NominationProcess nominationProcess,
                            int inactivityPeriodDays, List<String> initialMaintainers, DecisionRef decision,
                            Map<String, Instant> heldSince) {
        public AddModule(String moduleId, String name, ModuleKind kind, String location, String description,
                         DecisionRule decisionRule, NominationProcess nominationProcess, int inactivityPeriodDays,
                         List<String> initialMaintainers, DecisionRef decision) {
            this(moduleId, name, kind, location, description, decisionRule, nominationProcess, inactivityPeriodDays,
                    initialMaintainers, decision, Map.of());
        }
    }

    public record RescopeModule(@TargetAggregateIdentifier String moduleId, String name, ModuleKind kind,
                                String location, String description, DecisionRef decision) {
    }

    public record RetireModule(@TargetAggregateIdentifier String moduleId, DecisionRef decision) {
    }

    /**
     * R4: a core maintainer applies a carried decision of the core maintainers to the group's settings.
     *
     * @param requestedBy  the person asking: a core maintainer
     * @param coreDecision the closed ballot named, as the registry's copy has it; null when it knows none
     */
    public record ChangeModuleSettings(@TargetAggregateIdentifier String moduleId, DecisionRule decisionRule,
                                       NominationProcess nominationProcess, int inactivityPeriodDays,
                                       String requestedBy, String ballotId, CoreDecision coreDecision) {
    }

    /** R4: a maintainer puts a motion to change the group's settings to the group. */
    public record ProposeSettingsMotion(@TargetAggregateIdentifier String moduleId, String motionId,
                                        String proposedBy, DecisionRule decisionRule,
                                        NominationProcess nominationProcess, int inactivityPeriodDays,
                                        String statement, Instant deadline) {
    }

    /** R4: the proposer withdraws the open motion. */
    public record WithdrawSettingsMotion(@TargetAggregateIdentifier String moduleId, String motionId,
                                         String withdrawnBy, String reason) {
    }

    /** From the voting stream: the group's ballot on a settings motion closed. */
    public record RecordSettingsBallotClosed(@TargetAggregateIdentifier String moduleId, String requestId,
                                             String ballotId, BallotOutcome outcome, DecisionRef ballot) {
    }

    /**
     * R14: the sweep found the maintainer inactive: a public notice, unless one is in force.
     *
     * @param inactiveSince the later of the last activity and the start of the tenure
     */
    public record IssueInactivityNotice(@TargetAggregateIdentifier String moduleId, String personId, String noticeId,
                                        Instant lastActivityAt, Instant inactiveSince, Instant now,
                                        Duration gracePeriod) {
    }

    /** R14: the notice no longer stands (activity, or the period changed). */
    public record WithdrawInactivityNotice(@TargetAggregateIdentifier String moduleId, String personId,
                                           String noticeId, NoticeWithdrawal reason, Instant activityAt) {
    }

    /** R14: the notice's grace period passed without activity. */
    public record MoveToEmeritusAfterNotice(@TargetAggregateIdentifier String moduleId, String personId,
                                            String noticeId, Instant now) {
    }

    /** R14: an emeritus person asks to be reinstated. */
    public record RequestReinstatement(@TargetAggregateIdentifier String moduleId, String reinstatementId,
                                       String personId, String requestedBy, String statement, Instant deadline) {
    }

    /** R14: the person withdraws their open request. */
    public record WithdrawReinstatement(@TargetAggregateIdentifier String moduleId, String reinstatementId,
                                        String withdrawnBy, String reason) {
    }

    /** From the voting stream: the group's ballot on a reinstatement closed. */
    public record RecordReinstatementBallotClosed(@TargetAggregateIdentifier String moduleId, String requestId,
                                                  String ballotId, BallotOutcome outcome, DecisionRef ballot) {
    }

    /** A group's settings after a change (R4, R9, R14). */
    public record Settings(DecisionRule decisionRule, NominationProcess nominationProcess, int inactivityPeriodDays) {
    }

    /** @param requestedBy the person publishing: a maintainer of the module or a core maintainer (R6) */
    public record AddPublication(@TargetAggregateIdentifier String moduleId, String publicationId, PublicationKind kind,
                                 String title, String url, LocalDate publishedOn, String requestedBy) {
    }

    public record AppointModuleMaintainer(@TargetAggregateIdentifier String moduleId, String personId,
                                          DecisionRef decision) {
    }

    public record RemoveModuleMaintainer(@TargetAggregateIdentifier String moduleId, String personId,
                                         DecisionRef decision) {
    }

    public record MoveModuleMaintainerToEmeritus(@TargetAggregateIdentifier String moduleId, String personId,
                                                 DecisionRef decision) {
    }

    /** R7: the core maintainers vetoed the group's confirmation of this maintainer (R9): the appointment ends. */
    public record EndVetoedAppointment(@TargetAggregateIdentifier String moduleId, String personId, DecisionRef veto) {
    }

    /**
     * R7: the core maintainers vetoed a change of the group's settings: each setting the change made is restored
     * to what it replaced.
     *
     * @param before the setting as the vetoed change found it (only the changed one set)
     * @param after  the setting as the vetoed change left it
     */
    public record RestoreModuleSettings(@TargetAggregateIdentifier String moduleId, ModuleSettings before,
                                        ModuleSettings after, DecisionRef veto) {
    }
}
