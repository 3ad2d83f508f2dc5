package dev.charter.dispute;

import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.EventStream;
import dev.charter.contracts.disputes.DecisionKind;
import dev.charter.contracts.disputes.ModuleDecision;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.TallySummary;
import dev.charter.contracts.registry.NominationProcess;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.platform.roster.ModuleFacts;
import dev.charter.platform.roster.PersonStanding;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Roster standings, decisions and settings shared by the aggregate tests. */
public final class Fixtures {

    public static final Instant T0 = Instant.parse("2100-02-01T10:00:00Z");
    public static final String RULES = "rules-test";
    public static final Duration RESPONSE_WINDOW = Duration.ofDays(14);
    public static final Duration VETO_WINDOW = Duration.ofDays(90);
    public static final Duration BALLOT = Duration.ofDays(7);
    public static final DisputeSettings SETTINGS = new DisputeSettings(RESPONSE_WINDOW, VETO_WINDOW, BALLOT,
            "system:dispute");

    /** A motion carried by module nn's group the day before T0 (R4). */
    public static final ModuleDecision MOTION = new ModuleDecision("motion:ballot-m1", DecisionKind.MOTION, "nn",
            T0.minus(Duration.ofDays(1)), new DecisionRef(EventStream.VOTING.topic(), "BallotClosed", "event-m1",
            "ballot-m1"), "Adopt the new optimizer API?", null, null, "CARRIED", null, null);

    /** Module nn-functional's group confirmed ann as one of its maintainers (R9) the day before T0. */
    public static final ModuleDecision CONFIRMATION = new ModuleDecision("nomination:n-1",
            DecisionKind.MODULE_NOMINATION, "nn-functional", T0.minus(Duration.ofDays(1)),
            new DecisionRef(EventStream.NOMINATIONS.topic(), "NominationConfirmed", "event-n1", "n-1"),
            "Confirm ann as a maintainer of module nn-functional", null, "ann", "CONFIRMED", null, null);

    private Fixtures() {
    }

    public static PersonStanding maintainerOf(String id, String... modules) {
        return new PersonStanding(id, true, false, false, Set.of(modules));
    }

    public static PersonStanding core(String id, String... modules) {
        return new PersonStanding(id, true, false, true, Set.of(modules));
    }

    public static PersonStanding lead(String id) {
        return new PersonStanding(id, true, true, true, Set.of());
    }

    public static PersonStanding nobody(String id) {
        return new PersonStanding(id, true, false, false, Set.of());
    }

    /** A module as the roster copy has it, with its group's decision rule (R4). */
    public static ModuleFacts module(String id, String name, boolean active, DecisionRule rule) {
        return new ModuleFacts(id, name, active ? ModuleFacts.Status.ACTIVE : ModuleFacts.Status.RETIRED,
                NominationProcess.OWN_GROUP, rule, 365);
    }

    public static TallySummary tally(int eligible, int yes, int no, BallotOutcome outcome) {
        return new TallySummary(eligible, 0, yes, no, 0, outcome);
    }
}
