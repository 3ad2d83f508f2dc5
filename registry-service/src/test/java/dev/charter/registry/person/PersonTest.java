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

import static dev.charter.registry.module.ModuleTestSupport.coreMaintainers;
import static dev.charter.registry.module.ModuleTestSupport.registered;
import static dev.charter.testsupport.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The Person aggregate, one test per rule branch. Registered: ada, grace, linus; core maintainer: linus. */
class PersonTest {

    private static final PersonRegistered ADA = new PersonRegistered("ada", "Ada", null);

    private AggregateTestFixture<Person> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Person.class);
        fixture.registerInjectableResource(registered("ada", "grace", "linus"));
        fixture.registerInjectableResource(coreMaintainers("linus"));
    }

    @Test
    @DisplayName("R2: a person is registered as an individual, blank affiliation meaning independent; the answer is the event")
    void registers() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPerson("ann", " Ann Lovelace ", "  ", "ann"))
                .expectEvents(new PersonRegistered("ann", "Ann Lovelace", null))
                .expectResultMessagePayload(new PersonRegistered("ann", "Ann Lovelace", null));
    }

    @Test
    @DisplayName("a person is registered by themselves or by a core maintainer (403), once (409); the import needs neither")
    void whoRegisters() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPerson("ann", "Ann", null, "grace"))
                .expectException(refusal(GovernanceException.NotAllowed.class, "not-allowed", null))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RegisterPerson("ann", "Ann", null, "linus"))
                .expectEvents(new PersonRegistered("ann", "Ann", null));
        fixture.givenNoPriorActivity()
                .when(new RegisterPerson("grace", "Grace", null, "grace"))
                .expectException(refusal(GovernanceException.Conflict.class, "person-exists", null));
        fixture.givenNoPriorActivity()
                .when(new RegisterPerson("ann", "Ann", "Old Corp", null))
                .expectEvents(new PersonRegistered("ann", "Ann", "Old Corp"));
    }

    @Test
    @DisplayName("R2: an affiliation change keeps the previous one in the event, never a seat; by the person or a core maintainer (403)")
    void changesAffiliation() {
        fixture.given(new PersonRegistered("ada", "Ada", "Old Corp"))
                .when(new ChangeAffiliation("ada", "New Corp", "ada"))
                .expectEvents(new AffiliationChanged("ada", "New Corp", "Old Corp"))
                .expectResultMessagePayload(new AffiliationChanged("ada", "New Corp", "Old Corp"));
        fixture.given(new PersonRegistered("ada", "Ada", "Old Corp"))
                .when(new ChangeAffiliation("ada", "New Corp", "linus"))
                .expectEvents(new AffiliationChanged("ada", "New Corp", "Old Corp"));
        fixture.given(new PersonRegistered("ada", "Ada", "Old Corp"))
                .when(new ChangeAffiliation("ada", "New Corp", "grace"))
                .expectException(refusal(GovernanceException.NotAllowed.class, "not-allowed", null));
    }

    @Test
    @DisplayName("an unchanged affiliation is a 409, nothing written")
    void unchangedAffiliation() {
        fixture.given(new PersonRegistered("ada", "Ada", "Old Corp"))
                .when(new ChangeAffiliation("ada", "Old Corp", "ada"))
                .expectException(refusal(GovernanceException.Conflict.class, "affiliation-unchanged", null))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R10: a conflict of interest with another person is declared, by either of the two or a core maintainer")
    void declaresConflict() {
        ConflictOfInterestDeclared declared = new ConflictOfInterestDeclared("ada", "c1", "grace", ConflictKind.FILIAL,
                "sisters");
        fixture.given(ADA)
                .when(new DeclareConflict("ada", "c1", "grace", ConflictKind.FILIAL, "sisters", "grace"))
                .expectEvents(declared)
                .expectResultMessagePayload(declared);
        fixture.given(ADA)
                .when(new DeclareConflict("ada", "c1", "grace", ConflictKind.FILIAL, "sisters", "linus"))
                .expectEvents(declared);
        fixture.given(ADA)
                .when(new DeclareConflict("ada", "c1", "grace", ConflictKind.FILIAL, "sisters", "mallory"))
                .expectException(refusal(GovernanceException.NotAllowed.class, "not-allowed", "R10"));
    }

    @Test
    @DisplayName("R10: a conflict is declared with a registered person (422), before anyone's right to declare it is weighed")
    void conflictWithRegisteredPerson() {
        fixture.given(ADA)
                .when(new DeclareConflict("ada", "c1", "ghost", ConflictKind.OTHER, null, "mallory"))
                .expectException(refusal(GovernanceException.RuleViolation.class, "not-a-registered-person", "R10"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R10: a conflict is between two different persons (422)")
    void noSelfConflict() {
        fixture.given(ADA)
                .when(new DeclareConflict("ada", "c1", "ada", ConflictKind.OTHER, null, "ada"))
                .expectException(refusal(GovernanceException.RuleViolation.class, "self-conflict", "R10"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R10: the same conflict is not declared twice (409)")
    void noDuplicateConflict() {
        fixture.given(ADA, new ConflictOfInterestDeclared("ada", "c1", "grace", ConflictKind.FILIAL, null))
                .when(new DeclareConflict("ada", "c2", "grace", ConflictKind.FILIAL, null, "ada"))
                .expectException(refusal(GovernanceException.Conflict.class, "conflict-already-declared", null));
    }

    @Test
    @DisplayName("R10: a declared conflict is withdrawn with a reason by either person or a core maintainer (403); an unknown one is a 404")
    void withdrawsConflict() {
        ConflictOfInterestDeclared declared = new ConflictOfInterestDeclared("ada", "c1", "grace",
                ConflictKind.ROMANTIC, null);
        fixture.given(ADA, declared)
                .when(new WithdrawConflict("ada", "c1", " separated ", "grace"))
                .expectEvents(new ConflictOfInterestWithdrawn("ada", "c1", "grace", "separated"));
        fixture.given(ADA, declared)
                .when(new WithdrawConflict("ada", "c1", "separated", "mallory"))
                .expectException(refusal(GovernanceException.NotAllowed.class, "not-allowed", "R10"));
        fixture.given(ADA)
                .when(new WithdrawConflict("ada", "c9", "why", "ada"))
                .expectException(refusal(GovernanceException.NotFound.class, "no-such-conflict", null));
    }

    @Test
    @DisplayName("R2: person ids are GitHub-style handles, stored lower-case; teams are not persons (400)")
    void handles() {
        assertThat(PersonIds.normalize(" @Ada-L ")).isEqualTo("ada-l");
        assertThat(PersonIds.canonical(" @Ada-L ")).isEqualTo("ada-l");
        assertThat(PersonIds.canonical("  ")).isNull();
        for (String notAPerson : new String[]{"example-org/core-team", "double--dash", "a".repeat(40)}) {
            GovernanceException refused = catchThrowableOfType(GovernanceException.BadInput.class,
                    () -> PersonIds.normalize(notAPerson));
            assertThat(refused.code()).isEqualTo("invalid-person-id");
            assertThat(refused.getMessage()).contains("R2");
        }
    }
}
