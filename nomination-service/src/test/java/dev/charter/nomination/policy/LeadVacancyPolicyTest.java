package dev.charter.nomination.policy;

import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.nominations.VacancyReason;
import dev.charter.contracts.registry.RegistryEvent.MaintainerRemoved;
import dev.charter.contracts.registry.RemovalReason;
import dev.charter.contracts.registry.Role;
import dev.charter.nomination.election.Election;
import dev.charter.nomination.election.ElectionCommands.OpenElection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** R13: which vacancy opens which election. */
class LeadVacancyPolicyTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2100-01-01T00:00:00Z"), ZoneOffset.UTC);
    static final List<String> CORE = List.of("ada", "grace", "linus");

    @Test
    @DisplayName("R13: the registry's report of the vacated lead seat opens an election, with the reason this service decided")
    void vacatedLeadSeatOpensElection() {
        MaintainerRemoved removed = new MaintainerRemoved("ada", Role.LEAD, null, RemovalReason.LEAD_SEAT_VACATED,
                new DecisionRef("charter.nominations.v1", "LeadSeatVacated", "event-7", "vacancy-n-1"));
        Optional<OpenElection> command = LeadVacancyPolicy.commandFor(removed, "event-9", CORE,
                vacancy -> vacancy.equals("vacancy-n-1") ? Optional.of(VacancyReason.PERMANENTLY_UNAVAILABLE)
                        : Optional.empty(), CLOCK);
        assertThat(command).contains(new OpenElection(Election.electionIdFor("vacancy-n-1"), "vacancy-n-1", "ada",
                VacancyReason.PERMANENTLY_UNAVAILABLE, CORE, CLOCK.instant()));
    }

    @Test
    @DisplayName("R13: a lead seat vacated otherwise opens an election too, as a removal")
    void otherVacancy() {
        MaintainerRemoved removed = new MaintainerRemoved("ada", Role.LEAD, null, RemovalReason.LEAD_SEAT_VACATED,
                null);
        assertThat(LeadVacancyPolicy.commandFor(removed, "event-9", CORE, vacancy -> Optional.empty(), CLOCK))
                .hasValueSatisfying(command -> {
                    assertThat(command.electionId()).isEqualTo(Election.electionIdFor("event-9"));
                    assertThat(command.reason()).isEqualTo(VacancyReason.REMOVED);
                });
    }

    @Test
    @DisplayName("other seats ending open nothing")
    void otherSeats() {
        MaintainerRemoved removed = new MaintainerRemoved("grace", Role.CORE_MAINTAINER, null, RemovalReason.REMOVED,
                null);
        assertThat(LeadVacancyPolicy.commandFor(removed, "event-9", CORE, vacancy -> Optional.empty(), CLOCK))
                .isEmpty();
    }
}
