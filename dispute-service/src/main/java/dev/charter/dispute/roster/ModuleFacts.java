package dev.charter.dispute.roster;

import dev.charter.contracts.voting.DecisionRule;

/** A module as this service's copy of the registry has it, with its group's decision rule (R4). */
public record ModuleFacts(String moduleId, String name, boolean active, DecisionRule decisionRule) {
}
