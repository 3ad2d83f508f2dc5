package dev.charter.registry.bootstrap;

import dev.charter.platform.web.GovernanceException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading a roster document (YAML). */
class RosterDocumentTest {

    @Test
    @DisplayName("a document reads into persons, modules with their settings, conflicts and the core maintainers")
    void reads() {
        RosterDocument document = RosterDocument.parse("""
                lead: ada
                coreMaintainers: [ada]
                persons:
                  - {id: ada, name: Ada, affiliation: Acme}
                modules:
                  - {id: nn, name: NN, kind: DIRECTORY, location: torch/nn, inactivityPeriodDays: 90,
                     decisionRule: {method: SUPERMAJORITY, threshold: 0.75}, maintainers: [ada]}
                conflicts:
                  - {person: ada, other: bob, kind: FILIAL}
                """);
        assertThat(document.lead()).isEqualTo("ada");
        assertThat(document.persons()).singleElement().satisfies(p -> assertThat(p.affiliation()).isEqualTo("Acme"));
        assertThat(document.modules().get(0).inactivityPeriodDays()).isEqualTo(90);
        assertThat(document.modules().get(0).decisionRule().threshold()).isEqualTo(0.75);
        assertThat(document.conflicts()).hasSize(1);
        assertThat(document.coreEmeritus()).isEmpty();
    }

    @Test
    @DisplayName("malformed YAML and unknown fields are bad input (400), named precisely")
    void badYaml() {
        assertThatThrownBy(() -> RosterDocument.parse("persons: ["))
                .isInstanceOf(GovernanceException.BadInput.class);
        assertThatThrownBy(() -> RosterDocument.parse("persons: []\nleader: ada"))
                .isInstanceOf(GovernanceException.BadInput.class).hasMessageContaining("leader");
        assertThatThrownBy(() -> RosterDocument.parse("modules: [{id: x, kind: FOLDER}]"))
                .isInstanceOf(GovernanceException.BadInput.class).hasMessageContaining("modules");
        assertThatThrownBy(() -> RosterDocument.parse("  "))
                .isInstanceOf(GovernanceException.BadInput.class)
                .satisfies(e -> assertThat(((GovernanceException) e).code()).isEqualTo("invalid-roster"));
    }

}
