package dev.charter.registry.policy;

import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.disputes.DisputeEvent.VetoCarried;
import dev.charter.contracts.disputes.ModuleDecision;
import dev.charter.platform.consume.InboundEvent;
import dev.charter.platform.consume.InboundEventHandler;
import dev.charter.platform.security.PersonIds;
import dev.charter.registry.module.ModuleCommands.EndVetoedAppointment;
import dev.charter.registry.module.ModuleCommands.RestoreModuleSettings;
import dev.charter.platform.roster.ModuleIds;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * R7: the core maintainers vetoed a module-level decision (VetoCarried on charter.disputes.v1); the registry undoes
 * what that decision changed in the roster, naming the veto: a vetoed confirmation of a module maintainer ends the
 * appointment, a vetoed settings change is restored. Vetoes of other decisions (a motion, a publication, an
 * external decision) change nothing here. Idempotent: the platform skips a re-delivered event id, and the module
 * ignores a seat that has ended already or a setting restored already.
 */
@Component
public class VetoPolicy {

    private static final Logger log = LoggerFactory.getLogger(VetoPolicy.class);

    private final CommandGateway commands;

    public VetoPolicy(CommandGateway commands) {
        this.commands = commands;
    }

    @InboundEventHandler
    public void on(VetoCarried event, InboundEvent<VetoCarried> envelope) {
        commandFor(event, envelope.decisionRef(event.vetoId())).ifPresentOrElse(command -> {
            Object result = commands.sendAndWait(command);
            log.info("Veto {} of {}: {} -> {}", event.vetoId(), event.decision().decisionId(),
                    command.getClass().getSimpleName(), result);
        }, () -> log.info("Veto {} of {} ({}): nothing in the roster to undo", event.vetoId(),
                event.decision().decisionId(), event.decision().kind()));
    }

    /** What the registry does about a carried veto, if anything. */
    static Optional<Object> commandFor(VetoCarried event, DecisionRef veto) {
        ModuleDecision decision = event.decision();
        String moduleId = ModuleIds.normalize(decision.moduleId());
        return Optional.ofNullable(switch (decision.kind()) {
            case MODULE_NOMINATION -> "CONFIRMED".equals(decision.outcome()) && decision.personId() != null
                    ? new EndVetoedAppointment(moduleId, PersonIds.normalize(decision.personId()), veto) : null;
            case SETTINGS_CHANGE -> decision.settingsBefore() != null && decision.settingsAfter() != null
                    ? new RestoreModuleSettings(moduleId, decision.settingsBefore(), decision.settingsAfter(), veto)
                    : null;
            case MOTION, PUBLICATION, EXTERNAL -> null;
        });
    }
}
