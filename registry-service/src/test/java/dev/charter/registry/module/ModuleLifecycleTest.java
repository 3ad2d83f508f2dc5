package dev.charter.registry.module;

import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.registry.EmeritusReason;
import dev.charter.contracts.registry.ModuleKind;
import dev.charter.contracts.registry.NominationProcess;
import dev.charter.contracts.registry.NoticeWithdrawal;
import dev.charter.contracts.registry.RegistryEvent.InactivityNoticeIssued;
import dev.charter.contracts.registry.RegistryEvent.InactivityNoticeWithdrawn;
import dev.charter.contracts.registry.RegistryEvent.MaintainerAppointed;
import dev.charter.contracts.registry.RegistryEvent.MaintainerRemoved;
import dev.charter.contracts.registry.RegistryEvent.ModuleAdded;
import dev.charter.contracts.registry.RegistryEvent.ModuleDecisionRuleChanged;
import dev.charter.contracts.registry.RegistryEvent.ModuleInactivityPeriodChanged;
import dev.charter.contracts.registry.RegistryEvent.ModuleRetired;
import dev.charter.contracts.registry.RegistryEvent.MovedToEmeritus;
import dev.charter.contracts.registry.RegistryEvent.ReinstatementDeclined;
import dev.charter.contracts.registry.RegistryEvent.ReinstatementRequested;
import dev.charter.contracts.registry.RegistryEvent.ReinstatementWithdrawn;
import dev.charter.contracts.registry.RegistryEvent.SettingsMotionDecided;
import dev.charter.contracts.registry.RegistryEvent.SettingsMotionProposed;
import dev.charter.contracts.registry.RegistryEvent.SettingsMotionWithdrawn;
import dev.charter.contracts.registry.RemovalReason;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.contracts.voting.ThresholdBase;
import dev.charter.platform.web.GovernanceException;
import dev.charter.registry.lifecycle.SeatLifecycle;
import dev.charter.registry.module.ModuleCommands.IssueInactivityNotice;
import dev.charter.registry.module.ModuleCommands.MoveToEmeritusAfterNotice;
import dev.charter.registry.module.ModuleCommands.ProposeSettingsMotion;
import dev.charter.registry.module.ModuleCommands.RecordReinstatementBallotClosed;
import dev.charter.registry.module.ModuleCommands.RecordSettingsBallotClosed;
import dev.charter.registry.module.ModuleCommands.RemoveModuleMaintainer;
import dev.charter.registry.module.ModuleCommands.RequestReinstatement;
import dev.charter.registry.module.ModuleCommands.RetireModule;
import dev.charter.registry.module.ModuleCommands.WithdrawInactivityNotice;
import dev.charter.registry.module.ModuleCommands.WithdrawReinstatement;
import dev.charter.registry.module.ModuleCommands.WithdrawSettingsMotion;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.charter.registry.module.ModuleTestSupport.coreMaintainers;
import static dev.charter.registry.module.ModuleTestSupport.registered;
import static dev.charter.testsupport.Refusals.refusal;

/** The Module aggregate's lifecycle: the group's settings motions (R4), inactivity and reinstatement (R14). */
class ModuleLifecycleTest {

    private static final DecisionRef PROPOSAL = new DecisionRef("charter.nominations.v1", "ModuleProposalAccepted",
            "event-0", "proposal-1");
    private static final DecisionRule SEATED_75 = new DecisionRule(DecisionMethod.SUPERMAJORITY, 0.75,
            ThresholdBase.SEATED, null);
    private static final ModuleAdded NN = new ModuleAdded("nn", "Neural networks", ModuleKind.DIRECTORY, "torch/nn",
            null, DecisionRule.majority(), NominationProcess.CORE_MAINTAINERS, 365, PROPOSAL);
    private static final MaintainerAppointed BOB = new MaintainerAppointed("bob", Role.MODULE_MAINTAINER, "nn",
            PROPOSAL);
    private static final MaintainerAppointed CLEO = new MaintainerAppointed("cleo", Role.MODULE_MAINTAINER, "nn",
            PROPOSAL);
    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant DEADLINE = NOW.plus(Duration.ofDays(7));
    private static final Instant APPOINTED = Instant.parse("2024-06-01T00:00:00Z");
    private static final Duration GRACE = Duration.ofDays(30);
    private static final String MOTION_REQUEST = "registry:nn:settings-motion:m-1";
    private static final DecisionRef BALLOT = new DecisionRef("charter.voting.v1", "BallotClosed", "event-b",
            "ballot-1");

    private AggregateTestFixture<Module> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Module.class);
        fixture.registerInjectableResource(registered("ada", "bob", "cleo", "alan"));
        fixture.registerInjectableResource(coreMaintainers("ada"));
    }

    private static SettingsMotionProposed motion() {
        return new SettingsMotionProposed("nn", "m-1", "bob", SEATED_75, NominationProcess.CORE_MAINTAINERS, 90,
                "Design changes need broad support.", BallotRequest.yesNo(MOTION_REQUEST, "SETTINGS_MOTION", "nn",
                "Change module nn's settings to: decision rule SUPERMAJORITY 0.75 of SEATED, nomination process "
                        + "CORE_MAINTAINERS, inactivity period 90 days? (R4)", BallotBody.MODULE_MAINTAINERS, "nn",
                DecisionRule.majority(), DEADLINE, List.of(), "bob"));
    }

    // --- R4: the group's settings motion

    @Test
    @DisplayName("R4: a maintainer puts a settings motion to the group: its ballot is the group's, under the group's current rule")
    void proposesMotion() {
        fixture.given(NN, BOB)
                .when(new ProposeSettingsMotion("nn", "m-1", "bob", new DecisionRule(DecisionMethod.SUPERMAJORITY, 0.75,
                        null, null), NominationProcess.CORE_MAINTAINERS, 90, " Design changes need broad support. ",
                        DEADLINE))
                .expectEvents(motion())
                .expectResultMessagePayload(motion());
    }

    @Test
    @DisplayName("R4: carried, the motion's settings apply, each changed setting naming the group's ballot")
    void carriedMotionApplies() {
        fixture.given(NN, BOB, motion())
                .when(new RecordSettingsBallotClosed("nn", MOTION_REQUEST, "ballot-1", BallotOutcome.CARRIED, BALLOT))
                .expectEvents(new SettingsMotionDecided("nn", "m-1", "ballot-1", BallotOutcome.CARRIED),
                        new ModuleDecisionRuleChanged("nn", SEATED_75, BALLOT),
                        new ModuleInactivityPeriodChanged("nn", 90, BALLOT));
        fixture.given(NN, BOB, motion(), new SettingsMotionDecided("nn", "m-1", "ballot-1", BallotOutcome.CARRIED))
                .when(new RecordSettingsBallotClosed("nn", MOTION_REQUEST, "ballot-1", BallotOutcome.CARRIED, BALLOT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    @DisplayName("R4: a motion that does not carry (rejected, tied, no quorum) changes nothing")
    void motionNotCarried() {
        fixture.given(NN, BOB, motion())
                .when(new RecordSettingsBallotClosed("nn", MOTION_REQUEST, "ballot-1", BallotOutcome.NO_QUORUM, BALLOT))
                .expectEvents(new SettingsMotionDecided("nn", "m-1", "ballot-1", BallotOutcome.NO_QUORUM));
        fixture.given(NN, BOB, motion())
                .when(new RecordSettingsBallotClosed("nn", "registry:nn:settings-motion:other", "ballot-9",
                        BallotOutcome.CARRIED, BALLOT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    @DisplayName("R4: only a maintainer of the module puts a motion (403); one open motion at a time (409); it must change something (409)")
    void motionChecks() {
        fixture.given(NN, BOB)
                .when(new ProposeSettingsMotion("nn", "m-1", "ada", SEATED_75, null, 365, "Core says so.", DEADLINE))
                .expectException(refusal(GovernanceException.NotAllowed.class, "not-a-maintainer", "R4"));
        fixture.given(NN, BOB, motion())
                .when(new ProposeSettingsMotion("nn", "m-2", "bob", DecisionRule.majority(), null, 30, "Shorter.",
                        DEADLINE))
                .expectException(refusal(GovernanceException.Conflict.class, "motion-open", "R4"));
        fixture.given(NN, BOB)
                .when(new ProposeSettingsMotion("nn", "m-1", "bob", DecisionRule.majority(),
                        NominationProcess.CORE_MAINTAINERS, 365, "The same.", DEADLINE))
                .expectException(refusal(GovernanceException.Conflict.class, "settings-unchanged", "R4"));
    }

    @Test
    @DisplayName("R4: the proposer withdraws the open motion, cancelling its ballot; nobody else may (403); retiring the module makes it moot")
    void withdrawsMotion() {
        fixture.given(NN, BOB, CLEO, motion())
                .when(new WithdrawSettingsMotion("nn", "m-1", "cleo", "No."))
                .expectException(refusal(GovernanceException.NotAllowed.class, "not-the-proposer", "R4"));
        fixture.given(NN, BOB, motion())
                .when(new WithdrawSettingsMotion("nn", "m-1", "bob", "We agreed otherwise."))
                .expectEvents(new SettingsMotionWithdrawn("nn", "m-1", "bob", "We agreed otherwise.", MOTION_REQUEST));
        fixture.given(NN, BOB, motion())
                .when(new RetireModule("nn", PROPOSAL))
                .expectEvents(new SettingsMotionWithdrawn("nn", "m-1", null, "the module was retired (R15)",
                                MOTION_REQUEST),
                        new MaintainerRemoved("bob", Role.MODULE_MAINTAINER, "nn", RemovalReason.MODULE_RETIRED, PROPOSAL),
                        new ModuleRetired("nn", PROPOSAL));
    }

    // --- R14: inactivity

    private static InactivityNoticeIssued notice() {
        return new InactivityNoticeIssued("bob", Role.MODULE_MAINTAINER, "nn", "n-1", null, APPOINTED, 365,
                NOW.plus(GRACE));
    }

    @Test
    @DisplayName("R14: a maintainer inactive longer than the group's period gets a public notice with the grace period, once")
    void issuesNotice() {
        fixture.given(NN, BOB)
                .when(new IssueInactivityNotice("nn", "bob", "n-1", null, APPOINTED, NOW, GRACE))
                .expectEvents(notice())
                .expectResultMessagePayload(true);
        fixture.given(NN, BOB, notice())
                .when(new IssueInactivityNotice("nn", "bob", "n-2", null, APPOINTED, NOW, GRACE))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    @DisplayName("R14: no notice within the group's period, nor for someone who holds no seat")
    void noNoticeWhenActive() {
        fixture.given(NN, BOB)
                .when(new IssueInactivityNotice("nn", "bob", "n-1", null, NOW.minus(Duration.ofDays(365)), NOW, GRACE))
                .expectNoEvents();
        fixture.given(NN)
                .when(new IssueInactivityNotice("nn", "bob", "n-1", null, APPOINTED, NOW, GRACE))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R14: activity in the grace period withdraws the notice; activity older than the notice's does not")
    void activityWithdrawsNotice() {
        Instant active = NOW.plus(Duration.ofDays(3));
        fixture.given(NN, BOB, notice())
                .when(new WithdrawInactivityNotice("nn", "bob", "n-1", NoticeWithdrawal.ACTIVITY, active))
                .expectEvents(new InactivityNoticeWithdrawn("bob", Role.MODULE_MAINTAINER, "nn", "n-1",
                        NoticeWithdrawal.ACTIVITY, active));
        fixture.given(NN, BOB, notice())
                .when(new WithdrawInactivityNotice("nn", "bob", "n-1", NoticeWithdrawal.ACTIVITY,
                        APPOINTED.minusSeconds(60)))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R14: after the grace period without activity, the maintainer moves to emeritus with the reason, the period and the last activity, naming the notice")
    void movesToEmeritus() {
        fixture.given(NN, BOB, notice())
                .when(new MoveToEmeritusAfterNotice("nn", "bob", "n-1", NOW.plus(GRACE)))
                .expectEvents(new MovedToEmeritus("bob", Role.MODULE_MAINTAINER, "nn",
                        SeatLifecycle.noticeDecision("n-1"), EmeritusReason.INACTIVITY, 365, null, APPOINTED))
                .expectResultMessagePayload(true);
        fixture.given(NN, BOB, notice())
                .when(new MoveToEmeritusAfterNotice("nn", "bob", "n-1", NOW.plus(Duration.ofDays(29))))
                .expectNoEvents()
                .expectResultMessagePayload(false);
        fixture.given(NN, BOB, notice(), new InactivityNoticeWithdrawn("bob", Role.MODULE_MAINTAINER, "nn", "n-1",
                        NoticeWithdrawal.ACTIVITY, NOW))
                .when(new MoveToEmeritusAfterNotice("nn", "bob", "n-1", NOW.plus(GRACE)))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R14: a seat ended by another decision withdraws its notice first")
    void removalEndsNotice() {
        DecisionRef removal = new DecisionRef("charter.nominations.v1", "NominationConfirmed", "event-r", "n-r");
        fixture.given(NN, BOB, notice())
                .when(new RemoveModuleMaintainer("nn", "bob", removal))
                .expectEvents(new InactivityNoticeWithdrawn("bob", Role.MODULE_MAINTAINER, "nn", "n-1",
                                NoticeWithdrawal.SEAT_ENDED, null),
                        new MaintainerRemoved("bob", Role.MODULE_MAINTAINER, "nn", RemovalReason.REMOVED, removal));
    }

    // --- R14: reinstatement

    private static final MovedToEmeritus ALAN_EMERITUS = MovedToEmeritus.imported("alan", Role.MODULE_MAINTAINER,
            "nn", DecisionRef.bootstrap("import-1"));
    private static final String REINSTATEMENT = "registry:nn:reinstatement:r-1";

    private static ReinstatementRequested reinstatement() {
        return new ReinstatementRequested("alan", Role.MODULE_MAINTAINER, "nn", "r-1", "Back from leave.",
                BallotRequest.yesNo(REINSTATEMENT, SeatLifecycle.REINSTATEMENT_SUBJECT, "nn",
                        "Reinstate alan as a maintainer of module nn? (R14)", BallotBody.MODULE_MAINTAINERS, "nn",
                        DecisionRule.majority(), DEADLINE, List.of("alan"), "alan"));
    }

    @Test
    @DisplayName("R14: an emeritus asks to be reinstated; the group decides by its own rule at once")
    void requestsReinstatement() {
        fixture.given(NN, BOB, ALAN_EMERITUS)
                .when(new RequestReinstatement("nn", "r-1", "alan", "alan", "Back from leave.", DEADLINE))
                .expectEvents(reinstatement());
    }

    @Test
    @DisplayName("R14: only the person asks (403), only an emeritus of the module (409), one request at a time (409)")
    void reinstatementChecks() {
        fixture.given(NN, BOB, ALAN_EMERITUS)
                .when(new RequestReinstatement("nn", "r-1", "alan", "bob", "Bring him back.", DEADLINE))
                .expectException(refusal(GovernanceException.NotAllowed.class, "not-the-person", "R14"));
        fixture.given(NN, BOB)
                .when(new RequestReinstatement("nn", "r-1", "bob", "bob", "Me again.", DEADLINE))
                .expectException(refusal(GovernanceException.Conflict.class, "not-emeritus", "R14"));
        fixture.given(NN, BOB, ALAN_EMERITUS, reinstatement())
                .when(new RequestReinstatement("nn", "r-2", "alan", "alan", "Again.", DEADLINE))
                .expectException(refusal(GovernanceException.Conflict.class, "reinstatement-open", "R14"));
    }

    @Test
    @DisplayName("R14: carried, the tenure resumes, naming the group's ballot; not carried, the person stays emeritus")
    void reinstatementDecided() {
        fixture.given(NN, BOB, ALAN_EMERITUS, reinstatement())
                .when(new RecordReinstatementBallotClosed("nn", REINSTATEMENT, "ballot-1", BallotOutcome.CARRIED,
                        BALLOT))
                .expectEvents(new MaintainerAppointed("alan", Role.MODULE_MAINTAINER, "nn", BALLOT));
        fixture.given(NN, BOB, ALAN_EMERITUS, reinstatement())
                .when(new RecordReinstatementBallotClosed("nn", REINSTATEMENT, "ballot-1", BallotOutcome.REJECTED,
                        BALLOT))
                .expectEvents(new ReinstatementDeclined("alan", Role.MODULE_MAINTAINER, "nn", "r-1", "ballot-1",
                        BallotOutcome.REJECTED));
        fixture.given(NN, BOB, ALAN_EMERITUS, reinstatement(),
                        new MaintainerAppointed("alan", Role.MODULE_MAINTAINER, "nn", BALLOT))
                .when(new RecordReinstatementBallotClosed("nn", REINSTATEMENT, "ballot-1", BallotOutcome.CARRIED,
                        BALLOT))
                .expectNoEvents();
    }

    @Test
    @DisplayName("R14: the person withdraws the request, cancelling its ballot; an appointment by another decision makes it moot")
    void reinstatementWithdrawn() {
        fixture.given(NN, BOB, ALAN_EMERITUS, reinstatement())
                .when(new WithdrawReinstatement("nn", "r-1", "alan", "Changed my mind."))
                .expectEvents(new ReinstatementWithdrawn("alan", Role.MODULE_MAINTAINER, "nn", "r-1", "alan",
                        "Changed my mind.", REINSTATEMENT));
        DecisionRef nomination = new DecisionRef("charter.nominations.v1", "NominationConfirmed", "event-n", "n-1");
        fixture.given(NN, BOB, ALAN_EMERITUS, reinstatement())
                .when(new ModuleCommands.AppointModuleMaintainer("nn", "alan", nomination))
                .expectEvents(new ReinstatementWithdrawn("alan", Role.MODULE_MAINTAINER, "nn", "r-1", null,
                                "appointed by another decision", REINSTATEMENT),
                        new MaintainerAppointed("alan", Role.MODULE_MAINTAINER, "nn", nomination));
    }
}
