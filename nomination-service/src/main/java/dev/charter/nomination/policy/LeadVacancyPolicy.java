package dev.charter.nomination.policy;

import dev.charter.contracts.nominations.VacancyReason;
import dev.charter.contracts.registry.RegistryEvent.MaintainerRemoved;
import dev.charter.contracts.registry.Role;
import dev.charter.nomination.election.Election;
import dev.charter.nomination.election.ElectionCommands.OpenElection;
import dev.charter.nomination.seat.NominationDirectory;
import dev.charter.platform.consume.InboundEvent;
import dev.charter.platform.consume.InboundEventHandler;
import dev.charter.platform.roster.RosterReader;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * R13: when the registry reports the lead seat vacated — after this service's confirmed removal of the lead
 * (R12) or declaration of their permanent unavailability, or any other way — the core maintainers elect a new
 * lead. Reacting to the registry's own report (not to this service's decision) means the seat is surely vacant
 * in the registry before anyone is elected to it. Idempotent: the platform skips a re-delivered event id, and the
 * election's id derives from the vacancy, so opening it again changes nothing.
 */
@Component
public class LeadVacancyPolicy {

    private static final Logger log = LoggerFactory.getLogger(LeadVacancyPolicy.class);

    private final CommandGateway commands;
    private final RosterReader roster;
    private final NominationDirectory directory;
    private final Clock clock;

    public LeadVacancyPolicy(CommandGateway commands, RosterReader roster, NominationDirectory directory, Clock clock) {
        this.commands = commands;
        this.roster = roster;
        this.directory = directory;
        this.clock = clock;
    }

    @InboundEventHandler
    public void on(MaintainerRemoved event, InboundEvent<MaintainerRemoved> envelope) {
        commandFor(event, envelope.id(), roster.coreMaintainers(), directory::vacancyReason, clock)
                .ifPresent(command -> {
                    log.info("The lead seat is vacant ({}); opening election {} among {}", command.reason(),
                            command.electionId(), command.coreMaintainers());
                    commands.sendAndWait(command);
                });
    }

    /** The election a vacated lead seat opens; none for any other seat. */
    static Optional<OpenElection> commandFor(MaintainerRemoved event, String eventId, List<String> coreMaintainers,
                                             Function<String, Optional<VacancyReason>> vacancies, Clock clock) {
        if (event.role() != Role.LEAD) {
            return Optional.empty();
        }
        String vacancyId = event.decision() != null && event.decision().reference() != null
                ? event.decision().reference() : eventId;
        VacancyReason reason = vacancies.apply(vacancyId).orElse(VacancyReason.REMOVED);
        return Optional.of(new OpenElection(Election.electionIdFor(vacancyId), vacancyId, event.personId(), reason,
                coreMaintainers, clock.instant()));
    }
}
