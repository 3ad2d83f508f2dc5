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
import dev.charter.registry.core.CoreCommands.IssueCoreInactivityNotice;
import dev.charter.registry.core.CoreCommands.MoveCoreMaintainerToEmeritusAfterNotice;
import dev.charter.registry.core.CoreCommands.RecordCoreReinstatementBallotClosed;
import dev.charter.registry.core.CoreCommands.RequestCoreReinstatement;
import dev.charter.registry.core.CoreCommands.WithdrawCoreInactivityNotice;
import dev.charter.registry.lifecycle.SeatLifecycle;
import dev.charter.contracts.registry.EmeritusReason;
import dev.charter.contracts.registry.NoticeWithdrawal;
import dev.charter.contracts.registry.RegistryEvent.InactivityNoticeIssued;
import dev.charter.contracts.registry.RegistryEvent.InactivityNoticeWithdrawn;
import dev.charter.contracts.registry.RegistryEvent.ReinstatementRequested;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.DecisionRule;
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
                .expectEvents(MovedToEmeritus.imported("linus", Role.CORE_MAINTAINER, null, CONFIRMED));
        fixture.givenNoPriorActivity()
                .when(new MoveCoreMaintainerToEmeritus("linus", BOOT))
                .expectEvents(MovedToEmeritus.imported("linus", Role.CORE_MAINTAINER, null, BOOT));
        fixture.givenNoPriorActivity()
                .when(new MoveCoreMaintainerToEmeritus("linus", CONFIRMED))
                .expectException(refusal(GovernanceException.Conflict.class, "not-a-core-maintainer", "R14"));
    }

    // --- R14: the core maintainers' inactivity, project-wide, and reinstatement by the lead (as R11)

    private static final java.time.Instant NOW = java.time.Instant.parse("2026-03-01T00:00:00Z");
    private static final java.time.Instant SINCE = java.time.Instant.parse("2025-01-01T00:00:00Z");
    private static final java.time.Duration GRACE = java.time.Duration.ofDays(30);
    private static final InactivityNoticeIssued LINUS_NOTICE = new InactivityNoticeIssued("linus",
            Role.CORE_MAINTAINER, null, "n-1", SINCE, SINCE, 365, NOW.plus(GRACE));

    @Test
    @DisplayName("R14: a core maintainer inactive in the whole project longer than the project-wide period gets a notice, then moves to emeritus after the grace period")
    void coreInactivity() {
        fixture.given(core("ada"), core("linus"))
                .when(new IssueCoreInactivityNotice("linus", "n-1", SINCE, SINCE, 365, NOW, GRACE))
                .expectEvents(LINUS_NOTICE);
        fixture.given(core("ada"), core("linus"), LINUS_NOTICE)
                .when(new MoveCoreMaintainerToEmeritusAfterNotice("linus", "n-1", NOW.plus(GRACE)))
                .expectEvents(new MovedToEmeritus("linus", Role.CORE_MAINTAINER, null,
                        SeatLifecycle.noticeDecision("n-1"), EmeritusReason.INACTIVITY, 365, SINCE, SINCE));
        fixture.given(core("ada"), core("linus"), LINUS_NOTICE)
                .when(new WithdrawCoreInactivityNotice("linus", "n-1", NoticeWithdrawal.ACTIVITY, NOW))
                .expectEvents(new InactivityNoticeWithdrawn("linus", Role.CORE_MAINTAINER, null, "n-1",
                        NoticeWithdrawal.ACTIVITY, NOW));
    }

    @Test
    @DisplayName("R14, R13: the lead gets no inactivity notice and does not move to emeritus; the seat ends only by R12 or R13")
    void leadExempt() {
        fixture.given(core("ada"), new MaintainerAppointed("ada", Role.LEAD, null, BOOT))
                .when(new IssueCoreInactivityNotice("ada", "n-1", null, SINCE, 365, NOW, GRACE))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    @DisplayName("R14, R11: a core emeritus asks to be reinstated; the lead decides alone; carried, the core tenure resumes naming the ballot")
    void coreReinstatement() {
        MovedToEmeritus ken = MovedToEmeritus.imported("linus", Role.CORE_MAINTAINER, null, BOOT);
        String request = "registry:core:reinstatement:r-1";
        ReinstatementRequested requested = new ReinstatementRequested("linus", Role.CORE_MAINTAINER, null, "r-1",
                "Back.", BallotRequest.yesNo(request, SeatLifecycle.REINSTATEMENT_SUBJECT, "core",
                "Reinstate linus as a core maintainer? (R14)", BallotBody.LEAD, null,
                new DecisionRule(DecisionMethod.SOLE_DECIDER, null, null, null), NOW, java.util.List.of("linus"),
                "linus"));
        fixture.given(core("ada"), ken)
                .when(new RequestCoreReinstatement("r-1", "linus", "linus", "Back.", NOW))
                .expectEvents(requested);
        DecisionRef ballot = new DecisionRef("charter.voting.v1", "BallotClosed", "e-b", "ballot-1");
        fixture.given(core("ada"), ken, requested)
                .when(new RecordCoreReinstatementBallotClosed(request, "ballot-1", BallotOutcome.CARRIED, ballot))
                .expectEvents(new MaintainerAppointed("linus", Role.CORE_MAINTAINER, null, ballot));
        fixture.given(core("ada"), ken)
                .when(new RequestCoreReinstatement("r-1", "linus", "ada", "Come back.", NOW))
                .expectException(refusal(GovernanceException.NotAllowed.class, "not-the-person", "R14"));
    }
}
