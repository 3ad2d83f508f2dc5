package dev.charter.registry.roster;

import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.registry.ConflictKind;
import dev.charter.contracts.registry.ModuleKind;
import dev.charter.contracts.registry.NominationProcess;
import dev.charter.contracts.registry.PublicationKind;
import dev.charter.contracts.registry.RegistryEvent.AffiliationChanged;
import dev.charter.contracts.registry.RegistryEvent.ConflictOfInterestDeclared;
import dev.charter.contracts.registry.RegistryEvent.ConflictOfInterestWithdrawn;
import dev.charter.contracts.registry.RegistryEvent.MaintainerAppointed;
import dev.charter.contracts.registry.RegistryEvent.MaintainerRemoved;
import dev.charter.contracts.registry.RegistryEvent.ModuleAdded;
import dev.charter.contracts.registry.RegistryEvent.ModuleDecisionRuleChanged;
import dev.charter.contracts.registry.RegistryEvent.ModuleInactivityPeriodChanged;
import dev.charter.contracts.registry.RegistryEvent.ModuleRetired;
import dev.charter.contracts.registry.RegistryEvent.MovedToEmeritus;
import dev.charter.contracts.registry.RegistryEvent.PersonRegistered;
import dev.charter.contracts.registry.RegistryEvent.PublicationAdded;
import dev.charter.contracts.registry.RemovalReason;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.contracts.voting.ThresholdBase;
import dev.charter.registry.roster.RosterViews.MemberView;
import dev.charter.registry.roster.RosterViews.RosterView;
import dev.charter.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The roster projection: events in, then the queries, now and as of past instants (a real PostgreSQL). */
class RosterProjectionTest {

    private static final Instant T1 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant T3 = Instant.parse("2026-03-01T00:00:00Z");
    private static final DecisionRef BOOT = DecisionRef.bootstrap("import-1");
    private static final DecisionRef CONFIRMED = new DecisionRef("charter.nominations.v1", "NominationConfirmed",
            "e-1", "n-1");

    private final JdbcClient jdbc = JdbcClient.create(TestInfrastructure.migratedDatabase("registry",
            "classpath:db/migration/registry"));
    private final RosterProjection projection = new RosterProjection(jdbc);
    private final RosterQueries queries = new RosterQueries(jdbc);

    @BeforeEach
    void freshDatabase() {
        projection.on(new PersonRegistered("ada", "Ada", "Acme"), T1);
        projection.on(new PersonRegistered("grace", "Grace", null), T1);
    }

    @Test
    @DisplayName("R2: a person with the history of their affiliation; a seat holder shows the affiliation of the moment")
    void affiliationHistory() {
        projection.on(new MaintainerAppointed("ada", Role.CORE_MAINTAINER, null, BOOT), T1);
        projection.on(new AffiliationChanged("ada", "Globex", "Acme"), T2);

        assertThat(queries.person("ada", T3).orElseThrow().affiliation()).isEqualTo("Globex");
        assertThat(queries.affiliations("ada")).extracting(RosterViews.AffiliationPeriodView::affiliation)
                .containsExactly("Acme", "Globex");
        assertThat(queries.roster(T1).coreMaintainers()).extracting(MemberView::affiliation).containsExactly("Acme");
        assertThat(queries.roster(T3).coreMaintainers()).extracting(MemberView::affiliation)
                .containsExactly("Globex");
        assertThat(queries.persons("", 10)).extracting(RosterViews.PersonSummaryView::personId)
                .containsExactly("ada", "grace");
        assertThat(queries.personExists("nobody")).isFalse();
    }

    @Test
    @DisplayName("R1, R12: seats as of any instant: the lead and core maintainers then, and who holds a seat now")
    void seatsAsOf() {
        projection.on(new MaintainerAppointed("ada", Role.CORE_MAINTAINER, null, BOOT), T1);
        projection.on(new MaintainerAppointed("ada", Role.LEAD, null, BOOT), T1);
        projection.on(new MaintainerAppointed("grace", Role.CORE_MAINTAINER, null, CONFIRMED), T2);
        projection.on(new MaintainerRemoved("ada", Role.LEAD, null, RemovalReason.LEAD_SEAT_VACATED, CONFIRMED), T3);

        RosterView atT1 = queries.roster(T1);
        assertThat(atT1.lead().personId()).isEqualTo("ada");
        assertThat(atT1.coreMaintainers()).extracting(MemberView::personId).containsExactly("ada");
        RosterView now = queries.roster(T3.plusSeconds(1));
        assertThat(now.lead()).isNull();
        assertThat(now.coreMaintainers()).extracting(MemberView::personId).containsExactly("ada", "grace");
        assertThat(now.coreMaintainers().get(1).decision()).isEqualTo(CONFIRMED);
        assertThat(queries.isCoreMaintainer("grace")).isTrue();
        assertThat(queries.holdsSeatNow("ada", Role.LEAD, null)).isFalse();
        assertThat(queries.seats("ada")).extracting(RosterViews.SeatView::role)
                .containsExactly(Role.CORE_MAINTAINER, Role.LEAD);
        assertThat(queries.seats("ada").get(1).endReason()).isEqualTo("LEAD_SEAT_VACATED");
    }

    @Test
    @DisplayName("R3, R4, R14, R15: a module's versions: its rule and inactivity period as of then, retired later")
    void moduleVersions() {
        projection.on(new ModuleAdded("nn", "Neural networks", ModuleKind.DIRECTORY, "torch/nn", null,
                DecisionRule.majority(), NominationProcess.CORE_MAINTAINERS, 365, BOOT), T1);
        projection.on(new MaintainerAppointed("grace", Role.MODULE_MAINTAINER, "nn", BOOT), T1);
        DecisionRule threeQuarters = new DecisionRule(DecisionMethod.SUPERMAJORITY, 0.75, ThresholdBase.SEATED, null);
        projection.on(new ModuleDecisionRuleChanged("nn", threeQuarters, null), T2);
        projection.on(new ModuleInactivityPeriodChanged("nn", 90, null), T2);

        assertThat(queries.module("nn", T1).orElseThrow().decisionRule()).isEqualTo(DecisionRule.majority());
        RosterViews.ModuleView later = queries.module("nn", T2).orElseThrow();
        assertThat(later.decisionRule()).isEqualTo(threeQuarters);
        assertThat(later.inactivityPeriodDays()).isEqualTo(90);
        assertThat(later.maintainers()).extracting(MemberView::personId).containsExactly("grace");
        assertThat(queries.module("nn", T1.minusSeconds(1))).isEmpty();

        projection.on(new MaintainerRemoved("grace", Role.MODULE_MAINTAINER, "nn", RemovalReason.MODULE_RETIRED,
                CONFIRMED), T3);
        projection.on(new ModuleRetired("nn", CONFIRMED), T3);
        assertThat(queries.module("nn", T3).orElseThrow().status()).isEqualTo("RETIRED");
        assertThat(queries.modules(T3, false, "", 10)).isEmpty();
        assertThat(queries.modules(T3, true, "", 10)).hasSize(1);
        assertThat(queries.modules(T2, false, "", 10)).hasSize(1);
        assertThat(queries.moduleExists("nn")).isTrue();
    }

    @Test
    @DisplayName("R14: a maintainer moved to emeritus is listed among the emeritus, no longer among the seated")
    void emeritus() {
        projection.on(new MaintainerAppointed("grace", Role.CORE_MAINTAINER, null, BOOT), T1);
        projection.on(MovedToEmeritus.imported("grace", Role.CORE_MAINTAINER, null, CONFIRMED), T2);
        RosterView now = queries.roster(T3);
        assertThat(now.coreMaintainers()).isEmpty();
        assertThat(now.coreEmeritus()).extracting(MemberView::personId).containsExactly("grace");
    }

    @Test
    @DisplayName("R10: the conflicts in force, whichever side declared them; a withdrawn one is no longer in force, but was before")
    void conflicts() {
        projection.on(new ConflictOfInterestDeclared("ada", "c1", "grace", ConflictKind.FILIAL, "sisters"), T1);
        assertThat(queries.conflictsInForce("grace", T1)).extracting(RosterViews.ConflictView::conflictId)
                .containsExactly("c1");
        projection.on(new ConflictOfInterestWithdrawn("ada", "c1", "grace", "resolved"), T2);
        assertThat(queries.conflictsInForce("ada", T3)).isEmpty();
        // as of a past instant, it was in force then
        assertThat(queries.conflictsInForce("ada", T1)).hasSize(1);
    }

    @Test
    @DisplayName("R6: a group's publications, newest first, with who added them; as of a past instant, those added by then")
    void publications() {
        projection.on(new PublicationAdded("nn", "p1", PublicationKind.ROADMAP, "Roadmap", "https://example.org/r",
                LocalDate.of(2026, 1, 5)), T1, "ada");
        projection.on(new PublicationAdded("nn", "p2", PublicationKind.VISION, "Vision", "https://example.org/v",
                LocalDate.of(2026, 2, 5)), T2, "grace");
        assertThat(queries.publications("nn", T3)).extracting(RosterViews.PublicationView::publicationId)
                .containsExactly("p2", "p1");
        assertThat(queries.publications("nn", T3).get(1).addedBy()).isEqualTo("ada");
        // as of a past instant, only what was published by then
        assertThat(queries.publications("nn", T1)).extracting(RosterViews.PublicationView::publicationId)
                .containsExactly("p1");
    }

    @Test
    @DisplayName("a reset empties the projection, so a replay rebuilds it")
    void reset() {
        projection.reset();
        assertThat(queries.persons("", 10)).isEmpty();
    }
}
