package dev.charter.contracts.disputes;

import dev.charter.contracts.registry.NominationProcess;
import dev.charter.contracts.voting.DecisionRule;

/**
 * Settings of a module's group: as one settings change left or found them (only the setting that change touched
 * is set, the others are null), or, in a module proposal (R15), all three as proposed for a new group.
 *
 * @param decisionRule         the group's decision rule (R4)
 * @param nominationProcess    how its maintainers are nominated (R9)
 * @param inactivityPeriodDays its inactivity period before emeritus (R14)
 */
public record ModuleSettings(DecisionRule decisionRule, NominationProcess nominationProcess,
                             Integer inactivityPeriodDays) {
}
