package dev.charter.registry.roster;

import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.registry.ConflictKind;
import dev.charter.contracts.registry.ModuleKind;
import dev.charter.contracts.registry.NominationProcess;
import dev.charter.contracts.registry.PublicationKind;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.DecisionRule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the roster queries answer. */
public final class RosterViews {

    private RosterViews() {
    }

    public record PersonSummaryView(String personId, String displayName, String affiliation) {
    }

    public record AffiliationPeriodView(String affiliation, Instant from, Instant to) {
    }

    public record ConflictView(String conflictId, String personId, String otherPersonId, ConflictKind kind,
                               String description, Instant declaredAt) {
    }

    /** A seat (HELD) or emeritus status (EMERITUS) over [from, to). */
    public record SeatView(String personId, Role role, String moduleId, String status, Instant from, Instant to,
                           DecisionRef startDecision, DecisionRef endDecision, String endReason) {
    }

    public record PersonView(String personId, String displayName, String affiliation, Instant registeredAt,
                             List<AffiliationPeriodView> affiliationHistory, List<ConflictView> conflicts,
                             List<SeatView> seats) {
    }

    public record MemberView(String personId, String displayName, String affiliation, Instant since,
                             DecisionRef decision) {
    }

    public record ModuleView(String moduleId, String name, ModuleKind kind, String location, String description,
                             String status, DecisionRule decisionRule, NominationProcess nominationProcess,
                             int inactivityPeriodDays, List<MemberView> maintainers, List<MemberView> emeritus) {
    }

    public record RosterView(Instant asOf, MemberView lead, List<MemberView> coreMaintainers,
                             List<MemberView> coreEmeritus, List<ModuleView> modules) {
    }

    public record PublicationView(String publicationId, String moduleId, PublicationKind kind, String title, String url,
                                  LocalDate publishedOn, String addedBy) {
    }
}
