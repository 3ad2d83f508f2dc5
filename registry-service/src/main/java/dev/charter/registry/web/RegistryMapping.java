package dev.charter.registry.web;

import dev.charter.api.registry.model.ActivityKind;
import dev.charter.api.registry.model.AffiliationPeriod;
import dev.charter.api.registry.model.BallotOutcome;
import dev.charter.api.registry.model.CheckRunOutput;
import dev.charter.api.registry.model.CodeownersCheck;
import dev.charter.api.registry.model.InactivityNotice;
import dev.charter.api.registry.model.ModuleActivity;
import dev.charter.api.registry.model.MonthCount;
import dev.charter.api.registry.model.PathOwners;
import dev.charter.api.registry.model.Reinstatement;
import dev.charter.api.registry.model.SettingsMotion;
import dev.charter.api.registry.model.UnknownPath;
import dev.charter.api.registry.model.Conflict;
import dev.charter.api.registry.model.Decision;
import dev.charter.api.registry.model.DecisionMethod;
import dev.charter.api.registry.model.DecisionRule;
import dev.charter.api.registry.model.ModuleDispute;
import dev.charter.api.registry.model.ModuleKind;
import dev.charter.api.registry.model.ModuleSettings;
import dev.charter.api.registry.model.ModuleStatus;
import dev.charter.api.registry.model.ModuleVeto;
import dev.charter.api.registry.model.NominationProcess;
import dev.charter.api.registry.model.Person;
import dev.charter.api.registry.model.PersonSummary;
import dev.charter.api.registry.model.Publication;
import dev.charter.api.registry.model.PublicationKind;
import dev.charter.api.registry.model.Role;
import dev.charter.api.registry.model.RoleHolding;
import dev.charter.api.registry.model.Roster;
import dev.charter.api.registry.model.RosterMember;
import dev.charter.api.registry.model.RosterModule;
import dev.charter.api.registry.model.TenureEntry;
import dev.charter.api.registry.model.ThresholdBase;
import dev.charter.contracts.DecisionRef;
import dev.charter.registry.activity.ActivityStore;
import dev.charter.registry.disputes.DisputeLog;
import dev.charter.registry.lifecycle.LifecycleDirectory;
import dev.charter.registry.roster.RosterViews;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Maps roster views to the generated REST models and REST input to domain values; no rules here. */
final class RegistryMapping {

    private RegistryMapping() {
    }

    static PersonSummary summary(RosterViews.PersonSummaryView view) {
        return new PersonSummary(view.personId(), view.displayName()).affiliation(view.affiliation());
    }

    /** The person as of {@code at}: the affiliation and the roles then (the conflicts come as of then). */
    static Person person(RosterViews.PersonView view, Instant at) {
        String affiliation = view.affiliationHistory().stream()
                .filter(a -> !a.from().isAfter(at) && (a.to() == null || a.to().isAfter(at)))
                .reduce((first, second) -> second).map(RosterViews.AffiliationPeriodView::affiliation).orElse(null);
        return new Person(view.personId(), view.displayName(), time(view.registeredAt()),
                view.affiliationHistory().stream().map(RegistryMapping::affiliation).toList(),
                view.conflicts().stream().map(RegistryMapping::conflict).toList(),
                view.seats().stream().filter(s -> "HELD".equals(s.status()) && !s.from().isAfter(at)
                                && (s.to() == null || s.to().isAfter(at)))
                        .map(RegistryMapping::holding).toList())
                .affiliation(affiliation);
    }

    static AffiliationPeriod affiliation(RosterViews.AffiliationPeriodView view) {
        return new AffiliationPeriod(time(view.from())).affiliation(view.affiliation()).to(time(view.to()));
    }

    static Conflict conflict(RosterViews.ConflictView view) {
        return new Conflict(view.conflictId(), view.personId(), view.otherPersonId(),
                dev.charter.api.registry.model.ConflictKind.fromValue(view.kind().name()))
                .description(view.description()).declaredAt(time(view.declaredAt()));
    }

    static RoleHolding holding(RosterViews.SeatView seat) {
        return new RoleHolding(Role.fromValue(seat.role().name()), time(seat.from()))
                .moduleId(seat.moduleId()).decision(decision(seat.startDecision()));
    }

    static TenureEntry tenure(RosterViews.SeatView seat) {
        TenureEntry.StatusEnum status = "EMERITUS".equals(seat.status()) ? TenureEntry.StatusEnum.EMERITUS
                : seat.to() == null ? TenureEntry.StatusEnum.ACTIVE : TenureEntry.StatusEnum.ENDED;
        return new TenureEntry(Role.fromValue(seat.role().name()), status, time(seat.from()),
                decision(seat.startDecision()))
                .moduleId(seat.moduleId()).to(time(seat.to())).endDecision(decision(seat.endDecision()))
                .endReason(seat.endReason());
    }

    static Decision decision(DecisionRef ref) {
        if (ref == null) {
            return null;
        }
        return new Decision(ref.source(), ref.eventType(), ref.reference()).eventId(ref.eventId());
    }

    static RosterMember member(RosterViews.MemberView view) {
        if (view == null) {
            return null;
        }
        return new RosterMember(view.personId(), view.displayName(), time(view.since()))
                .affiliation(view.affiliation()).decision(decision(view.decision()));
    }

    static List<RosterMember> members(List<RosterViews.MemberView> views) {
        return views.stream().map(RegistryMapping::member).toList();
    }

    static Roster roster(RosterViews.RosterView view) {
        return new Roster(time(view.asOf()), members(view.coreMaintainers()), members(view.coreEmeritus()),
                view.modules().stream().map(m -> new RosterModule(m.moduleId(), m.name(),
                        ModuleKind.fromValue(m.kind().name()), m.location(), members(m.maintainers()),
                        members(m.emeritus()))).toList())
                .lead(member(view.lead()));
    }

    static dev.charter.api.registry.model.Module module(RosterViews.ModuleView view) {
        return new dev.charter.api.registry.model.Module(view.moduleId(), view.name(),
                ModuleKind.fromValue(view.kind().name()), view.location(), ModuleStatus.fromValue(view.status()),
                settings(view.decisionRule(), view.nominationProcess(), view.inactivityPeriodDays()),
                members(view.maintainers()), members(view.emeritus()))
                .description(view.description());
    }

    static ModuleDispute dispute(DisputeLog.DisputeEntry entry) {
        return new ModuleDispute(entry.disputeId(), entry.respondentModuleId(), entry.disputantModuleId(),
                entry.disputedBy(), entry.decisionSummary(), entry.status(), time(entry.openedAt()), entry.url());
    }

    static ModuleVeto veto(DisputeLog.VetoEntry entry) {
        return new ModuleVeto(entry.vetoId(), entry.decisionSummary(), entry.status(), time(entry.proposedAt()),
                entry.url());
    }

    static ModuleSettings settings(dev.charter.contracts.voting.DecisionRule rule,
                                   dev.charter.contracts.registry.NominationProcess process, int inactivityDays) {
        return new ModuleSettings(rule(rule), NominationProcess.fromValue(process.name()), inactivityDays);
    }

    static DecisionRule rule(dev.charter.contracts.voting.DecisionRule rule) {
        return new DecisionRule(DecisionMethod.fromValue(rule.method().name()))
                .threshold(rule.threshold())
                .base(rule.base() == null ? null : ThresholdBase.fromValue(rule.base().name()))
                .quorum(rule.quorum());
    }

    static dev.charter.contracts.voting.DecisionRule rule(DecisionRule rule) {
        return new dev.charter.contracts.voting.DecisionRule(
                dev.charter.contracts.voting.DecisionMethod.valueOf(rule.getMethod().getValue()),
                rule.getThreshold(),
                rule.getBase() == null ? null : dev.charter.contracts.voting.ThresholdBase.valueOf(rule.getBase().getValue()),
                rule.getQuorum());
    }

    static Publication publication(RosterViews.PublicationView view) {
        return new Publication(view.publicationId(), view.moduleId(), PublicationKind.fromValue(view.kind().name()),
                view.title(), view.url(), view.publishedOn()).addedBy(view.addedBy());
    }

    static ModuleActivity moduleActivity(ActivityStore.LastActivity last) {
        return new ModuleActivity(time(last.at()), ActivityKind.fromValue(last.kind().name()),
                last.months().entrySet().stream().map(e -> new MonthCount(e.getKey().toString(), e.getValue()))
                        .toList())
                .moduleId(last.moduleId()).url(last.url());
    }

    static InactivityNotice notice(LifecycleDirectory.NoticeView view) {
        return new InactivityNotice(view.noticeId(), Role.fromValue(view.role().name()), time(view.issuedAt()),
                time(view.inactiveSince()), view.inactivityPeriodDays(), time(view.graceEndsAt()))
                .moduleId(view.moduleId()).lastActivityAt(time(view.lastActivityAt()));
    }

    static SettingsMotion motion(LifecycleDirectory.MotionView view) {
        return new SettingsMotion(view.motionId(), view.moduleId(), view.proposedBy(), time(view.proposedAt()),
                settings(view.settings().decisionRule(), view.settings().nominationProcess(),
                        view.settings().inactivityPeriodDays()), view.statement(),
                SettingsMotion.StatusEnum.fromValue(view.status()), view.ballotId())
                .outcome(view.outcome() == null ? null : BallotOutcome.fromValue(view.outcome().name()))
                .decidedAt(time(view.decidedAt()));
    }

    static Reinstatement reinstatement(LifecycleDirectory.ReinstatementView view) {
        return new Reinstatement(view.reinstatementId(), view.personId(), Role.fromValue(view.role().name()),
                view.statement(), time(view.requestedAt()), Reinstatement.StatusEnum.fromValue(view.status()),
                view.ballotId())
                .moduleId(view.moduleId())
                .outcome(view.outcome() == null ? null : BallotOutcome.fromValue(view.outcome().name()))
                .decidedAt(time(view.decidedAt()));
    }

    static CodeownersCheck codeownersCheck(String repository, Instant asOf,
                                           dev.charter.registry.roster.CodeownersCheck.Result result) {
        return new CodeownersCheck(repository, time(asOf), result.inSync(),
                result.missingOwners().stream().map(p -> new PathOwners(p.path(), p.owners())).toList(),
                result.unexpectedOwners().stream().map(p -> new PathOwners(p.path(), p.owners())).toList(),
                result.unknownPaths().stream().map(u -> new UnknownPath(u.path(), u.line(), u.owners())).toList(),
                new CheckRunOutput(result.inSync() ? CheckRunOutput.ConclusionEnum.SUCCESS
                        : CheckRunOutput.ConclusionEnum.FAILURE,
                        dev.charter.registry.roster.CodeownersCheck.title(result),
                        dev.charter.registry.roster.CodeownersCheck.markdown(repository, asOf, result)));
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
