package dev.charter.platform.roster;

import dev.charter.contracts.registry.ModuleKind;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.contracts.voting.ThresholdBase;
import dev.charter.platform.web.GovernanceException;

import java.util.regex.Pattern;

/**
 * Pure checks of module data, for every service that takes them (the registry applies them, nomination-service
 * checks a module proposal with them, R15): locations (R3), group decision rules (R4) and inactivity periods (R14).
 */
public final class ModuleRules {

    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._-]{1,100}");
    private static final Pattern DIRECTORY = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

    private ModuleRules() {
    }

    /** R14: the inactivity period of a module that names none. */
    public static final int DEFAULT_INACTIVITY_DAYS = 365;

    /**
     * R3: a module is a repository of the organisation ({@code owner/name}) or a directory of the core
     * repository (a relative path, stored without leading or trailing slash).
     */
    public static String location(ModuleKind kind, String location) {
        String trimmed = location == null ? "" : location.trim();
        if (kind == ModuleKind.REPOSITORY) {
            if (!REPOSITORY.matcher(trimmed).matches()) {
                throw new GovernanceException.RuleViolation("invalid-location", "R3",
                        "A REPOSITORY module is located at owner/name, not '" + location + "'.");
            }
            return trimmed;
        }
        String path = trimmed;
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (!DIRECTORY.matcher(path).matches() || path.equals(".") || path.contains("..")) {
            throw new GovernanceException.RuleViolation("invalid-location", "R3",
                    "A DIRECTORY module is a directory of the core repository, not '" + location + "'.");
        }
        return path;
    }

    /**
     * R4: a group decides by majority (the default), a super-majority of a stated threshold and base, or
     * unanimity. Sole deciders and ranked choice are for the lead and lead elections, not groups.
     */
    public static DecisionRule groupDecisionRule(DecisionRule rule) {
        if (rule == null || rule.method() == null) {
            return DecisionRule.majority();
        }
        Double quorum = rule.quorum();
        if (quorum != null && (quorum < 0 || quorum > 1)) {
            throw new GovernanceException.RuleViolation("invalid-quorum", "R4", "A quorum is a fraction from 0 to 1.");
        }
        return switch (rule.method()) {
            case MAJORITY, UNANIMOUS -> {
                if (rule.threshold() != null || rule.base() != null) {
                    throw new GovernanceException.RuleViolation("invalid-decision-rule", "R4",
                            "Only SUPERMAJORITY takes a threshold and a base.");
                }
                yield new DecisionRule(rule.method(), null, null, quorum);
            }
            case SUPERMAJORITY -> {
                if (!DecisionRule.isSupermajorityThreshold(rule.threshold())) {
                    throw new GovernanceException.RuleViolation("invalid-decision-rule", "R4",
                            "A SUPERMAJORITY needs a threshold above 0.5 and at most 1, e.g. 0.75.");
                }
                yield new DecisionRule(DecisionMethod.SUPERMAJORITY, rule.threshold(),
                        rule.base() == null ? ThresholdBase.SEATED : rule.base(), quorum);
            }
            case SOLE_DECIDER, RANKED_CHOICE -> throw new GovernanceException.RuleViolation("invalid-decision-rule",
                    "R4", "A maintainer group decides by MAJORITY, SUPERMAJORITY or UNANIMOUS, not " + rule.method() + ".");
        };
    }

    public static int inactivityPeriodDays(int days) {
        if (days < 1 || days > 3650) {
            throw new GovernanceException.RuleViolation("invalid-inactivity-period", "R14",
                    "The inactivity period is 1 to 3650 days.");
        }
        return days;
    }
}
