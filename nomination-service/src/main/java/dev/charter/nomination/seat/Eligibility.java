package dev.charter.nomination.seat;

import dev.charter.contracts.nominations.Contributions;
import dev.charter.contracts.nominations.EvidenceCategory;
import dev.charter.contracts.nominations.NominationKind;
import dev.charter.contracts.nominations.RemovalGrounds;
import dev.charter.contracts.registry.Role;
import dev.charter.nomination.seat.NominationCommands.SubmitNomination;
import dev.charter.platform.roster.PersonStanding;
import dev.charter.platform.web.GovernanceException;
import dev.charter.platform.web.Problems;
import dev.charter.platform.web.Text;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who may be nominated for what, by whom, with which dossier (R9–R13). Pure: the roster comes in with the
 * command. Each refusal is a problem with the rule behind it. (At most one open nomination per person and role
 * is enforced across nominations by {@link NominationDirectory}.)
 */
public final class Eligibility {

    private static final Set<EvidenceCategory> SEAT_EVIDENCE = EnumSet.of(EvidenceCategory.CONTRIBUTIONS,
            EvidenceCategory.OTHER);
    private static final Set<EvidenceCategory> REMOVAL_EVIDENCE = EnumSet.of(EvidenceCategory.ACTIVITY,
            EvidenceCategory.CHANGED_DIRECTION, EvidenceCategory.UNFITNESS, EvidenceCategory.CONFLICT_OF_INTEREST,
            EvidenceCategory.OTHER);

    private Eligibility() {
    }

    /** A submission, checked and normalised: about {@code subject}'s seat {@code role}. */
    public record Submission(PersonStanding subject, Role role, String moduleId, String statement,
                             Contributions contributions, RemovalGrounds grounds) {
    }

    public static Submission check(SubmitNomination command) {
        RosterFacts named = command.facts();
        RosterFacts facts = new RosterFacts(named.nominator(), subject(command.kind(), named), named.lead(),
                named.module());
        String statement = Text.blankToNull(command.statement());
        return switch (command.kind()) {
            case MODULE_MAINTAINER -> moduleMaintainer(command, facts, statement);
            case CORE_MAINTAINER -> coreMaintainer(command, facts, statement);
            case REMOVAL -> removal(command, facts, statement);
            case LEAD_REMOVAL, LEAD_UNAVAILABLE -> leadSeat(command, facts, statement);
        };
    }

    /**
     * The nominee or subject: the person named, or for a removal of the lead (R12) or a declaration of the lead's
     * permanent unavailability (R13) the lead when nobody is named.
     */
    private static PersonStanding subject(NominationKind kind, RosterFacts facts) {
        if (facts.subject() != null) {
            return facts.subject();
        }
        return switch (kind) {
            case LEAD_REMOVAL, LEAD_UNAVAILABLE -> {
                if (facts.lead() == null) {
                    throw new GovernanceException.Conflict("lead-seat-vacant", ruleOf(kind), "The lead seat is vacant.");
                }
                yield facts.lead();
            }
            default -> throw new GovernanceException.BadInput("person-required",
                    "A " + kind + " nomination names the person (personId).")
                    .withViolations(List.of(Problems.violation("personId", "must not be blank")));
        };
    }

    /** R9: anyone nominates a registered person who does not maintain the module yet. */
    private static Submission moduleMaintainer(SubmitNomination command, RosterFacts facts, String statement) {
        requireRole(command, Role.MODULE_MAINTAINER);
        String moduleId = requireActiveModule(command, facts, "R9");
        requireRegistered(facts.subject(), "R9");
        if (facts.subject().maintains(moduleId)) {
            throw new GovernanceException.Conflict("already-holds-role", "R9",
                    facts.subject().personId() + " is already a maintainer of module " + moduleId + ".");
        }
        noGrounds(command);
        Contributions contributions = contributions(command.contributions());
        if (contributions == null && ReviewPlan.of(command.kind(), facts.module()).viaReviewCycle()) {
            throw new GovernanceException.RuleViolation("contributions-required", "R9",
                    "A request to the core maintainers must describe the depth and breadth of the nominee's code, "
                            + "review and design contributions on the module.");
        }
        return new Submission(facts.subject(), Role.MODULE_MAINTAINER, moduleId, statement, contributions, null);
    }

    /** R11: a core or module maintainer nominates a registered person who is not a core maintainer yet. */
    private static Submission coreMaintainer(SubmitNomination command, RosterFacts facts, String statement) {
        requireRole(command, Role.CORE_MAINTAINER);
        noModule(command);
        if (!facts.nominator().maintainer()) {
            throw new GovernanceException.NotAllowed("nominator-not-a-maintainer", "R11",
                    "Only a core or module maintainer may nominate someone to become a core maintainer.");
        }
        requireRegistered(facts.subject(), "R11");
        if (facts.subject().core()) {
            throw new GovernanceException.Conflict("already-holds-role", "R11",
                    facts.subject().personId() + " is already a core maintainer.");
        }
        if (facts.lead() == null) {
            throw new GovernanceException.Conflict("lead-seat-vacant", "R11",
                    "The lead decides core-maintainer nominations, and the lead seat is vacant: nominate after the "
                            + "election of a new lead.");
        }
        noGrounds(command);
        return new Submission(facts.subject(), Role.CORE_MAINTAINER, null, statement,
                contributions(command.contributions()), null);
    }

    /** R10: anyone, the person too, nominates a module or core maintainer for removal, with grounds. */
    private static Submission removal(SubmitNomination command, RosterFacts facts, String statement) {
        Role role = command.role();
        if (role != Role.MODULE_MAINTAINER && role != Role.CORE_MAINTAINER) {
            throw new GovernanceException.BadInput("role-required",
                    "A removal names the seat: role MODULE_MAINTAINER (with moduleId) or CORE_MAINTAINER. The lead "
                            + "seat is LEAD_REMOVAL (R12).");
        }
        PersonStanding subject = facts.subject();
        String moduleId = null;
        if (role == Role.MODULE_MAINTAINER) {
            moduleId = requireModule(command, facts);
            if (!subject.maintains(moduleId)) {
                throw new GovernanceException.Conflict("does-not-hold-role", "R10",
                        subject.personId() + " is not a maintainer of module " + moduleId + ".");
            }
        } else {
            noModule(command);
            if (!subject.coreMaintainer()) {
                throw new GovernanceException.Conflict("does-not-hold-role", "R10",
                        subject.personId() + " is not a core maintainer.");
            }
            if (subject.lead()) {
                throw new GovernanceException.Conflict("subject-is-the-lead", "R12",
                        subject.personId() + " holds the lead seat, which only a super-majority of the core "
                                + "maintainers removes (R12): submit a LEAD_REMOVAL first.");
            }
        }
        noContributions(command);
        return new Submission(subject, role, moduleId, statement, null, grounds(command.grounds(), "R10"));
    }

    /**
     * R12, R13: a core maintainer moves to remove the lead from the lead seat, or to declare the lead
     * permanently unavailable.
     */
    private static Submission leadSeat(SubmitNomination command, RosterFacts facts, String statement) {
        String rule = command.kind() == NominationKind.LEAD_REMOVAL ? "R12" : "R13";
        requireRole(command, Role.LEAD);
        noModule(command);
        if (!facts.nominator().core()) {
            throw new GovernanceException.NotAllowed("nominator-not-a-core-maintainer", rule,
                    "Only a core maintainer may move to " + (rule.equals("R12") ? "remove the lead."
                            : "declare the lead permanently unavailable."));
        }
        if (facts.lead() == null) {
            throw new GovernanceException.Conflict("lead-seat-vacant", rule, "The lead seat is vacant.");
        }
        if (!facts.lead().personId().equals(facts.subject().personId())) {
            throw new GovernanceException.Conflict("does-not-hold-role", rule,
                    facts.subject().personId() + " is not the lead; " + facts.lead().personId() + " is.");
        }
        noContributions(command);
        return new Submission(facts.subject(), Role.LEAD, null, statement, null, grounds(command.grounds(), rule));
    }

    /** Which evidence a nomination's dossier takes: contributions for seats, grounds for removals. */
    public static void requireEvidenceFits(NominationKind kind, EvidenceCategory category) {
        boolean removal = kind == NominationKind.REMOVAL || kind == NominationKind.LEAD_REMOVAL
                || kind == NominationKind.LEAD_UNAVAILABLE;
        Set<EvidenceCategory> allowed = removal ? REMOVAL_EVIDENCE : SEAT_EVIDENCE;
        if (!allowed.contains(category)) {
            throw new GovernanceException.RuleViolation("evidence-does-not-fit", ruleOf(kind),
                    "A " + kind + " nomination takes evidence of " + allowed + ", not " + category + ".");
        }
    }

    /** The seat a nomination is about: it follows from the kind, but for a removal, which names it. */
    public static Role seatOf(NominationKind kind, Role requested) {
        return switch (kind) {
            case MODULE_MAINTAINER -> Role.MODULE_MAINTAINER;
            case CORE_MAINTAINER -> Role.CORE_MAINTAINER;
            case REMOVAL -> requested;
            case LEAD_REMOVAL, LEAD_UNAVAILABLE -> Role.LEAD;
        };
    }

    public static String ruleOf(NominationKind kind) {
        return switch (kind) {
            case MODULE_MAINTAINER -> "R9";
            case REMOVAL -> "R10";
            case CORE_MAINTAINER -> "R11";
            case LEAD_REMOVAL -> "R12";
            case LEAD_UNAVAILABLE -> "R13";
        };
    }

    public static List<String> links(List<String> links) {
        return links == null ? List.of() : links.stream().map(String::trim).filter(l -> !l.isEmpty()).toList();
    }

    private static void requireRole(SubmitNomination command, Role expected) {
        if (command.role() != null && command.role() != expected) {
            throw new GovernanceException.BadInput("role-mismatch",
                    "A " + command.kind() + " nomination is about the seat " + expected + ", not " + command.role()
                            + ".");
        }
    }

    private static String requireActiveModule(SubmitNomination command, RosterFacts facts, String rule) {
        String moduleId = requireModule(command, facts);
        if (!facts.module().active()) {
            throw new GovernanceException.Conflict("module-retired", rule, "Module " + moduleId + " is retired.");
        }
        return moduleId;
    }

    private static String requireModule(SubmitNomination command, RosterFacts facts) {
        if (command.moduleId() == null || command.moduleId().isBlank()) {
            throw new GovernanceException.BadInput("module-required",
                    "A " + command.kind() + " nomination for a module seat names the module (moduleId).");
        }
        if (facts.module() == null) {
            throw new GovernanceException.NotFound("no-such-module", "No module '" + command.moduleId() + "'.");
        }
        return facts.module().moduleId();
    }

    private static void noModule(SubmitNomination command) {
        if (command.moduleId() != null && !command.moduleId().isBlank()) {
            throw new GovernanceException.BadInput("unexpected-module",
                    "A " + command.kind() + " nomination is not about a module seat; omit moduleId.");
        }
    }

    private static void requireRegistered(PersonStanding subject, String rule) {
        if (!subject.registered()) {
            throw new GovernanceException.RuleViolation("not-a-registered-person", rule,
                    "Only registered individuals hold seats (R2); '" + subject.personId() + "' is not registered.");
        }
    }

    private static void noGrounds(SubmitNomination command) {
        if (command.grounds() != null) {
            throw new GovernanceException.BadInput("unexpected-grounds",
                    "Grounds are for removals; a " + command.kind() + " nomination has none.");
        }
    }

    private static void noContributions(SubmitNomination command) {
        if (command.contributions() != null) {
            throw new GovernanceException.BadInput("unexpected-contributions",
                    "Contributions are for nominations to a seat; a " + command.kind() + " nomination has none.");
        }
    }

    private static Contributions contributions(Contributions contributions) {
        if (contributions == null || Text.blankToNull(contributions.summary()) == null) {
            return null;
        }
        return new Contributions(Text.blankToNull(contributions.summary()), links(contributions.links()));
    }

    private static RemovalGrounds grounds(RemovalGrounds grounds, String rule) {
        RemovalGrounds trimmed = grounds == null ? null : new RemovalGrounds(Text.blankToNull(grounds.activity()),
                Text.blankToNull(grounds.changedDirection()), Text.blankToNull(grounds.unfitness()), Text.blankToNull(grounds.conflictsOfInterest()));
        if (trimmed == null || (trimmed.activity() == null && trimmed.changedDirection() == null
                && trimmed.unfitness() == null && trimmed.conflictsOfInterest() == null)) {
            throw new GovernanceException.RuleViolation("grounds-required", rule,
                    "A removal states its grounds: activity, changed direction, unfitness or conflicts of interest.");
        }
        return trimmed;
    }
}
