package dev.charter.registry.core;

import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.registry.RegistryEvent.MaintainerAppointed;
import dev.charter.contracts.registry.RegistryEvent.MaintainerRemoved;
import dev.charter.contracts.registry.RegistryEvent.MovedToEmeritus;
import dev.charter.contracts.registry.RemovalReason;
import dev.charter.contracts.registry.Role;
import dev.charter.platform.web.GovernanceException;
import dev.charter.registry.core.CoreCommands.AppointCoreMaintainer;
import dev.charter.registry.core.CoreCommands.AppointLead;
import dev.charter.registry.core.CoreCommands.MoveCoreMaintainerToEmeritus;
import dev.charter.registry.core.CoreCommands.RemoveCoreMaintainer;
import dev.charter.registry.core.CoreCommands.VacateLeadSeat;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static dev.charter.registry.module.ModuleTestSupport.registered;
import static dev.charter.testsupport.Refusals.refusal;

/** The core maintainers and the lead seat, one test per rule branch. */
class CoreGroupTest {

    private static final DecisionRef BOOT = DecisionRef.bootstrap("import-1");
    private static final DecisionRef CONFIRMED = new DecisionRef("charter.nominations.v1", "NominationConfirmed",
            "e-1", "n-1");
    private static final DecisionRef VACATED = new DecisionRef("charter.nominations.v1", "LeadSeatVacated", "e-2",
            "v-1");
    private static final DecisionRef ELECTED = new DecisionRef("charter.nominations.v1", "LeadElected", "e-3", "el-1");

    private AggregateTestFixture<CoreGroup> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CoreGroup.class);
        fixture.registerInjectableResource(registered("ada", "grace", "linus"));
    }

    private static MaintainerAppointed core(String person) {
        return new MaintainerAppointed(person, Role.CORE_MAINTAINER, null, BOOT);
    }

    @Test
    @DisplayName("R11: the lead's confirmation appoints a core maintainer; the group is created on first use")
    void appointsCore() {
        fixture.givenNoPriorActivity()
                .when(new AppointCoreMaintainer("grace", CONFIRMED))
                .expectEvents(new MaintainerAppointed("grace", Role.CORE_MAINTAINER, null, CONFIRMED));
    }

    @Test
    @DisplayName("R1: the lead is one of the core maintainers (422 otherwise)")
    void leadIsCore() {
        fixture.given(core("ada"))
                .when(new AppointLead("grace", ELECTED))
                .expectException(refusal(GovernanceException.RuleViolation.class, "lead-not-core", "R1"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R1, R13: there is one lead; a new lead takes the seat only once it is vacant (409)")
    void oneLead() {
        fixture.given(core("ada"), core("grace"), new MaintainerAppointed("ada", Role.LEAD, null, BOOT))
                .when(new AppointLead("grace", ELECTED))
                .expectException(refusal(GovernanceException.Conflict.class, "lead-seat-taken", "R13"));
        fixture.given(core("ada"), core("grace"), new MaintainerAppointed("ada", Role.LEAD, null, BOOT),
                        new MaintainerRemoved("ada", Role.LEAD, null, RemovalReason.LEAD_SEAT_VACATED, VACATED))
                .when(new AppointLead("grace", ELECTED))
                .expectEvents(new MaintainerAppointed("grace", Role.LEAD, null, ELECTED));
    }

    @Test
    @DisplayName("R12: vacating the lead seat keeps the person a core maintainer; only the lead's seat can be vacated")
    void vacatesLeadSeat() {
        fixture.given(core("ada"), new MaintainerAppointed("ada", Role.LEAD, null, BOOT))
                .when(new VacateLeadSeat("ada", VACATED))
                .expectEvents(new MaintainerRemoved("ada", Role.LEAD, null, RemovalReason.LEAD_SEAT_VACATED, VACATED));
        fixture.given(core("ada"), core("grace"), new MaintainerAppointed("ada", Role.LEAD, null, BOOT))
                .when(new VacateLeadSeat("grace", VACATED))
                .expectException(refusal(GovernanceException.Conflict.class, "not-the-lead", "R12"));
    }

    @Test
    @DisplayName("R10: removing the lead as core maintainer vacates the lead seat first")
    void removingLeadVacatesSeat() {
        fixture.given(core("ada"), new MaintainerAppointed("ada", Role.LEAD, null, BOOT))
                .when(new RemoveCoreMaintainer("ada", CONFIRMED))
                .expectEvents(new MaintainerRemoved("ada", Role.LEAD, null, RemovalReason.LEAD_SEAT_VACATED, CONFIRMED),
                        new MaintainerRemoved("ada", Role.CORE_MAINTAINER, null, RemovalReason.REMOVED, CONFIRMED));
    }

    @Test
    @DisplayName("R11: the same decision applied twice changes nothing; another for a sitting core maintainer is a 409")
    void idempotent() {
        fixture.given(core("ada"), new MaintainerAppointed("grace", Role.CORE_MAINTAINER, null, CONFIRMED))
                .when(new AppointCoreMaintainer("grace", CONFIRMED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(core("ada"), new MaintainerAppointed("grace", Role.CORE_MAINTAINER, null, CONFIRMED))
                .when(new AppointCoreMaintainer("grace", new DecisionRef("charter.nominations.v1",
                        "NominationConfirmed", "e-9", "n-9")))
                .expectException(refusal(GovernanceException.Conflict.class, "already-a-core-maintainer", "R11"));
    }

    @Test
    @DisplayName("R10, R12: re-applying the removal of the lead, or the vacating of the seat, changes nothing")
    void removalAppliedOnce() {
        MaintainerRemoved vacated = new MaintainerRemoved("ada", Role.LEAD, null, RemovalReason.LEAD_SEAT_VACATED,
                CONFIRMED);
        MaintainerRemoved removed = new MaintainerRemoved("ada", Role.CORE_MAINTAINER, null, RemovalReason.REMOVED,
                CONFIRMED);
        fixture.given(core("ada"), new MaintainerAppointed("ada", Role.LEAD, null, BOOT), vacated, removed)
                .when(new RemoveCoreMaintainer("ada", CONFIRMED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        MaintainerRemoved seatVacated = new MaintainerRemoved("ada", Role.LEAD, null,
                RemovalReason.LEAD_SEAT_VACATED, VACATED);
        fixture.given(core("ada"), new MaintainerAppointed("ada", Role.LEAD, null, BOOT), seatVacated)
                .when(new VacateLeadSeat("ada", VACATED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    @DisplayName("R14: a core maintainer moves to emeritus; the bootstrap may record past ones directly")
    void emeritus() {
        fixture.given(core("ada"), core("linus"))
                .when(new MoveCoreMaintainerToEmeritus("linus", CONFIRMED))
                .expectEvents(new MovedToEmeritus("linus", Role.CORE_MAINTAINER, null, CONFIRMED));
        fixture.givenNoPriorActivity()
                .when(new MoveCoreMaintainerToEmeritus("linus", BOOT))
                .expectEvents(new MovedToEmeritus("linus", Role.CORE_MAINTAINER, null, BOOT));
        fixture.givenNoPriorActivity()
                .when(new MoveCoreMaintainerToEmeritus("linus", CONFIRMED))
                .expectException(refusal(GovernanceException.Conflict.class, "not-a-core-maintainer", "R14"));
    }
}
