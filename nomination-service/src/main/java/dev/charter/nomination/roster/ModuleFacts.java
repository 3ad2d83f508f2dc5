package dev.charter.nomination.roster;

import dev.charter.contracts.registry.NominationProcess;
import dev.charter.contracts.voting.DecisionRule;

/** A module as this service's copy of the registry has it: how its maintainers are nominated and decide (R4, R9). */
public record ModuleFacts(String moduleId, String name, boolean active, NominationProcess nominationProcess,
                          DecisionRule decisionRule) {
}
