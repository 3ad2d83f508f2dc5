package dev.charter.platform.roster;

import dev.charter.contracts.registry.NominationProcess;
import dev.charter.contracts.voting.DecisionRule;

/**
 * A module as the service's roster copy has it (R3), with its group's settings.
 *
 * @param status               ACTIVE, or RETIRED (R15)
 * @param nominationProcess    how its maintainers are nominated (R9)
 * @param decisionRule         how its group decides (R4)
 * @param inactivityPeriodDays after how many days without activity its maintainers move to emeritus (R14); null
 *                             when the copy holds the module from before it recorded the period and no change has
 *                             come since
 */
public record ModuleFacts(String moduleId, String name, Status status, NominationProcess nominationProcess,
                          DecisionRule decisionRule, Integer inactivityPeriodDays) {

    public enum Status {
        ACTIVE, RETIRED
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }
}
