package dev.charter.registry.bootstrap;

import dev.charter.platform.web.GovernanceException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Checking a roster document whole before an import (pure). */
class RosterValidationTest {

    @Test
    @DisplayName("R1: an import whose lead is not a core maintainer is refused, with every problem listed at once")
    void reportsEveryViolation() {
        String yaml = """
                lead: bob
                coreMaintainers: [ada, zed]
                persons:
                  - {id: ada, name: Ada}
                  - {id: bob, name: Bob}
                  - {id: ada, name: Ada again}
                modules:
                  - {id: nn, name: NN, kind: REPOSITORY, location: not-a-repo, maintainers: [ada, ghost]}
                """;
        GovernanceException e = catchThrowableOfType(GovernanceException.class,
                () -> RosterValidation.validate(RosterDocument.parse(yaml), LocalDate.of(2026, 6, 1)));
        assertThat(e).isInstanceOf(GovernanceException.RuleViolation.class);
        assertThat(e.violations()).extracting(v -> v.get("field")).contains("persons[2].id", "coreMaintainers",
                "lead", "modules[0].location", "modules[0].maintainers");
        assertThat(e.violations()).extracting(v -> v.get("message")).anySatisfy(m ->
                assertThat(m).contains("R1"));
    }

    @Test
    @DisplayName("a valid roster is normalised: handles lower-cased, locations without slashes")
    void normalises() {
        String yaml = """
                lead: Ada
                coreMaintainers: [ADA]
                persons:
                  - {id: Ada, name: Ada}
                modules:
                  - {id: NN, name: NN, kind: DIRECTORY, location: /torch/nn/, maintainers: [ada]}
                """;
        var roster = RosterValidation.validate(RosterDocument.parse(yaml), LocalDate.of(2026, 6, 1));
        assertThat(roster.lead()).isEqualTo("ada");
        assertThat(roster.modules().get(0).id()).isEqualTo("nn");
        assertThat(roster.modules().get(0).maintainers()).containsExactly("ada");
    }

    @Test
    @DisplayName("R14, R4: a module without an inactivity period gets the default; its group rule is checked as the registry would (R4)")
    void moduleSettings() {
        String yaml = """
                persons:
                  - {id: ada, name: Ada}
                modules:
                  - {id: nn, name: NN, kind: DIRECTORY, location: torch/nn}
                  - {id: fn, name: FN, kind: DIRECTORY, location: torch/fn,
                     decisionRule: {method: SUPERMAJORITY, threshold: 0.5}, inactivityPeriodDays: 0}
                """;
        GovernanceException e = catchThrowableOfType(GovernanceException.class,
                () -> RosterValidation.validate(RosterDocument.parse(yaml), LocalDate.of(2026, 6, 1)));
        assertThat(e.violations()).extracting(v -> v.get("field"))
                .containsExactlyInAnyOrder("modules[1].decisionRule", "modules[1].inactivityPeriodDays");
        var valid = RosterValidation.validate(RosterDocument.parse("""
                persons:
                  - {id: ada, name: Ada}
                modules:
                  - {id: nn, name: NN, kind: DIRECTORY, location: torch/nn}
                """), LocalDate.of(2026, 6, 1));
        assertThat(valid.modules().get(0).inactivityPeriodDays()).isEqualTo(365);
    }

    @Test
    @DisplayName("R10, R14: a conflict is between two listed, different persons; nobody is both seated and emeritus")
    void conflictsAndEmeritus() {
        String yaml = """
                coreMaintainers: [ada]
                coreEmeritus: [ada]
                persons:
                  - {id: ada, name: Ada}
                conflicts:
                  - {person: ada, other: ada, kind: OTHER}
                  - {person: ada, other: ghost, kind: FILIAL}
                """;
        GovernanceException e = catchThrowableOfType(GovernanceException.class,
                () -> RosterValidation.validate(RosterDocument.parse(yaml), LocalDate.of(2026, 6, 1)));
        assertThat(e.code()).isEqualTo("invalid-roster");
        assertThat(e.violations()).extracting(v -> v.get("field"))
                .containsExactlyInAnyOrder("coreEmeritus", "conflicts[0]", "conflicts[1]");
    }

    @Test
    @DisplayName("R14: appointment dates of an imported roster are of listed seats and not in the future; they start the tenure for inactivity")
    void appointmentDates() {
        String yaml = """
                coreMaintainers: [ada]
                coreAppointedOn: {Ada: 2019-05-01}
                persons:
                  - {id: ada, name: Ada}
                  - {id: bob, name: Bob}
                modules:
                  - {id: nn, name: NN, kind: DIRECTORY, location: torch/nn, maintainers: [bob],
                     appointedOn: {bob: 2021-02-03}}
                """;
        var valid = RosterValidation.validate(RosterDocument.parse(yaml), LocalDate.of(2026, 6, 1));
        assertThat(valid.coreAppointedOn()).containsEntry("ada", LocalDate.of(2019, 5, 1));
        assertThat(valid.modules().get(0).appointedOn()).containsEntry("bob", LocalDate.of(2021, 2, 3));
        GovernanceException e = catchThrowableOfType(GovernanceException.class,
                () -> RosterValidation.validate(RosterDocument.parse(yaml.replace("bob: 2021-02-03", "ada: 2021-02-03")
                        .replace("2019-05-01", "2027-01-01")), LocalDate.of(2026, 6, 1)));
        assertThat(e.violations()).extracting(v -> v.get("field"))
                .containsExactlyInAnyOrder("coreAppointedOn", "modules[0].appointedOn");
    }
}
