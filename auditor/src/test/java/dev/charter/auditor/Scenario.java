package dev.charter.auditor;

import dev.charter.contracts.DecisionRef;
import dev.charter.contracts.nominations.DossierAuthor;
import dev.charter.contracts.nominations.NominationEvent;
import dev.charter.contracts.nominations.NominationKind;
import dev.charter.contracts.nominations.Standing;
import dev.charter.contracts.registry.ModuleKind;
import dev.charter.contracts.registry.NominationProcess;
import dev.charter.contracts.registry.RegistryEvent;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.Choice;
import dev.charter.contracts.voting.CloseReason;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.contracts.voting.TallySummary;
import dev.charter.contracts.voting.VotingEvent;
import dev.charter.voting.ballot.tally.CountedVote;
import dev.charter.voting.ballot.tally.Counted;
import dev.charter.voting.ballot.tally.CountingRule;
import dev.charter.voting.ballot.tally.Tallies;

import java.time.Instant;
import java.util.List;

/**
 * A small governance history published as the services publish it: a roster imported, a module-maintainer
 * nomination confirmed by a core ballot and applied by the registry, a declined one, a ranked-choice ballot whose
 * elimination needs the seeded tie-break. Results are counted by voting-service's own code, as published.
 */
public final class Scenario {

    private Scenario() {
    }

    public static PublishedEvents governance() {
        PublishedEvents p = new PublishedEvents();
        DecisionRef bootstrap = DecisionRef.bootstrap("import-1");
        for (String person : List.of("ada", "grace", "linus", "alan", "édouard")) {
            p.publish(person, new RegistryEvent.PersonRegistered(person, "Name \"" + person + "\"\n\t✓", null),
                    "system:registry");
        }
        p.publish("nn", new RegistryEvent.ModuleAdded("nn", "Neural nets", ModuleKind.DIRECTORY, "torch/nn",
                "Layers", new DecisionRule(DecisionMethod.SUPERMAJORITY, 0.75, null, 1.0E-5),
                NominationProcess.CORE_MAINTAINERS, 365, bootstrap), "ada");
        p.publish("core", new RegistryEvent.MaintainerAppointed("ada", Role.LEAD, null, bootstrap), "ada");
        for (String core : List.of("ada", "grace", "linus")) {
            p.publish("core", new RegistryEvent.MaintainerAppointed(core, Role.CORE_MAINTAINER, null, bootstrap), "ada");
        }
        p.publish("grace", new RegistryEvent.MaintainerAppointed("grace", Role.MODULE_MAINTAINER, "nn", bootstrap),
                "ada");
        p.publish("linus", new RegistryEvent.ConflictOfInterestDeclared("linus", "c-1", "édouard",
                dev.charter.contracts.registry.ConflictKind.FILIAL, "Cousins."), "linus");

        // a module-maintainer nomination confirmed by the core maintainers
        String n1 = "nom-1";
        DossierAuthor grace = new DossierAuthor("grace", Standing.CORE_MAINTAINER, List.of("nn"));
        p.publish(n1, new NominationEvent.NominationSubmitted(n1, NominationKind.MODULE_MAINTAINER, "alan",
                Role.MODULE_MAINTAINER, "nn", grace, "Alan reviews everything.", null, null,
                BallotBody.CORE_MAINTAINERS, DecisionRule.majority()), "grace");
        BallotRequest r1 = new BallotRequest("nomination:" + n1 + ":review", "NOMINATION", n1, "Confirm alan?",
                BallotBody.CORE_MAINTAINERS, null, List.of(), DecisionMethod.MAJORITY, null, null, null, List.of(),
                Instant.parse("2026-04-01T00:00:00Z"), List.of("alan"), "grace");
        p.publish(n1, new NominationEvent.NominationReviewRequested(n1, r1), "grace");
        String b1 = "ballot-1";
        p.publish(b1, new VotingEvent.BallotOpened(b1, r1, List.of("ada", "grace", "linus"), List.of(), "ada",
                42L, "pytorch-governance-mechanics/2024"), "system:voting");
        p.publish(b1, new VotingEvent.VoteCast(b1, "ada", Choice.YES, null, "Yes.", false), "ada");
        p.publish(b1, new VotingEvent.VoteCast(b1, "grace", Choice.NO, null, null, false), "grace");
        p.publish(b1, new VotingEvent.VoteCast(b1, "grace", Choice.YES, null, "Changed my mind.", true), "grace");
        Counted c1 = Tallies.count(CountingRule.of(r1), 3, 0,
                List.of(CountedVote.of(Choice.YES), CountedVote.of(Choice.YES)), 42L);
        p.publish(b1, new VotingEvent.BallotClosed(b1, r1.requestId(), "NOMINATION", n1, DecisionMethod.MAJORITY,
                c1.outcome(), c1.tally(), CloseReason.OUTCOME_SETTLED, null, null, "pytorch-governance-mechanics/2024"),
                "system:voting");
        TallySummary summary = new TallySummary(3, 0, 2, 0, 0, c1.outcome());
        p.publish(n1, new NominationEvent.NominationAwaitingReasoning(n1, b1, summary, CloseReason.OUTCOME_SETTLED,
                null), "system:nomination");
        var confirmed = p.publish(n1, new NominationEvent.NominationConfirmed(n1, NominationKind.MODULE_MAINTAINER,
                "alan", Role.MODULE_MAINTAINER, "nn", "Two years of reviews.", "grace", b1, summary,
                "pytorch-governance-mechanics/2024"), "grace");
        p.publish("alan", new RegistryEvent.MaintainerAppointed("alan", Role.MODULE_MAINTAINER, "nn",
                new DecisionRef("charter.nominations.v1", "NominationConfirmed", confirmed.id(), n1)), "system:registry");

        // a removal ballot: the subject and a conflicted member recused (R10)
        BallotRequest r2 = new BallotRequest("motion-2", "MOTION", "m2", "Remove édouard?",
                BallotBody.CORE_MAINTAINERS, null, List.of(), DecisionMethod.RANKED_CHOICE, null, null, null,
                List.of("x", "y", "z"), Instant.parse("2026-04-01T00:00:00Z"), List.of("édouard"), "ada");
        String b2 = "ballot-2";
        p.publish(b2, new VotingEvent.BallotOpened(b2, r2, List.of("ada", "grace"),
                List.of(new dev.charter.contracts.voting.Recusal("linus",
                        dev.charter.contracts.voting.RecusalReason.CONFLICT_OF_INTEREST, "Cousins.")), "ada",
                7L, "pytorch-governance-mechanics/2024"), "system:voting");
        p.publish(b2, new VotingEvent.VoteCast(b2, "ada", null, List.of("x", "y"), null, false), "ada");
        p.publish(b2, new VotingEvent.VoteCast(b2, "grace", null, List.of("y", "z"), null, false), "grace");
        Counted c2 = Tallies.count(CountingRule.of(r2), 2, 1, List.of(CountedVote.ranking(List.of("x", "y")),
                CountedVote.ranking(List.of("y", "z"))), 7L);
        p.publish(b2, new VotingEvent.BallotClosed(b2, r2.requestId(), "MOTION", "m2", DecisionMethod.RANKED_CHOICE,
                c2.outcome(), c2.tally(), CloseReason.DEADLINE, null, null, "pytorch-governance-mechanics/2024"),
                "system:voting");
        return p;
    }
}
