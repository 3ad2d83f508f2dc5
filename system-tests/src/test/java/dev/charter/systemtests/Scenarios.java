package dev.charter.systemtests;

import dev.charter.client.registry.model.RosterMember;
import dev.charter.client.voting.model.Ballot;
import dev.charter.client.voting.model.BallotOutcome;
import dev.charter.client.voting.model.BallotStatus;
import dev.charter.client.voting.model.Choice;
import dev.charter.client.voting.model.VoteRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every scenario class shares: the running system (started once for all of them), the generated clients acting
 * as a person, and voting on voting-service's ballots.
 */
@ExtendWith(SystemExtension.class)
abstract class Scenarios {

    static final Duration PATIENCE = Duration.ofSeconds(90);

    static SystemUnderTest system;

    @BeforeAll
    static void start(SystemUnderTest running) {
        system = running;
    }

    static Clients as(String personId) {
        return new Clients(system, personId);
    }

    static Clients anonymous() {
        return new Clients(system, null);
    }

    /** The ballot once voting-service has it and it meets the condition (a requested ballot opens shortly). */
    static Ballot awaitBallot(String ballotId, Predicate<Ballot> condition) {
        return await().atMost(PATIENCE).ignoreException(dev.charter.client.voting.invoker.ApiException.class)
                .until(() -> anonymous().ballots().getBallot(ballotId), condition::test);
    }

    static Ballot awaitClosed(String ballotId, BallotOutcome outcome) {
        Ballot ballot = awaitBallot(ballotId, b -> b.getStatus() == BallotStatus.CLOSED);
        assertThat(ballot.getOutcome()).as("outcome of %s", ballotId).isEqualTo(outcome);
        return ballot;
    }

    static void vote(String ballotId, String voter, Choice choice) throws Exception {
        as(voter).ballots().castVote(ballotId, voter, new VoteRequest().choice(choice), null);
    }

    static void voteYes(String ballotId, List<String> voters) throws Exception {
        for (String voter : voters) {
            vote(ballotId, voter, Choice.YES);
        }
    }

    /** Enough members for a majority (R4: the groups and the core maintainers here decide by majority). */
    static List<String> majorityOf(List<String> electorate) {
        return electorate.subList(0, electorate.size() / 2 + 1);
    }

    static List<String> ids(List<RosterMember> members) {
        return members.stream().map(RosterMember::getPersonId).toList();
    }
}
