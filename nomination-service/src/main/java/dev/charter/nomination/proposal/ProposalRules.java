package dev.charter.nomination.proposal;

import dev.charter.contracts.disputes.ModuleSettings;
import dev.charter.contracts.nominations.GroundWork;
import dev.charter.contracts.nominations.NominationEvent.ModuleProposalSubmitted;
import dev.charter.contracts.nominations.ProposalAction;
import dev.charter.nomination.proposal.ModuleProposalCommands.SubmitModuleProposal;
import dev.charter.platform.roster.ModuleFacts;
import dev.charter.platform.roster.ModuleRules;
import dev.charter.platform.roster.PersonStanding;
import dev.charter.platform.web.GovernanceException;
import dev.charter.platform.web.Problems;
import dev.charter.platform.web.Text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * R15: what a module proposal must carry, checked before it is submitted. Pure: the roster comes in with the
 * command. Every proposal carries its ground work, all of it; an addition names a module the roster does not hold,
 * with its location (R3), the group's settings — decision rule (R4), nomination process (R9), inactivity period
 * (R14), none left to a default — and its initial maintainers, registered individuals (R2); a re-scope names an
 * active module and where it goes; a retirement names an active module. What an action does not take is refused
 * rather than ignored.
 */
public final class ProposalRules {

    private ProposalRules() {
    }

    /** The proposal as submitted: checked, trimmed and normalised. */
    public static ModuleProposalSubmitted check(SubmitModuleProposal command) {
        if (command.action() == null) {
            throw new GovernanceException.BadInput("action-required", "A proposal is to ADD, RESCOPE or RETIRE a "
                    + "module (action).");
        }
        GroundWork groundWork = groundWork(command.groundWork());
        ModuleFacts module = command.facts().module();
        String description = Text.blankToNull(command.description());
        return switch (command.action()) {
            case ADD -> {
                if (module != null) {
                    throw new GovernanceException.Conflict("module-exists", "R15", "Module " + command.moduleId()
                            + " exists already" + (module.active() ? "" : " (retired)") + "; propose another id.");
                }
                String name = required(command.name(), "name", command.action());
                String location = ModuleRules.location(requiredKind(command), command.location());
                yield new ModuleProposalSubmitted(command.proposalId(), ProposalAction.ADD, command.moduleId(), name,
                        command.kind(), location, description, groundWork, settings(command.settings()),
                        initialMaintainers(command), command.proposedBy());
            }
            case RESCOPE -> {
                requireActive(command, module);
                noSettingsNorMaintainers(command);
                String name = required(command.name(), "name", command.action());
                String location = ModuleRules.location(requiredKind(command), command.location());
                yield new ModuleProposalSubmitted(command.proposalId(), ProposalAction.RESCOPE, command.moduleId(),
                        name, command.kind(), location, description, groundWork, null, List.of(),
                        command.proposedBy());
            }
            case RETIRE -> {
                requireActive(command, module);
                noSettingsNorMaintainers(command);
                if (Text.blankToNull(command.name()) != null || command.kind() != null
                        || Text.blankToNull(command.location()) != null) {
                    throw new GovernanceException.BadInput("unexpected-scope",
                            "A RETIRE proposal names the module only; omit name, kind and location.");
                }
                yield new ModuleProposalSubmitted(command.proposalId(), ProposalAction.RETIRE, command.moduleId(),
                        null, null, null, description, groundWork, null, List.of(), command.proposedBy());
            }
        };
    }

    /** R15: every part of the ground work, trimmed; the missing ones named at once (422). */
    static GroundWork groundWork(GroundWork given) {
        GroundWork g = given == null ? new GroundWork(null, null, null, null, null, null) : given;
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("problem", Text.blankToNull(g.problem()));
        parts.put("peopleConsulted", Text.blankToNull(g.peopleConsulted()));
        parts.put("stateOfTheWorld", Text.blankToNull(g.stateOfTheWorld()));
        parts.put("maintainershipPlan", Text.blankToNull(g.maintainershipPlan()));
        parts.put("developmentPlan", Text.blankToNull(g.developmentPlan()));
        parts.put("communityPlan", Text.blankToNull(g.communityPlan()));
        List<Map<String, String>> missing = new ArrayList<>();
        parts.forEach((field, text) -> {
            if (text == null) {
                missing.add(Problems.violation("groundWork." + field, "must not be blank"));
            }
        });
        if (!missing.isEmpty()) {
            throw new GovernanceException.RuleViolation("ground-work-required", "R15", "A module proposal carries "
                    + "its ground work: the problem and the people consulted, the state of the world, and the "
                    + "maintainership, development and community plan.").withViolations(missing);
        }
        return new GroundWork(parts.get("problem"), parts.get("peopleConsulted"), parts.get("stateOfTheWorld"),
                parts.get("maintainershipPlan"), parts.get("developmentPlan"), parts.get("communityPlan"));
    }

    /** R4, R9, R14: the new group's settings, all three stated, each as the registry accepts it. */
    static ModuleSettings settings(ModuleSettings settings) {
        if (settings == null || settings.decisionRule() == null || settings.decisionRule().method() == null
                || settings.nominationProcess() == null || settings.inactivityPeriodDays() == null) {
            throw new GovernanceException.RuleViolation("settings-required", "R15", "An addition proposes the "
                    + "group's settings: decision rule, nomination process and inactivity period (no silent defaults).");
        }
        return new ModuleSettings(ModuleRules.groupDecisionRule(settings.decisionRule()),
                settings.nominationProcess(), ModuleRules.inactivityPeriodDays(settings.inactivityPeriodDays()));
    }

    /** R15, R2: at least one initial maintainer, each a registered individual, each once. */
    static List<String> initialMaintainers(SubmitModuleProposal command) {
        List<PersonStanding> people = command.facts().initialMaintainers();
        if (people.isEmpty()) {
            throw new GovernanceException.RuleViolation("initial-maintainers-required", "R15",
                    "An addition names its initial maintainers (at least one).");
        }
        List<String> ids = new ArrayList<>();
        for (PersonStanding person : people) {
            if (!person.registered()) {
                throw new GovernanceException.RuleViolation("not-a-registered-person", "R2", "Only registered "
                        + "individuals hold seats; '" + person.personId() + "' is not registered.");
            }
            if (ids.contains(person.personId())) {
                throw new GovernanceException.BadInput("duplicate-maintainer",
                        "'" + person.personId() + "' is named twice among the initial maintainers.");
            }
            ids.add(person.personId());
        }
        return List.copyOf(ids);
    }

    private static void requireActive(SubmitModuleProposal command, ModuleFacts module) {
        if (module == null) {
            throw new GovernanceException.NotFound("no-such-module", "No module '" + command.moduleId() + "'.");
        }
        if (!module.active()) {
            throw new GovernanceException.Conflict("module-retired", "R15",
                    "Module " + command.moduleId() + " is retired.");
        }
    }

    private static void noSettingsNorMaintainers(SubmitModuleProposal command) {
        if (command.settings() != null) {
            throw new GovernanceException.BadInput("unexpected-settings", "A " + command.action() + " proposal "
                    + "carries no settings: a group changes its own by a settings motion (R4).");
        }
        if (!command.facts().initialMaintainers().isEmpty()) {
            throw new GovernanceException.BadInput("unexpected-maintainers", "A " + command.action()
                    + " proposal names no initial maintainers: the module's group stays as it is.");
        }
    }

    private static dev.charter.contracts.registry.ModuleKind requiredKind(SubmitModuleProposal command) {
        if (command.kind() == null) {
            throw new GovernanceException.BadInput("kind-required", "A " + command.action()
                    + " proposal names the module's kind: REPOSITORY or DIRECTORY (R3).")
                    .withViolations(List.of(Problems.violation("kind", "must not be null")));
        }
        return command.kind();
    }

    private static String required(String value, String field, ProposalAction action) {
        String text = Text.blankToNull(value);
        if (text == null) {
            throw new GovernanceException.BadInput(field + "-required", "A " + action + " proposal names the "
                    + "module's " + field + ".").withViolations(List.of(Problems.violation(field, "must not be blank")));
        }
        return text;
    }
}
