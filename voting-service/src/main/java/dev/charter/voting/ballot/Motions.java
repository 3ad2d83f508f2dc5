package dev.charter.voting.ballot;

import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.contracts.voting.ThresholdBase;
import dev.charter.platform.roster.ModuleFacts;
import dev.charter.platform.roster.ModuleIds;
import dev.charter.platform.roster.RosterReader;
import dev.charter.platform.web.GovernanceException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A member of a body puts a motion to that body (R4): module-level decisions are made and recorded this way,
 * and can be disputed or vetoed later (R5, R7). A module group decides by its own rule (R4: majority unless
 * it adopted another); the core maintainers by the rule given, majority by default. The lead does not decide
 * a motion alone (R8: the lead decides ties and deadlocks, and core nominations elsewhere).
 */
@Component
public class Motions {

    public static final String SUBJECT_KIND = "MOTION";
    static final Duration LONGEST = Duration.ofDays(366);

    /** A motion as put by a member. */
    public record Motion(String question, BallotBody body, String moduleId, DecisionRule rule, List<String> options, Instant deadline, List<String> personsConcerned,
                         String subjectId) {
    }

    private final RosterReader roster;
    private final Clock clock;

    public Motions(RosterReader roster, Clock clock) {
        this.roster = roster;
        this.clock = clock;
    }

    /** The ballot request of the motion, put by {@code actor}. */
    public BallotRequest request(String actor, Motion motion) {
        BallotRequests.requireOpenable(motion.body());
        if (motion.body() == BallotBody.LEAD) {
            throw new GovernanceException.RuleViolation("lead-does-not-decide-motions", "R8",
                    "A motion is put to a body that votes; the lead decides alone only ties and the matters the rules give them.");
        }
        Instant now = clock.instant();
        if (motion.deadline() == null || !motion.deadline().isAfter(now) || motion.deadline().isAfter(now.plus(LONGEST))) {
            throw new GovernanceException.BadInput("invalid-deadline",
                    "The deadline is in the future, within " + LONGEST.toDays() + " days.");
        }
        String moduleId = ModuleIds.canonical(motion.moduleId());
        DecisionRule rule = motion.body() == BallotBody.MODULE_MAINTAINERS ? groupRule(moduleId, motion.rule())
                : motion.rule() == null ? DecisionRule.majority() : motion.rule();
        if (rule.method() == DecisionMethod.SOLE_DECIDER) {
            throw new GovernanceException.RuleViolation("lead-does-not-decide-motions", "R8",
                    "A motion is decided by a body's vote, not by the lead alone.");
        }
        List<String> members = roster.members(motion.body(), moduleId, List.of());
        if (!members.contains(actor)) {
            throw new GovernanceException.NotAllowed("not-a-member", "R4", actor + " is not a member of "
                    + describe(motion.body(), moduleId) + " and may not put a motion to it.");
        }
        String requestId = "motion:" + UUID.randomUUID();
        return BallotRequests.canonical(new BallotRequest(requestId, SUBJECT_KIND, motion.subjectId(),
                motion.question(), motion.body(), moduleId, List.of(), rule.method(), rule.threshold(), rule.base(),
                rule.quorum(), motion.options(), motion.deadline(), motion.personsConcerned(), actor));
    }

    /** R4: a module group decides by the rule it adopted. */
    private DecisionRule groupRule(String moduleId, DecisionRule asked) {
        if (moduleId == null) {
            throw new GovernanceException.BadInput("invalid-motion", "A motion to a module's maintainers names the module.");
        }
        DecisionRule rule = activeModule(moduleId).decisionRule();
        if (asked != null && !sameRule(asked, rule)) {
            throw new GovernanceException.RuleViolation("group-rule", "R4", "Module " + moduleId
                    + "'s group decides by its own rule " + rule.method()
                    + (rule.threshold() == null ? "" : " " + rule.threshold()) + "; change the rule in the registry first.");
        }
        return rule;
    }

    private ModuleFacts activeModule(String moduleId) {
        ModuleFacts module = roster.module(moduleId).orElseThrow(() ->
                new GovernanceException.NotFound("no-such-module", "No module '" + moduleId + "'."));
        if (!module.active()) {
            throw new GovernanceException.Conflict("module-retired", "R15", "Module " + moduleId + " is retired.");
        }
        return module;
    }

    private static boolean sameRule(DecisionRule a, DecisionRule b) {
        ThresholdBase baseA = a.base() == null && a.method() == DecisionMethod.SUPERMAJORITY ? ThresholdBase.SEATED : a.base();
        ThresholdBase baseB = b.base() == null && b.method() == DecisionMethod.SUPERMAJORITY ? ThresholdBase.SEATED : b.base();
        return a.method() == b.method() && Objects.equals(a.threshold(), b.threshold()) && baseA == baseB
                && Objects.equals(a.quorum(), b.quorum());
    }

    private static String describe(BallotBody body, String moduleId) {
        return switch (body) {
            case MODULE_MAINTAINERS -> "module " + moduleId + "'s maintainers";
            case CORE_MAINTAINERS -> "the core maintainers";
            case CORE_AND_AFFECTED_MODULES -> "the retired pooled body";
            case LEAD -> "the lead";
        };
    }
}
