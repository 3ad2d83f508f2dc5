package dev.charter.registry.person;

import dev.charter.contracts.registry.ConflictKind;
import dev.charter.contracts.registry.RegistryEvent.AffiliationChanged;
import dev.charter.contracts.registry.RegistryEvent.ConflictOfInterestDeclared;
import dev.charter.contracts.registry.RegistryEvent.ConflictOfInterestWithdrawn;
import dev.charter.contracts.registry.RegistryEvent.PersonRegistered;
import dev.charter.platform.security.PersonIds;
import dev.charter.platform.web.GovernanceException;
import dev.charter.registry.person.PersonCommands.ChangeAffiliation;
import dev.charter.registry.person.PersonCommands.DeclareConflict;
import dev.charter.registry.person.PersonCommands.RegisterPerson;
import dev.charter.registry.person.PersonCommands.WithdrawConflict;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonTest {

    private AggregateTestFixture<Person> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Person.class);
    }

    @Test
    @DisplayName("R2: a person is registered as an individual, blank affiliation meaning independent")
    void registers() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPerson("ada", " Ada Lovelace ", "  "))
                .expectEvents(new PersonRegistered("ada", "Ada Lovelace", null));
    }

    @Test
    @DisplayName("R2: an affiliation change keeps the previous one in the event, never a seat")
    void changesAffiliation() {
        fixture.given(new PersonRegistered("ada", "Ada", "Old Corp"))
                .when(new ChangeAffiliation("ada", "New Corp"))
                .expectEvents(new AffiliationChanged("ada", "New Corp", "Old Corp"));
    }

    @Test
    @DisplayName("an unchanged affiliation is a 409, nothing written")
    void unchangedAffiliation() {
        fixture.given(new PersonRegistered("ada", "Ada", "Old Corp"))
                .when(new ChangeAffiliation("ada", "Old Corp"))
                .expectException(GovernanceException.Conflict.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("R10: a conflict of interest with another person is declared")
    void declaresConflict() {
        fixture.given(new PersonRegistered("ada", "Ada", null))
                .when(new DeclareConflict("ada", "c1", "grace", ConflictKind.FILIAL, "sisters"))
                .expectEvents(new ConflictOfInterestDeclared("ada", "c1", "grace", ConflictKind.FILIAL, "sisters"));
    }

    @Test
    @DisplayName("R10: a conflict is between two different persons (422)")
    void noSelfConflict() {
        fixture.given(new PersonRegistered("ada", "Ada", null))
                .when(new DeclareConflict("ada", "c1", "ada", ConflictKind.OTHER, null))
                .expectException(GovernanceException.RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("R10: the same conflict is not declared twice (409)")
    void noDuplicateConflict() {
        fixture.given(new PersonRegistered("ada", "Ada", null),
                        new ConflictOfInterestDeclared("ada", "c1", "grace", ConflictKind.FILIAL, null))
                .when(new DeclareConflict("ada", "c2", "grace", ConflictKind.FILIAL, null))
                .expectException(GovernanceException.Conflict.class);
    }

    @Test
    @DisplayName("R10: a declared conflict is withdrawn with a reason; an unknown one is a 404")
    void withdrawsConflict() {
        fixture.given(new PersonRegistered("ada", "Ada", null),
                        new ConflictOfInterestDeclared("ada", "c1", "grace", ConflictKind.ROMANTIC, null))
                .when(new WithdrawConflict("ada", "c1", " separated "))
                .expectEvents(new ConflictOfInterestWithdrawn("ada", "c1", "grace", "separated"));
        fixture.given(new PersonRegistered("ada", "Ada", null))
                .when(new WithdrawConflict("ada", "c9", "why"))
                .expectException(GovernanceException.NotFound.class);
    }

    @Test
    @DisplayName("R2: person ids are GitHub-style handles, stored lower-case; teams are not persons")
    void handles() {
        assertThat(PersonIds.normalize(" @Ada-L ")).isEqualTo("ada-l");
        assertThatThrownBy(() -> PersonIds.normalize("example-org/core-team"))
                .isInstanceOf(GovernanceException.BadInput.class);
        assertThatThrownBy(() -> PersonIds.normalize("double--dash")).isInstanceOf(GovernanceException.BadInput.class);
        assertThatThrownBy(() -> PersonIds.normalize("a".repeat(40))).isInstanceOf(GovernanceException.BadInput.class);
    }
}
