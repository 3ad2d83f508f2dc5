package dev.charter.registry.bootstrap;

import dev.charter.platform.web.GovernanceException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

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
                () -> RosterValidation.validate(RosterDocument.parse(yaml)));
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
        var roster = RosterValidation.validate(RosterDocument.parse(yaml));
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
                () -> RosterValidation.validate(RosterDocument.parse(yaml)));
        assertThat(e.violations()).extracting(v -> v.get("field"))
                .containsExactlyInAnyOrder("modules[1].decisionRule", "modules[1].inactivityPeriodDays");
        var valid = RosterValidation.validate(RosterDocument.parse("""
                persons:
                  - {id: ada, name: Ada}
                modules:
                  - {id: nn, name: NN, kind: DIRECTORY, location: torch/nn}
                """));
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
                () -> RosterValidation.validate(RosterDocument.parse(yaml)));
        assertThat(e.code()).isEqualTo("invalid-roster");
        assertThat(e.violations()).extracting(v -> v.get("field"))
                .containsExactlyInAnyOrder("coreEmeritus", "conflicts[0]", "conflicts[1]");
    }
}
