package dev.charter.registry.policy;

import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.EventStream;
import dev.charter.contracts.disputes.ModuleSettings;
import dev.charter.contracts.nominations.NominationEvent.LeadElected;
import dev.charter.contracts.nominations.NominationEvent.LeadSeatVacated;
import dev.charter.contracts.nominations.NominationEvent.ModuleProposalAccepted;
import dev.charter.contracts.nominations.NominationEvent.NominationConfirmed;
import dev.charter.contracts.registry.NominationProcess;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.platform.consume.InboundEvent;
import dev.charter.platform.consume.InboundEventHandler;
import dev.charter.platform.roster.ModuleIds;
import dev.charter.platform.security.PersonIds;
import dev.charter.platform.web.GovernanceException;
import dev.charter.registry.core.CoreCommands.AppointCoreMaintainer;
import dev.charter.registry.core.CoreCommands.AppointLead;
import dev.charter.registry.core.CoreCommands.RemoveCoreMaintainer;
import dev.charter.registry.core.CoreCommands.VacateLeadSeat;
import dev.charter.registry.module.ModuleCommands.AddModule;
import dev.charter.registry.module.ModuleCommands.AppointModuleMaintainer;
import dev.charter.registry.module.ModuleCommands.RemoveModuleMaintainer;
import dev.charter.registry.module.ModuleCommands.RescopeModule;
import dev.charter.registry.module.ModuleCommands.RetireModule;
import dev.charter.platform.roster.ModuleRules;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * In production a seat changes only by a decision of another service (DESIGN §2): this policy applies the
 * decision events of the nominations stream to the roster, naming each decision in the seat's event.
 * Idempotent: the platform skips a re-delivered event id, and each aggregate ignores a decision it already
 * applied.
 */
@Component
public class DecisionPolicy {

    private static final Logger log = LoggerFactory.getLogger(DecisionPolicy.class);

    private final CommandGateway commands;

    public DecisionPolicy(CommandGateway commands) {
        this.commands = commands;
    }

    /** R9, R10, R11: appoint or remove as the core maintainers or the lead confirmed. */
    @InboundEventHandler
    public void on(NominationConfirmed event, InboundEvent<NominationConfirmed> envelope) {
        DecisionRef decision = decision(envelope, event.nominationId());
        String personId = PersonIds.normalize(event.personId());
        switch (event.kind()) {
            case MODULE_MAINTAINER -> commands.sendAndWait(
                    new AppointModuleMaintainer(moduleOf(event), personId, decision));
            case CORE_MAINTAINER -> commands.sendAndWait(new AppointCoreMaintainer(personId, decision));
            case REMOVAL -> {
                if (event.role() == Role.MODULE_MAINTAINER) {
                    commands.sendAndWait(new RemoveModuleMaintainer(moduleOf(event), personId, decision));
                } else if (event.role() == Role.CORE_MAINTAINER) {
                    commands.sendAndWait(new RemoveCoreMaintainer(personId, decision));
                } else {
                    throw new GovernanceException.BadInput("invalid-decision",
                            "A REMOVAL removes a module or core maintainer, not " + event.role());
                }
            }
            case LEAD_REMOVAL, LEAD_UNAVAILABLE -> log.info(
                    "{} {} confirmed; the seat is vacated by its LeadSeatVacated event", event.kind(),
                    event.nominationId());
        }
    }

    /** R12, R13: the lead seat is vacant; the person stays a core maintainer. */
    @InboundEventHandler
    public void on(LeadSeatVacated event, InboundEvent<LeadSeatVacated> envelope) {
        commands.sendAndWait(new VacateLeadSeat(PersonIds.normalize(event.personId()),
                decision(envelope, event.vacancyId())));
    }

    /** R13: the elected core maintainer takes the lead seat. */
    @InboundEventHandler
    public void on(LeadElected event, InboundEvent<LeadElected> envelope) {
        commands.sendAndWait(new AppointLead(PersonIds.normalize(event.personId()),
                decision(envelope, event.electionId())));
    }

    /**
     * R15: the core maintainers add (with the proposed settings and initial maintainers), re-scope (tenure kept) or
     * retire (every seat ends, naming the decision) a module. Idempotent: the platform skips a re-delivered event
     * id, and the module ignores an addition, re-scope or retirement by a decision it already applied.
     */
    @InboundEventHandler
    public void on(ModuleProposalAccepted event, InboundEvent<ModuleProposalAccepted> envelope) {
        DecisionRef decision = decision(envelope, event.proposalId());
        String moduleId = ModuleIds.normalize(event.moduleId());
        switch (event.action()) {
            case ADD -> {
                // the module refuses another decision's addition of an existing id (409, dead-lettered)
                List<String> maintainers = event.initialMaintainers() == null ? List.of()
                        : event.initialMaintainers().stream().map(PersonIds::normalize).toList();
                // the group starts with the settings the proposal carried (revision 2), else the defaults
                ModuleSettings settings = event.settings() == null ? new ModuleSettings(null, null, null)
                        : event.settings();
                commands.sendAndWait(new AddModule(moduleId, event.name(), event.kind(), event.location(),
                        event.description(),
                        settings.decisionRule() == null ? DecisionRule.majority() : settings.decisionRule(),
                        settings.nominationProcess() == null ? NominationProcess.CORE_MAINTAINERS
                                : settings.nominationProcess(),
                        settings.inactivityPeriodDays() == null ? ModuleRules.DEFAULT_INACTIVITY_DAYS
                                : settings.inactivityPeriodDays(), maintainers, decision));
            }
            case RESCOPE -> commands.sendAndWait(new RescopeModule(moduleId, event.name(), event.kind(),
                    event.location(), event.description(), decision));
            case RETIRE -> commands.sendAndWait(new RetireModule(moduleId, decision));
        }
    }

    private static String moduleOf(NominationConfirmed event) {
        if (event.moduleId() == null) {
            throw new GovernanceException.BadInput("invalid-decision",
                    "Nomination " + event.nominationId() + " names no module.");
        }
        return ModuleIds.normalize(event.moduleId());
    }

    private static DecisionRef decision(InboundEvent<?> envelope, String reference) {
        return new DecisionRef(EventStream.NOMINATIONS.topic(), envelope.payload().getClass().getSimpleName(),
                envelope.id(), reference);
    }
}
