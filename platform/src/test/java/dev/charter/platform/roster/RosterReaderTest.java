package dev.charter.platform.roster;

import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.nominations.Standing;
import dev.charter.contracts.registry.ConflictKind;
import dev.charter.contracts.registry.ModuleKind;
import dev.charter.contracts.registry.NominationProcess;
import dev.charter.contracts.registry.RegistryEvent.ConflictOfInterestDeclared;
import dev.charter.contracts.registry.RegistryEvent.ConflictOfInterestWithdrawn;
import dev.charter.contracts.registry.RegistryEvent.MaintainerAppointed;
import dev.charter.contracts.registry.RegistryEvent.MaintainerRemoved;
import dev.charter.contracts.registry.RegistryEvent.ModuleAdded;
import dev.charter.contracts.registry.RegistryEvent.ModuleDecisionRuleChanged;
import dev.charter.contracts.registry.RegistryEvent.ModuleInactivityPeriodChanged;
import dev.charter.contracts.registry.RegistryEvent.ModuleNominationProcessChanged;
import dev.charter.contracts.registry.RegistryEvent.ModuleRescoped;
import dev.charter.contracts.registry.RegistryEvent.ModuleRetired;
import dev.charter.contracts.registry.RegistryEvent.MovedToEmeritus;
import dev.charter.contracts.registry.RegistryEvent.PersonRegistered;
import dev.charter.contracts.registry.RemovalReason;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.contracts.voting.ThresholdBase;
import dev.charter.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roster copy's reader, the contract every service reads the roster through, against a real PostgreSQL with
 * the platform's roster-copy migrations: what {@link RosterCopy} writes from the registry's events is what
 * {@link RosterReader} answers.
 */
class RosterReaderTest {

    private static final DecisionRef BOOT = DecisionRef.bootstrap("import-1");
    private static final DecisionRule THREE_QUARTERS = new DecisionRule(DecisionMethod.SUPERMAJORITY, 0.75,
            ThresholdBase.SEATED, 0.5);

    private RosterCopy copy;
    private RosterReader reader;

    @BeforeEach
    void freshCopy() {
        JdbcClient jdbc = JdbcClient.create(TestInfrastructure.migratedDatabase("roster",
                RosterCopyAutoConfiguration.MIGRATIONS));
        copy = new RosterCopy(jdbc);
        reader = new RosterReader(jdbc);
    }

    @Test
    @DisplayName("R1, R2: a person's standing: registered or not, the lead (a core maintainer), and the modules they maintain")
    void standing() {
        register("ada", "grace", "dennis", "frances");
        seat("ada", Role.CORE_MAINTAINER, null);
        seat("ada", Role.LEAD, null);
        seat("grace", Role.CORE_MAINTAINER, null);
        seat("dennis", Role.MODULE_MAINTAINER, "vision");
        seat("dennis", Role.MODULE_MAINTAINER, "nn");

        assertThat(reader.standing("ada")).isEqualTo(new PersonStanding("ada", true, true, true, Set.of()));
        assertThat(reader.standing("ada").standing()).isEqualTo(Standing.LEAD);
        assertThat(reader.standing("grace").standing()).isEqualTo(Standing.CORE_MAINTAINER);
        PersonStanding dennis = reader.standing("dennis");
        assertThat(dennis.modules()).containsExactly("nn", "vision");
        assertThat(dennis.maintains("nn")).isTrue();
        assertThat(dennis.maintainer()).isTrue();
        assertThat(dennis.standing()).isEqualTo(Standing.MODULE_MAINTAINER);
        assertThat(reader.standing("frances")).isEqualTo(new PersonStanding("frances", true, false, false, Set.of()));
        assertThat(reader.standing("frances").standing()).isEqualTo(Standing.COMMUNITY);
        assertThat(reader.standing("acme-corp")).isEqualTo(PersonStanding.outsider("acme-corp"));
        assertThat(reader.standing("acme-corp").registered()).isFalse();
    }

    @Test
    @DisplayName("R1: the members of each body: the core maintainers, one module's group, the lead alone, core with the affected modules")
    void bodies() {
        seat("grace", Role.CORE_MAINTAINER, null);
        seat("ada", Role.CORE_MAINTAINER, null);
        seat("ada", Role.LEAD, null);
        seat("frances", Role.MODULE_MAINTAINER, "nn");
        seat("dennis", Role.MODULE_MAINTAINER, "nn");
        seat("grace", Role.MODULE_MAINTAINER, "fn");
        seat("barbara", Role.MODULE_MAINTAINER, "fn");

        assertThat(reader.coreMaintainers()).containsExactly("ada", "grace");
        assertThat(reader.moduleMaintainers("nn")).containsExactly("dennis", "frances");
        assertThat(reader.moduleMaintainers("unknown")).isEmpty();
        assertThat(reader.coreAndModuleMaintainers(List.of("nn", "fn")))
                .containsExactly("ada", "barbara", "dennis", "frances", "grace");
        assertThat(reader.members(BallotBody.CORE_MAINTAINERS, null, List.of())).containsExactly("ada", "grace");
        assertThat(reader.members(BallotBody.MODULE_MAINTAINERS, "fn", List.of())).containsExactly("barbara", "grace");
        assertThat(reader.members(BallotBody.LEAD, null, List.of())).containsExactly("ada");
        assertThat(reader.members(BallotBody.CORE_AND_AFFECTED_MODULES, null, List.of("nn")))
                .containsExactly("ada", "dennis", "frances", "grace");
    }

    @Test
    @DisplayName("R12, R13: the lead is optional: absent until appointed, absent again once the seat is vacated")
    void lead() {
        assertThat(reader.lead()).isEmpty();
        assertThat(reader.members(BallotBody.LEAD, null, List.of())).isEmpty();
        seat("ada", Role.CORE_MAINTAINER, null);
        seat("ada", Role.LEAD, null);
        assertThat(reader.lead()).contains("ada");

        copy.on(new MaintainerRemoved("ada", Role.LEAD, null, RemovalReason.LEAD_SEAT_VACATED, BOOT));
        assertThat(reader.lead()).isEmpty();
        assertThat(reader.coreMaintainers()).containsExactly("ada");
        assertThat(reader.standing("ada").lead()).isFalse();
    }

    @Test
    @DisplayName("R10, R14: a removed maintainer and one moved to emeritus leave their seats")
    void seatsEnd() {
        seat("dennis", Role.MODULE_MAINTAINER, "nn");
        seat("frances", Role.MODULE_MAINTAINER, "nn");
        seat("grace", Role.CORE_MAINTAINER, null);
        copy.on(new MaintainerRemoved("dennis", Role.MODULE_MAINTAINER, "nn", RemovalReason.REMOVED, BOOT));
        copy.on(MovedToEmeritus.imported("grace", Role.CORE_MAINTAINER, null, BOOT));
        assertThat(reader.moduleMaintainers("nn")).containsExactly("frances");
        assertThat(reader.coreMaintainers()).isEmpty();
        assertThat(reader.standing("dennis").maintainer()).isFalse();
    }

    @Test
    @DisplayName("R3, R4, R9, R14: a module with its name, status, decision rule, nomination process and inactivity period")
    void module() {
        copy.on(new ModuleAdded("fn", "Functional", ModuleKind.DIRECTORY, "torch/nn/functional", null, THREE_QUARTERS,
                NominationProcess.OWN_GROUP, 180, BOOT));
        assertThat(reader.module("fn")).contains(new ModuleFacts("fn", "Functional", ModuleFacts.Status.ACTIVE,
                NominationProcess.OWN_GROUP, THREE_QUARTERS, 180));
        assertThat(reader.module("fn").orElseThrow().active()).isTrue();
        assertThat(reader.module("nope")).isEmpty();

        DecisionRule unanimous = new DecisionRule(DecisionMethod.UNANIMOUS, null, null, null);
        copy.on(new ModuleRescoped("fn", "Functional API", ModuleKind.DIRECTORY, "torch/nn/functional", null, BOOT));
        copy.on(new ModuleDecisionRuleChanged("fn", unanimous, null));
        copy.on(new ModuleNominationProcessChanged("fn", NominationProcess.CORE_MAINTAINERS, null));
        copy.on(new ModuleInactivityPeriodChanged("fn", 90, null));
        assertThat(reader.module("fn")).contains(new ModuleFacts("fn", "Functional API", ModuleFacts.Status.ACTIVE,
                NominationProcess.CORE_MAINTAINERS, unanimous, 90));

        copy.on(new ModuleRetired("fn", BOOT));
        assertThat(reader.module("fn").orElseThrow().status()).isEqualTo(ModuleFacts.Status.RETIRED);
        assertThat(reader.module("fn").orElseThrow().active()).isFalse();
    }

    @Test
    @DisplayName("R4: a module added without a decision rule decides by majority, the default")
    void defaultRule() {
        copy.on(new ModuleAdded("nn", "Neural networks", ModuleKind.DIRECTORY, "torch/nn", null, null,
                NominationProcess.CORE_MAINTAINERS, 365, BOOT));
        assertThat(reader.module("nn").orElseThrow().decisionRule()).isEqualTo(DecisionRule.majority());
    }

    @Test
    @DisplayName("R15: all modules, active and retired, by id")
    void modules() {
        copy.on(new ModuleAdded("vision", "Vision", ModuleKind.REPOSITORY, "example-org/vision", null,
                DecisionRule.majority(), NominationProcess.CORE_MAINTAINERS, 365, BOOT));
        copy.on(new ModuleAdded("audio", "Audio", ModuleKind.REPOSITORY, "example-org/audio", null,
                DecisionRule.majority(), NominationProcess.OWN_GROUP, 365, BOOT));
        copy.on(new ModuleRetired("audio", BOOT));
        assertThat(reader.modules()).extracting(ModuleFacts::moduleId).containsExactly("audio", "vision");
        assertThat(reader.modules()).extracting(ModuleFacts::active).containsExactly(false, true);
    }

    @Test
    @DisplayName("R10: declared conflicts in force, whichever of the two declared them; a withdrawn one is gone")
    void conflicts() {
        copy.on(new ConflictOfInterestDeclared("linus", "c1", "margaret", ConflictKind.ROMANTIC, "partners"));
        copy.on(new ConflictOfInterestDeclared("margaret", "c2", "ken", ConflictKind.FILIAL, null));
        copy.on(new ConflictOfInterestDeclared("grace", "c3", "ada", ConflictKind.OTHER, null));

        assertThat(reader.conflictedWith("margaret")).containsExactly("ken", "linus");
        assertThat(reader.conflictedWith("linus")).containsExactly("margaret");
        assertThat(reader.conflictsOf(List.of("margaret"))).containsExactly(
                new DeclaredConflict("c1", "linus", "margaret", ConflictKind.ROMANTIC),
                new DeclaredConflict("c2", "margaret", "ken", ConflictKind.FILIAL));
        assertThat(reader.conflictsOf(List.of("ada", "ken"))).extracting(DeclaredConflict::conflictId)
                .containsExactly("c2", "c3");
        assertThat(reader.conflictsOf(List.of())).isEmpty();
        assertThat(reader.conflictsOf(List.of("ken")).get(0).counterpartOf("ken")).isEqualTo("margaret");

        copy.on(new ConflictOfInterestWithdrawn("linus", "c1", "margaret", "separated"));
        assertThat(reader.conflictedWith("margaret")).containsExactly("ken");
        assertThat(reader.conflictedWith("linus")).isEmpty();
    }

    @Test
    @DisplayName("an event applied twice leaves the same answers (the copy's handlers are idempotent)")
    void idempotent() {
        PersonRegistered ada = new PersonRegistered("ada", "Ada", null);
        MaintainerAppointed core = new MaintainerAppointed("ada", Role.CORE_MAINTAINER, null, BOOT);
        ConflictOfInterestDeclared conflict = new ConflictOfInterestDeclared("ada", "c1", "grace", ConflictKind.OTHER,
                null);
        ModuleAdded nn = new ModuleAdded("nn", "Neural networks", ModuleKind.DIRECTORY, "torch/nn", null,
                DecisionRule.majority(), NominationProcess.CORE_MAINTAINERS, 365, BOOT);
        for (int i = 0; i < 2; i++) {
            copy.on(ada);
            copy.on(core);
            copy.on(conflict);
            copy.on(nn);
        }
        assertThat(reader.coreMaintainers()).containsExactly("ada");
        assertThat(reader.conflictsOf(List.of("ada"))).hasSize(1);
        assertThat(reader.modules()).hasSize(1);
        assertThat(reader.standing("ada").registered()).isTrue();
    }

    private void register(String... persons) {
        for (String person : persons) {
            copy.on(new PersonRegistered(person, person.toUpperCase(), null));
        }
    }

    private void seat(String person, Role role, String moduleId) {
        copy.on(new MaintainerAppointed(person, role, moduleId, BOOT));
    }
}
