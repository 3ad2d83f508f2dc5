package dev.charter.dispute.decision;

import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.EventStream;
import dev.charter.contracts.disputes.DecisionKind;
import dev.charter.contracts.disputes.ModuleDecision;
import dev.charter.contracts.disputes.ModuleSettings;
import dev.charter.contracts.nominations.DossierAuthor;
import dev.charter.contracts.nominations.NominationEvent.NominationConfirmed;
import dev.charter.contracts.nominations.NominationEvent.NominationSubmitted;
import dev.charter.contracts.nominations.NominationKind;
import dev.charter.contracts.nominations.Standing;
import dev.charter.contracts.registry.ModuleKind;
import dev.charter.contracts.registry.NominationProcess;
import dev.charter.contracts.registry.PublicationKind;
import dev.charter.contracts.registry.RegistryEvent.ModuleAdded;
import dev.charter.contracts.registry.RegistryEvent.ModuleDecisionRuleChanged;
import dev.charter.contracts.registry.RegistryEvent.ModuleRetired;
import dev.charter.contracts.registry.RegistryEvent.PublicationAdded;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.CloseReason;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.contracts.voting.TallySummary;
import dev.charter.contracts.voting.ThresholdBase;
import dev.charter.contracts.voting.VotingEvent.BallotClosed;
import dev.charter.contracts.voting.VotingEvent.BallotOpened;
import dev.charter.dispute.ProjectionDatabase;
import dev.charter.dispute.policy.BallotPolicy;
import dev.charter.dispute.Fixtures;
import dev.charter.platform.roster.ModuleFacts;
import dev.charter.platform.roster.RosterCopy;
import dev.charter.platform.roster.RosterReader;
import dev.charter.platform.consume.InboundEvent;
import dev.charter.platform.web.GovernanceException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which decisions of the other streams are module-level decisions (DESIGN §7), as this service's copy records them
 * on a real PostgreSQL, and how a named decision is checked.
 */
class DecisionCopyTest {

    static final Instant AT = Instant.parse("2100-01-10T12:00:00Z");
    static final DecisionRule SUPERMAJORITY_75 = new DecisionRule(DecisionMethod.SUPERMAJORITY, 0.75,
            ThresholdBase.SEATED, null);
    private static DecisionCopy copy;
    private static ModuleDecisions decisions;

    @BeforeAll
    static void database() {
        var jdbc = ProjectionDatabase.create();
        copy = new DecisionCopy(jdbc, ProjectionDatabase.json(), Clock.fixed(AT, ZoneOffset.UTC));
        RosterCopy roster = new RosterCopy(jdbc);
        roster.on(new ModuleAdded("nn", "Neural networks", ModuleKind.DIRECTORY, "torch/nn", null,
                DecisionRule.majority(), NominationProcess.OWN_GROUP, 365, DecisionRef.bootstrap("import-1")));
        roster.on(new ModuleAdded("legacy", "Legacy", ModuleKind.DIRECTORY, "torch/legacy", null,
                DecisionRule.majority(), NominationProcess.OWN_GROUP, 365, DecisionRef.bootstrap("import-1")));
        roster.on(new ModuleRetired("legacy", DecisionRef.bootstrap("import-1")));
        decisions = new ModuleDecisions(jdbc, ProjectionDatabase.json(), new RosterReader(jdbc));
    }

    @Test
    @DisplayName("R4, R5, R7: a closed motion of a module's group is a module-level decision; a core ballot is not (422), an open one not yet (409)")
    void motions() {
        copy.on(opened("b-module", BallotBody.MODULE_MAINTAINERS, "nn", "MOTION"));
        String closedId = envelopeId();
        copy.on(closed("b-module", BallotOutcome.CARRIED), envelope(closedId, closed("b-module", BallotOutcome.CARRIED)));
        ModuleDecision motion = decisions.resolve("motion:b-module", "R5");
        assertThat(motion.kind()).isEqualTo(DecisionKind.MOTION);
        assertThat(motion.moduleId()).isEqualTo("nn");
        assertThat(motion.summary()).isEqualTo("Adopt it?");
        assertThat(motion.outcome()).isEqualTo("CARRIED");
        assertThat(motion.decidedAt()).isEqualTo(AT);
        assertThat(motion.ref()).isEqualTo(new DecisionRef(EventStream.VOTING.topic(), "BallotClosed", closedId,
                "b-module"));

        copy.on(opened("b-core", BallotBody.CORE_MAINTAINERS, null, "MOTION"));
        copy.on(closed("b-core", BallotOutcome.CARRIED), envelope(envelopeId(), closed("b-core", BallotOutcome.CARRIED)));
        assertThatThrownBy(() -> decisions.resolve("motion:b-core", "R7"))
                .isInstanceOfSatisfying(GovernanceException.RuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("not-a-module-level-decision"));
        copy.on(opened("b-open", BallotBody.MODULE_MAINTAINERS, "nn", "MOTION"));
        assertThatThrownBy(() -> decisions.resolve("motion:b-open", "R7"))
                .isInstanceOfSatisfying(GovernanceException.Conflict.class,
                        e -> assertThat(e.code()).isEqualTo("decision-pending"));
        copy.on(opened("b-tied", BallotBody.MODULE_MAINTAINERS, "nn", "MOTION"));
        copy.on(closed("b-tied", BallotOutcome.TIED), envelope(envelopeId(), closed("b-tied", BallotOutcome.TIED)));
        assertThatThrownBy(() -> decisions.resolve("motion:b-tied", "R5"))
                .isInstanceOfSatisfying(GovernanceException.RuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("no-decision-taken"));
        assertThatThrownBy(() -> decisions.resolve("motion:b-none", "R5"))
                .isInstanceOf(GovernanceException.NotFound.class);
        assertThatThrownBy(() -> decisions.resolve("nonsense", "R5"))
                .isInstanceOf(GovernanceException.NotFound.class);
        assertThat(decisions.of("b-core")).contains(new BallotPolicy.Subject("MOTION", "b-core"));
    }

    @Test
    @DisplayName("R9: a module-maintainer nomination decided by the module's own group is a module-level decision; one the core maintainers decide is not")
    void nominations() {
        copy.on(submitted("n-own", BallotBody.MODULE_MAINTAINERS));
        copy.on(confirmed("n-own"), envelope(envelopeId(), confirmed("n-own")));
        ModuleDecision confirmation = decisions.resolve("nomination:n-own", "R7");
        assertThat(confirmation.kind()).isEqualTo(DecisionKind.MODULE_NOMINATION);
        assertThat(confirmation.personId()).isEqualTo("ann");
        assertThat(confirmation.outcome()).isEqualTo("CONFIRMED");
        assertThat(confirmation.summary()).isEqualTo("Confirmed ann as a maintainer of module nn-functional");

        copy.on(submitted("n-core", BallotBody.CORE_MAINTAINERS));
        copy.on(confirmed("n-core"), envelope(envelopeId(), confirmed("n-core")));
        assertThatThrownBy(() -> decisions.resolve("nomination:n-core", "R7"))
                .isInstanceOfSatisfying(GovernanceException.RuleViolation.class,
                        e -> assertThat(e.code()).isEqualTo("not-a-module-level-decision"));
    }

    @Test
    @DisplayName("R4, R6, R7: a settings change records the value it replaced (what a veto restores), a veto's restoration is none; a publication is a decision of its group")
    void settingsAndPublications() {
        copy.on(new ModuleAdded("vision", "Vision", ModuleKind.REPOSITORY, "org/vision", null, DecisionRule.majority(),
                NominationProcess.OWN_GROUP, 180, DecisionRef.bootstrap("i-1")));
        String changeId = envelopeId();
        ModuleDecisionRuleChanged change = new ModuleDecisionRuleChanged("vision", SUPERMAJORITY_75, null);
        copy.on(change, envelope(changeId, change));
        ModuleDecision settings = decisions.resolve("settings:" + changeId, "R7");
        assertThat(settings.settingsBefore()).isEqualTo(new ModuleSettings(DecisionRule.majority(), null, null));
        assertThat(settings.settingsAfter()).isEqualTo(new ModuleSettings(SUPERMAJORITY_75, null, null));
        assertThat(settings.summary()).isEqualTo("Decision rule changed from MAJORITY to SUPERMAJORITY 0.75 of SEATED");

        // R7: the veto's restoration is the core maintainers' decision, not the group's: no new module-level
        // decision, but the settings move back
        ModuleDecisionRuleChanged restored = new ModuleDecisionRuleChanged("vision", DecisionRule.majority(),
                new DecisionRef(EventStream.DISPUTES.topic(), "VetoCarried", "e-veto", "veto-1"));
        copy.on(restored, envelope(envelopeId(), restored));
        String againId = envelopeId();
        ModuleDecisionRuleChanged again = new ModuleDecisionRuleChanged("vision", SUPERMAJORITY_75, null);
        copy.on(again, envelope(againId, again));
        assertThat(decisions.resolve("settings:" + againId, "R7").settingsBefore())
                .isEqualTo(new ModuleSettings(DecisionRule.majority(), null, null));

        PublicationAdded publication = new PublicationAdded("vision", "p-1", PublicationKind.ROADMAP, "2026 roadmap",
                "https://example.org/roadmap", LocalDate.parse("2100-01-01"));
        copy.on(publication, envelope(envelopeId(), publication));
        assertThat(decisions.resolve("publication:p-1", "R5").url()).isEqualTo("https://example.org/roadmap");
        assertThat(decisions.list("vision", null, 0, 10)).extracting(l -> l.decision().kind())
                .containsExactly(DecisionKind.SETTINGS_CHANGE, DecisionKind.SETTINGS_CHANGE, DecisionKind.PUBLICATION);
        assertThat(decisions.list("vision", DecisionKind.PUBLICATION, 0, 10)).hasSize(1);
    }

    @Test
    @DisplayName("R5, R7: an external decision is named by its https URL and its module; the same URL and module is the same decision")
    void externalDecisions() {
        ModuleFacts nn = Fixtures.module("nn", "Neural networks", true, DecisionRule.majority());
        ModuleDecision external = ModuleDecisions.external("https://github.com/org/repo/pull/9", nn, null, null, AT);
        assertThat(external.kind()).isEqualTo(DecisionKind.EXTERNAL);
        assertThat(external.decidedAt()).isEqualTo(AT);
        assertThat(external.ref().source()).isEqualTo(DecisionRef.EXTERNAL);
        assertThat(ModuleDecisions.external("https://github.com/org/repo/pull/9", nn, AT.minusSeconds(5), "Merged",
                AT).decisionId()).isEqualTo(external.decisionId());
        assertThatThrownBy(() -> ModuleDecisions.external("http://insecure", nn, null, null, AT))
                .isInstanceOf(GovernanceException.BadInput.class);
        assertThatThrownBy(() -> ModuleDecisions.external("https://x.org/1", nn, AT.plusSeconds(5), null, AT))
                .isInstanceOf(GovernanceException.BadInput.class);
    }

    @Test
    @DisplayName("R5, R7: a request names a known decision by its id, or an external one by url and an active module; never both")
    void namedDecisions() {
        assertThat(decisions.resolve(new ModuleDecisions.Named(null, "https://github.com/org/repo/pull/9", "NN", null,
                null), AT, "R5").moduleId()).isEqualTo("nn");
        assertThatThrownBy(() -> decisions.resolve(new ModuleDecisions.Named(null, null, null, null, null), AT, "R5"))
                .isInstanceOfSatisfying(GovernanceException.BadInput.class,
                        e -> assertThat(e.code()).isEqualTo("decision-required"));
        assertThatThrownBy(() -> decisions.resolve(new ModuleDecisions.Named("motion:x", "https://x.org/1", "nn", null,
                null), AT, "R5")).isInstanceOfSatisfying(GovernanceException.BadInput.class,
                e -> assertThat(e.code()).isEqualTo("decision-ambiguous"));
        assertThatThrownBy(() -> decisions.resolve(new ModuleDecisions.Named(null, "https://x.org/1", " ", null, null),
                AT, "R5")).isInstanceOfSatisfying(GovernanceException.BadInput.class,
                e -> assertThat(e.code()).isEqualTo("module-required"));
        assertThatThrownBy(() -> decisions.resolve(new ModuleDecisions.Named(null, "https://x.org/1", "nope", null,
                null), AT, "R5")).isInstanceOf(GovernanceException.NotFound.class);
        assertThatThrownBy(() -> decisions.resolve(new ModuleDecisions.Named(null, "https://x.org/1", "legacy", null,
                null), AT, "R7")).isInstanceOfSatisfying(GovernanceException.Conflict.class,
                e -> assertThat(e.code()).isEqualTo("module-retired"));
    }

    private static BallotOpened opened(String ballotId, BallotBody body, String moduleId, String subjectKind) {
        return new BallotOpened(ballotId, new BallotRequest("r-" + ballotId, subjectKind, ballotId, "Adopt it?", body,
                moduleId, List.of(), DecisionMethod.MAJORITY, null, null, null, List.of(), AT, List.of(), "dennis"),
                List.of("dennis", "frances"), List.of(), "ada", 1L, "rules");
    }

    private static BallotClosed closed(String ballotId, BallotOutcome outcome) {
        return new BallotClosed(ballotId, "r-" + ballotId, "MOTION", ballotId, DecisionMethod.MAJORITY, outcome, null,
                CloseReason.OUTCOME_SETTLED, null, null, "rules");
    }

    private static NominationSubmitted submitted(String nominationId, BallotBody body) {
        return new NominationSubmitted(nominationId, NominationKind.MODULE_MAINTAINER, "ann", Role.MODULE_MAINTAINER,
                "nn-functional", new DossierAuthor("frances", Standing.MODULE_MAINTAINER, List.of("nn-functional")),
                null, null, null, body, DecisionRule.majority());
    }

    private static NominationConfirmed confirmed(String nominationId) {
        return new NominationConfirmed(nominationId, NominationKind.MODULE_MAINTAINER, "ann", Role.MODULE_MAINTAINER,
                "nn-functional", "Good.", "frances", "b-" + nominationId,
                new TallySummary(2, 0, 2, 0, 0, BallotOutcome.CARRIED), "rules");
    }

    private static String envelopeId() {
        return UUID.randomUUID().toString();
    }

    private static <T> InboundEvent<T> envelope(String id, T payload) {
        return new InboundEvent<>(id, "type", "/charter/test", "subject", AT, "system:test", null, null, "rules",
                payload, "topic", 0, 0L);
    }
}
