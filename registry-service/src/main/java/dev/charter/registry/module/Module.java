package dev.charter.registry.module;

import dev.charter.platform.axon.AggregateCache;
import dev.charter.contracts.disputes.ModuleSettings;
import dev.charter.contracts.registry.NominationProcess;
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
import dev.charter.platform.web.GovernanceException;
import dev.charter.platform.web.Text;
import dev.charter.registry.AppliedDecisions;
import dev.charter.registry.core.CoreMaintainers;
import dev.charter.registry.module.ModuleCommands.AddModule;
import dev.charter.registry.module.ModuleCommands.AddPublication;
import dev.charter.registry.module.ModuleCommands.AppointModuleMaintainer;
import dev.charter.registry.module.ModuleCommands.ChangeModuleSettings;
import dev.charter.registry.module.ModuleCommands.EndVetoedAppointment;
import dev.charter.registry.module.ModuleCommands.MoveModuleMaintainerToEmeritus;
import dev.charter.registry.module.ModuleCommands.RemoveModuleMaintainer;
import dev.charter.registry.module.ModuleCommands.RescopeModule;
import dev.charter.registry.module.ModuleCommands.RestoreModuleSettings;
import dev.charter.registry.module.ModuleCommands.RetireModule;
import dev.charter.registry.person.RegisteredPersons;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A module — a repository of the organisation or a directory of the core repository (R3) — with its own
 * maintainer group (R1), the group's decision rule (R4), nomination process (R9), inactivity period (R14)
 * and publications (R6). Seats change only by a named decision; re-applying the same decision changes
 * nothing.
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

    protected Module() {
    }

    @CommandHandler
    public Module(AddModule command, RegisteredPersons persons) {
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
                command.decision())));
    }

    @CommandHandler
    public void handle(RescopeModule command) {
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
        for (String personId : Set.copyOf(maintainers)) {
            apply(new MaintainerRemoved(personId, Role.MODULE_MAINTAINER, moduleId, RemovalReason.MODULE_RETIRED,
                    command.decision()));
        }
        apply(retirement);
    }

    /**
     * R4: the group's decision rule; also its nomination process (R9) and inactivity period (R14). Changed by a
     * maintainer of the module or a core maintainer; answered with the settings now.
     */
    @CommandHandler
    public ModuleCommands.Settings handle(ChangeModuleSettings command, CoreMaintainers core) {
        requireMaintainerOrCore(command.requestedBy(), core, "R4", "change the module's settings");
        DecisionRule rule = ModuleRules.groupDecisionRule(command.decisionRule());
        requireActive();
        int inactivity = ModuleRules.inactivityPeriodDays(command.inactivityPeriodDays());
        if (!rule.equals(decisionRule)) {
            apply(new ModuleDecisionRuleChanged(moduleId, rule, null));
        }
        if (command.nominationProcess() != null && command.nominationProcess() != nominationProcess) {
            apply(new ModuleNominationProcessChanged(moduleId, command.nominationProcess(), null));
        }
        if (inactivity != inactivityPeriodDays) {
            apply(new ModuleInactivityPeriodChanged(moduleId, inactivity, null));
        }
        return new ModuleCommands.Settings(decisionRule, nominationProcess, inactivityPeriodDays);
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
        });
    }

    /** R14: a maintainer moves to emeritus; the bootstrap import may also record past maintainers as emeritus. */
    @CommandHandler
    public void handle(MoveModuleMaintainerToEmeritus command, RegisteredPersons persons) {
        applied.applyOnce(new MovedToEmeritus(command.personId(), Role.MODULE_MAINTAINER, moduleId,
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
        decisionRule = event.decisionRule();
        nominationProcess = event.nominationProcess();
        inactivityPeriodDays = event.inactivityPeriodDays();
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
        applied.record(event);
    }

    @EventSourcingHandler
    void on(MaintainerRemoved event) {
        maintainers.remove(event.personId());
        applied.record(event);
    }

    @EventSourcingHandler
    void on(MovedToEmeritus event) {
        maintainers.remove(event.personId());
        emeritus.add(event.personId());
        applied.record(event);
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
