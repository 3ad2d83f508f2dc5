package dev.charter.registry.module;

import dev.charter.contracts.DecisionRef;
import dev.charter.platform.axon.AggregateCache;
import dev.charter.contracts.disputes.ModuleSettings;
import dev.charter.contracts.registry.NominationProcess;
import dev.charter.contracts.registry.RegistryEvent.ReinstatementRequested;
import dev.charter.contracts.registry.RegistryEvent.SettingsMotionDecided;
import dev.charter.contracts.registry.RegistryEvent.SettingsMotionProposed;
import dev.charter.contracts.registry.RegistryEvent.SettingsMotionWithdrawn;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.registry.RegistryEvent.MaintainerAppointed;
import dev.charter.contracts.registry.RegistryEvent.MaintainerRemoved;
import dev.charter.contracts.registry.RegistryEvent.ModuleAdded;
import dev.charter.contracts.registry.RegistryEvent.ModuleDecisionRuleChanged;
import dev.charter.contracts.registry.RegistryEvent.ModuleInactivityPeriodChanged;
import dev.charter.contracts.registry.RegistryEvent.ModuleNominationProcessChanged;
import dev.charter.contracts.registry.RegistryEvent.ModuleRescoped;
import dev.charter.contracts.registry.RegistryEvent.ModuleRetired;
import dev.charter.contracts.registry.RegistryEvent.MovedToEmeritus;
import dev.charter.contracts.registry.RegistryEvent.PublicationAdded;
import dev.charter.contracts.registry.RemovalReason;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.platform.roster.ModuleRules;
import dev.charter.platform.web.GovernanceException;
import dev.charter.platform.web.Text;
import dev.charter.registry.AppliedDecisions;
import dev.charter.registry.core.CoreMaintainers;
import dev.charter.registry.module.ModuleCommands.AddModule;
import dev.charter.registry.module.ModuleCommands.AddPublication;
import dev.charter.registry.module.ModuleCommands.AppointModuleMaintainer;
import dev.charter.registry.module.ModuleCommands.ChangeModuleSettings;
import dev.charter.registry.module.ModuleCommands.EndVetoedAppointment;
import dev.charter.registry.module.ModuleCommands.IssueInactivityNotice;
import dev.charter.registry.module.ModuleCommands.MoveModuleMaintainerToEmeritus;
import dev.charter.registry.module.ModuleCommands.MoveToEmeritusAfterNotice;
import dev.charter.registry.module.ModuleCommands.ProposeSettingsMotion;
import dev.charter.registry.module.ModuleCommands.RecordReinstatementBallotClosed;
import dev.charter.registry.module.ModuleCommands.RecordSettingsBallotClosed;
import dev.charter.registry.module.ModuleCommands.RemoveModuleMaintainer;
import dev.charter.registry.module.ModuleCommands.RequestReinstatement;
import dev.charter.registry.module.ModuleCommands.RescopeModule;
import dev.charter.registry.module.ModuleCommands.RestoreModuleSettings;
import dev.charter.registry.module.ModuleCommands.RetireModule;
import dev.charter.registry.module.ModuleCommands.WithdrawInactivityNotice;
import dev.charter.registry.module.ModuleCommands.WithdrawReinstatement;
import dev.charter.registry.module.ModuleCommands.WithdrawSettingsMotion;
import dev.charter.registry.lifecycle.CoreDecision;
import dev.charter.registry.lifecycle.SeatLifecycle;
import dev.charter.registry.person.RegisteredPersons;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.spring.stereotype.Aggregate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A module — a repository of the organisation or a directory of the core repository (R3) — with its own
 * maintainer group (R1), the group's decision rule (R4), nomination process (R9), inactivity period (R14)
 * and publications (R6). Seats change only by a named decision; re-applying the same decision changes
 * nothing. The group changes its settings by its own motion, decided under its current rule (R4); inactive
 * maintainers get a public notice, then move to emeritus, and are reinstated by the group's ballot (R14).
 */
@Aggregate(cache = AggregateCache.BEAN)
public class Module {

    private static final Logger log = LoggerFactory.getLogger(Module.class);

    @AggregateIdentifier
    private String moduleId;
    private boolean retired;
    private DecisionRule decisionRule;
    private NominationProcess nominationProcess;
    private int inactivityPeriodDays;
    private final Set<String> maintainers = new LinkedHashSet<>();
    private final Set<String> emeritus = new LinkedHashSet<>();
    private final AppliedDecisions applied = new AppliedDecisions();
    @AggregateMember
    private final SeatLifecycle lifecycle = new SeatLifecycle(Role.MODULE_MAINTAINER);
    private OpenMotion motion;

    /** The settings motion the group votes on (R4): one at a time. */
    private record OpenMotion(String motionId, String proposedBy, String requestId, DecisionRule decisionRule,
                              NominationProcess nominationProcess, int inactivityPeriodDays) {
    }

    /** The subject kind of a settings motion's ballot on the voting stream. */
    public static final String SETTINGS_MOTION_SUBJECT = "SETTINGS_MOTION";

    protected Module() {
    }

    /**
     * R3, R15: a module is added by a decision (a carried module proposal, or the bootstrap import) with its group's
     * settings and first maintainers. The same decision again changes nothing; another one for an existing module is
     * a 409.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AddModule command, RegisteredPersons persons) {
        if (moduleId != null) {
            if (applied.contains(new ModuleAdded(command.moduleId(), command.name(), command.kind(), command.location(),
                    command.description(), command.decisionRule(), command.nominationProcess(),
                    command.inactivityPeriodDays(), command.decision()))) {
                return; // the same decision again: already applied
            }
            throw new GovernanceException.Conflict("module-exists", "R15", "Module " + moduleId + " exists already.");
        }
        String location = ModuleRules.location(command.kind(), command.location());
        DecisionRule rule = ModuleRules.groupDecisionRule(command.decisionRule());
        int inactivity = ModuleRules.inactivityPeriodDays(command.inactivityPeriodDays());
        Set<String> initial = new LinkedHashSet<>(command.initialMaintainers() == null ? Set.of()
                : command.initialMaintainers());
        initial.forEach(personId -> persons.requireRegisteredIndividual(personId));
        apply(new ModuleAdded(command.moduleId(), command.name().trim(), command.kind(), location,
                Text.blankToNull(command.description()), rule,
                command.nominationProcess() == null ? NominationProcess.CORE_MAINTAINERS : command.nominationProcess(),
                inactivity, command.decision()));
        initial.forEach(personId -> apply(new MaintainerAppointed(personId, Role.MODULE_MAINTAINER, command.moduleId(),
                command.decision(), command.heldSince() == null ? null : command.heldSince().get(personId))));
    }

    /** R15: an accepted proposal moves the module; its maintainers keep their seats and tenure. Once per decision. */
    @CommandHandler
    public void handle(RescopeModule command) {
        if (applied.contains(new ModuleRescoped(moduleId, command.name(), command.kind(), command.location(),
                command.description(), command.decision()))) {
            return; // the same decision again: already applied
        }
        requireActive();
        String location = ModuleRules.location(command.kind(), command.location());
        apply(new ModuleRescoped(moduleId, command.name().trim(), command.kind(), location,
                Text.blankToNull(command.description()), command.decision()));
    }

    @CommandHandler
    public void handle(RetireModule command) {
        ModuleRetired retirement = new ModuleRetired(moduleId, command.decision());
        if (retired) {
            if (applied.contains(retirement)) {
                return; // the same decision again: already applied
            }
            throw new GovernanceException.Conflict("module-retired", "R15", "Module " + moduleId + " is already retired.");
        }
        if (motion != null) {
            apply(new SettingsMotionWithdrawn(moduleId, motion.motionId(), null, "the module was retired (R15)",
                    motion.requestId()));
        }
        lifecycle.reinstatementMoot(moduleId, null, "the module was retired (R15)");
        for (String personId : Set.copyOf(maintainers)) {
            lifecycle.seatEnding(moduleId, personId);
            apply(new MaintainerRemoved(personId, Role.MODULE_MAINTAINER, moduleId, RemovalReason.MODULE_RETIRED,
                    command.decision()));
        }
        apply(retirement);
    }

    /**
     * R4: the group's decision rule, nomination process (R9) and inactivity period (R14) are the group's decision;
     * directly, only a core maintainer changes them, applying a carried motion of the core maintainers, which each
     * changed setting's event names. Answered with the settings now.
     */
    @CommandHandler
    public ModuleCommands.Settings handle(ChangeModuleSettings command, CoreMaintainers core) {
        if (!core.isCoreMaintainer(command.requestedBy())) {
            throw new GovernanceException.NotAllowed("not-a-core-maintainer", "R4", "A group's settings are its own "
                    + "decision: its maintainers put a settings motion to the group; directly, only a core maintainer "
                    + "applies a carried decision of the core maintainers.");
        }
        requireActive();
        DecisionRef decision = CoreDecision.requireCarriedCoreMotion(command.ballotId(), command.coreDecision());
        applySettings(ModuleRules.groupDecisionRule(command.decisionRule()), command.nominationProcess(),
                ModuleRules.inactivityPeriodDays(command.inactivityPeriodDays()), decision);
        return new ModuleCommands.Settings(decisionRule, nominationProcess, inactivityPeriodDays);
    }

    /**
     * R4: a maintainer of the module puts a motion to change the group's settings to the group; voting-service
     * opens the group's ballot under its current rule. One open motion at a time; it must change something.
     */
    @CommandHandler
    public SettingsMotionProposed handle(ProposeSettingsMotion command) {
        if (!maintainers.contains(command.proposedBy())) {
            throw new GovernanceException.NotAllowed("not-a-maintainer", "R4",
                    "Only a maintainer of module " + moduleId + " puts a motion to its group.");
        }
        requireActive();
        if (motion != null) {
            throw new GovernanceException.Conflict("motion-open", "R4", "Module " + moduleId + "'s group votes on "
                    + "settings motion " + motion.motionId() + " already; one settings motion at a time.");
        }
        DecisionRule rule = ModuleRules.groupDecisionRule(command.decisionRule());
        int inactivity = ModuleRules.inactivityPeriodDays(command.inactivityPeriodDays());
        NominationProcess process = command.nominationProcess() == null ? nominationProcess
                : command.nominationProcess();
        if (rule.equals(decisionRule) && process == nominationProcess && inactivity == inactivityPeriodDays) {
            throw new GovernanceException.Conflict("settings-unchanged", "R4",
                    "The motion proposes the settings module " + moduleId + " has now.");
        }
        String text = Text.blankToNull(command.statement());
        if (text == null) {
            throw new GovernanceException.BadInput("blank-statement", "'statement' must not be blank.");
        }
        String requestId = "registry:" + moduleId + ":settings-motion:" + command.motionId();
        String question = "Change module " + moduleId + "'s settings to: decision rule " + describe(rule)
                + ", nomination process " + process + ", inactivity period " + inactivity + " days? (R4)";
        SettingsMotionProposed proposed = new SettingsMotionProposed(moduleId, command.motionId(),
                command.proposedBy(), rule, process, inactivity, text,
                BallotRequest.yesNo(requestId, SETTINGS_MOTION_SUBJECT, moduleId, question,
                        BallotBody.MODULE_MAINTAINERS, moduleId, decisionRule, command.deadline(), List.of(),
                        command.proposedBy()));
        apply(proposed);
        return proposed;
    }

    /** R4: the proposer withdraws the open motion; voting-service cancels its ballot. */
    @CommandHandler
    public void handle(WithdrawSettingsMotion command) {
        if (motion == null || !motion.motionId().equals(command.motionId())) {
            throw new GovernanceException.Conflict("motion-not-open", "R4",
                    "Settings motion " + command.motionId() + " of module " + moduleId + " is not open.");
        }
        if (!motion.proposedBy().equals(command.withdrawnBy())) {
            throw new GovernanceException.NotAllowed("not-the-proposer", "R4",
                    "Only the proposer, " + motion.proposedBy() + ", withdraws the motion.");
        }
        String reason = Text.blankToNull(command.reason());
        if (reason == null) {
            throw new GovernanceException.BadInput("blank-reason", "'reason' must not be blank.");
        }
        apply(new SettingsMotionWithdrawn(moduleId, motion.motionId(), command.withdrawnBy(), reason,
                motion.requestId()));
    }

    /**
     * R4: the group's ballot on the open motion closed; carried, its settings apply, each changed setting's event
     * naming the ballot. Idempotent: a ballot of no open motion changes nothing.
     */
    @CommandHandler
    public boolean handle(RecordSettingsBallotClosed command) {
        if (motion == null || !motion.requestId().equals(command.requestId())) {
            log.info("Module {} ignores the close of ballot {} (request {}): no such motion is open", moduleId,
                    command.ballotId(), command.requestId());
            return false;
        }
        OpenMotion carried = motion;
        apply(new SettingsMotionDecided(moduleId, motion.motionId(), command.ballotId(), command.outcome()));
        if (command.outcome() == BallotOutcome.CARRIED && !retired) {
            applySettings(carried.decisionRule(), carried.nominationProcess(), carried.inactivityPeriodDays(),
                    command.ballot());
        }
        return true;
    }

    /** R4: each setting that differs is changed, naming the decision it came from. */
    private void applySettings(DecisionRule rule, NominationProcess process, int inactivity, DecisionRef decision) {
        if (!rule.equals(decisionRule)) {
            apply(new ModuleDecisionRuleChanged(moduleId, rule, decision));
        }
        if (process != null && process != nominationProcess) {
            apply(new ModuleNominationProcessChanged(moduleId, process, decision));
        }
        if (inactivity != inactivityPeriodDays) {
            apply(new ModuleInactivityPeriodChanged(moduleId, inactivity, decision));
        }
    }

    /** A decision rule in words, e.g. {@code SUPERMAJORITY 0.75 of SEATED}. */
    static String describe(DecisionRule rule) {
        StringBuilder text = new StringBuilder(rule.method().name());
        if (rule.threshold() != null) {
            text.append(' ').append(rule.threshold()).append(" of ")
                    .append(rule.base() == null ? "SEATED" : rule.base().name());
        }
        if (rule.quorum() != null) {
            text.append(", quorum ").append(rule.quorum());
        }
        return text.toString();
    }

    /** R14: the sweep found a maintainer inactive longer than the group's period: a public notice. */
    @CommandHandler
    public boolean handle(IssueInactivityNotice command) {
        if (retired || !maintainers.contains(command.personId())) {
            return false;
        }
        return lifecycle.issueNotice(moduleId, command.personId(), command.noticeId(), command.lastActivityAt(),
                command.inactiveSince(), inactivityPeriodDays, command.now(), command.gracePeriod());
    }

    /** R14: activity, or a longer period, withdraws the notice. Idempotent: no such notice, nothing happens. */
    @CommandHandler
    public boolean handle(WithdrawInactivityNotice command) {
        return lifecycle.withdrawNotice(moduleId, command.personId(), command.noticeId(), command.reason(),
                command.activityAt());
    }

    /**
     * R14: the notice's grace period passed without activity: the maintainer moves to emeritus with the reason, the
     * period and the last activity. Idempotent: no such notice, or its grace period runs, nothing happens.
     */
    @CommandHandler
    public boolean handle(MoveToEmeritusAfterNotice command) {
        return lifecycle.emeritusAfter(moduleId, command.personId(), command.noticeId(), command.now())
                .filter(moved -> maintainers.contains(command.personId()))
                .map(moved -> {
                    apply(moved);
                    return true;
                }).orElse(false);
    }

    /** R14: an emeritus maintainer asks to be reinstated; the group decides by its own rule (no quarterly wait). */
    @CommandHandler
    public ReinstatementRequested handle(RequestReinstatement command) {
        requireActive();
        return lifecycle.requestReinstatement(moduleId, moduleId, command.reinstatementId(), command.personId(),
                command.requestedBy(), command.statement(), emeritus, BallotBody.MODULE_MAINTAINERS, decisionRule,
                command.deadline());
    }

    @CommandHandler
    public void handle(WithdrawReinstatement command) {
        lifecycle.withdrawReinstatement(moduleId, command.reinstatementId(), command.withdrawnBy(), command.reason());
    }

    /**
     * R14: the group's ballot on a reinstatement closed: carried, the tenure resumes (the emeritus period stays in
     * the history); otherwise declined. Idempotent: a ballot of no open request changes nothing.
     */
    @CommandHandler
    public boolean handle(RecordReinstatementBallotClosed command) {
        if (retired) {
            return false;
        }
        return lifecycle.reinstatementBallotClosed(moduleId, command.requestId(), command.ballotId(),
                command.outcome(), command.ballot());
    }

    /** R6: the group publishes its vision, roadmap, design docs and meeting notes; so may a core maintainer. */
    @CommandHandler
    public PublicationAdded handle(AddPublication command, CoreMaintainers core) {
        requireMaintainerOrCore(command.requestedBy(), core, "R6", "publish for the module");
        requireActive();
        PublicationAdded added = new PublicationAdded(moduleId, command.publicationId(), command.kind(),
                command.title().trim(), command.url().trim(), command.publishedOn());
        apply(added);
        return added;
    }

    @CommandHandler
    public void handle(AppointModuleMaintainer command, RegisteredPersons persons) {
        applied.applyOnce(new MaintainerAppointed(command.personId(), Role.MODULE_MAINTAINER, moduleId,
                command.decision()), () -> {
            requireActive();
            persons.requireRegisteredIndividual(command.personId());
            if (maintainers.contains(command.personId())) {
                throw new GovernanceException.Conflict("already-a-maintainer", "R1",
                        command.personId() + " is already a maintainer of module " + moduleId + ".");
            }
            lifecycle.reinstatementMoot(moduleId, command.personId(), "appointed by another decision");
        });
    }

    @CommandHandler
    public void handle(RemoveModuleMaintainer command) {
        applied.applyOnce(new MaintainerRemoved(command.personId(), Role.MODULE_MAINTAINER, moduleId,
                RemovalReason.REMOVED, command.decision()), () -> {
            if (!maintainers.contains(command.personId())) {
                throw new GovernanceException.Conflict("not-a-maintainer", "R10",
                        command.personId() + " is not a maintainer of module " + moduleId + ".");
            }
            lifecycle.seatEnding(moduleId, command.personId());
        });
    }

    /** R14: a maintainer moves to emeritus; the bootstrap import may also record past maintainers as emeritus. */
    @CommandHandler
    public void handle(MoveModuleMaintainerToEmeritus command, RegisteredPersons persons) {
        applied.applyOnce(MovedToEmeritus.imported(command.personId(), Role.MODULE_MAINTAINER, moduleId,
                command.decision()), () -> {
            persons.requireRegisteredIndividual(command.personId());
            if (emeritus.contains(command.personId())) {
                throw new GovernanceException.Conflict("already-emeritus", "R14",
                        command.personId() + " is already emeritus of module " + moduleId + ".");
            }
            boolean bootstrap = AppliedDecisions.isBootstrap(command.decision());
            if (!maintainers.contains(command.personId()) && !bootstrap) {
                throw new GovernanceException.Conflict("not-a-maintainer", "R14",
                        command.personId() + " is not a maintainer of module " + moduleId + ".");
            }
        });
    }

    /**
     * R7: the core maintainers vetoed the group's confirmation of this maintainer: the seat ends, naming the veto.
     * Idempotent: a person who no longer holds the seat (removed already, or by this veto) changes nothing.
     */
    @CommandHandler
    public boolean handle(EndVetoedAppointment command) {
        if (!maintainers.contains(command.personId())) {
            log.info("Veto {}: {} no longer maintains module {}; nothing to end", command.veto().reference(),
                    command.personId(), moduleId);
            return false;
        }
        lifecycle.seatEnding(moduleId, command.personId());
        apply(new MaintainerRemoved(command.personId(), Role.MODULE_MAINTAINER, moduleId, RemovalReason.VETOED,
                command.veto()));
        return true;
    }

    /**
     * R7: the core maintainers vetoed a change of the group's settings: each setting the change made is restored
     * to what it replaced, naming the veto — unless it has changed again since (a later decision stands) or the
     * module is retired. Idempotent: a setting restored already changes nothing.
     */
    @CommandHandler
    public int handle(RestoreModuleSettings command) {
        if (retired) {
            log.info("Veto {}: module {} is retired; its settings stay", command.veto().reference(), moduleId);
            return 0;
        }
        ModuleSettings before = command.before();
        ModuleSettings after = command.after();
        int restored = 0;
        if (before.decisionRule() != null && after.decisionRule() != null
                && after.decisionRule().equals(decisionRule)) {
            apply(new ModuleDecisionRuleChanged(moduleId, before.decisionRule(), command.veto()));
            restored++;
        }
        if (before.nominationProcess() != null && after.nominationProcess() == nominationProcess) {
            apply(new ModuleNominationProcessChanged(moduleId, before.nominationProcess(), command.veto()));
            restored++;
        }
        if (before.inactivityPeriodDays() != null && after.inactivityPeriodDays() != null
                && after.inactivityPeriodDays() == inactivityPeriodDays) {
            apply(new ModuleInactivityPeriodChanged(moduleId, before.inactivityPeriodDays(), command.veto()));
            restored++;
        }
        if (restored == 0) {
            log.info("Veto {}: module {}'s settings changed again since, or were restored already; they stay",
                    command.veto().reference(), moduleId);
        }
        return restored;
    }

    @EventSourcingHandler
    void on(ModuleAdded event) {
        moduleId = event.moduleId();
        applied.record(event);
        decisionRule = event.decisionRule();
        nominationProcess = event.nominationProcess();
        inactivityPeriodDays = event.inactivityPeriodDays();
    }

    @EventSourcingHandler
    void on(ModuleRescoped event) {
        applied.record(event);
    }

    @EventSourcingHandler
    void on(ModuleRetired event) {
        retired = true;
        applied.record(event);
    }

    @EventSourcingHandler
    void on(ModuleDecisionRuleChanged event) {
        decisionRule = event.decisionRule();
    }

    @EventSourcingHandler
    void on(ModuleNominationProcessChanged event) {
        nominationProcess = event.nominationProcess();
    }

    @EventSourcingHandler
    void on(ModuleInactivityPeriodChanged event) {
        inactivityPeriodDays = event.inactivityPeriodDays();
    }

    @EventSourcingHandler
    void on(MaintainerAppointed event) {
        maintainers.add(event.personId());
        emeritus.remove(event.personId());
        lifecycle.seatChanged(event.personId());
        applied.record(event);
    }

    @EventSourcingHandler
    void on(MaintainerRemoved event) {
        maintainers.remove(event.personId());
        lifecycle.seatChanged(event.personId());
        applied.record(event);
    }

    @EventSourcingHandler
    void on(MovedToEmeritus event) {
        maintainers.remove(event.personId());
        emeritus.add(event.personId());
        lifecycle.seatChanged(event.personId());
        applied.record(event);
    }

    @EventSourcingHandler
    void on(SettingsMotionProposed event) {
        motion = new OpenMotion(event.motionId(), event.proposedBy(), event.ballotRequest().requestId(),
                event.decisionRule(), event.nominationProcess(), event.inactivityPeriodDays());
    }

    @EventSourcingHandler
    void on(SettingsMotionDecided event) {
        motion = null;
    }

    @EventSourcingHandler
    void on(SettingsMotionWithdrawn event) {
        motion = null;
    }

    /** DESIGN §5: a group's own maintainers act for it, and core maintainers oversee every module. */
    private void requireMaintainerOrCore(String actor, CoreMaintainers core, String rule, String what) {
        if (!maintainers.contains(actor) && !core.isCoreMaintainer(actor)) {
            throw new GovernanceException.NotAllowed("not-a-maintainer", rule,
                    "Only a maintainer of module " + moduleId + " or a core maintainer may " + what + ".");
        }
    }

    private void requireActive() {
        if (retired) {
            throw new GovernanceException.Conflict("module-retired", "R15", "Module " + moduleId + " is retired.");
        }
    }


}
