package dev.charter.voting.ballot;

import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotIds;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.CloseReason;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.Tally;
import dev.charter.contracts.voting.VotingEvent.BallotClosed;
import dev.charter.contracts.voting.VotingEvent.BallotOpened;
import dev.charter.contracts.voting.VotingEvent.BallotVetoed;
import dev.charter.voting.ballot.BallotCommands.RecordVeto;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

/** A closed motion of a module's group shown as vetoed (R7). */
class BallotVetoTest {

    static final String REQUEST = "motion:m-1";
    static final String ID = BallotIds.forRequest(REQUEST);
    static final BallotRequest MOTION = new BallotRequest(REQUEST, "MOTION", "m-1", "Adopt the new optimizer API?",
            BallotBody.MODULE_MAINTAINERS, "nn", List.of(), DecisionMethod.MAJORITY, null, null, null, List.of(),
            Instant.parse("2100-01-08T00:00:00Z"), List.of(), "dennis");
    static final BallotOpened OPENED = new BallotOpened(ID, MOTION, List.of("dennis", "frances"), List.of(), "ada", 7L,
            "rules");
    static final BallotClosed CLOSED = new BallotClosed(ID, REQUEST, "MOTION", "m-1", DecisionMethod.MAJORITY,
            BallotOutcome.CARRIED, new Tally(2, 0, 2, 2, 0, 0, null, true, List.of(), null),
            CloseReason.OUTCOME_SETTLED, null, null, "rules");

    private AggregateTestFixture<Ballot> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Ballot.class);
    }

    @Test
    @DisplayName("R7: a carried veto shows the closed motion as vetoed, with the veto and its reasoning")
    void vetoed() {
        fixture.given(OPENED, CLOSED)
                .when(new RecordVeto(ID, "veto-1", "The group bypassed its process.", "grace"))
                .expectEvents(new BallotVetoed(ID, "veto-1", "The group bypassed its process.", "grace"))
                .expectResultMessagePayload(true);
    }

    @Test
    @DisplayName("R7: the same veto again, or a veto of a ballot still open, changes nothing")
    void idempotent() {
        fixture.given(OPENED, CLOSED, new BallotVetoed(ID, "veto-1", "Bypassed.", "grace"))
                .when(new RecordVeto(ID, "veto-1", "Bypassed.", "grace"))
                .expectNoEvents()
                .expectResultMessagePayload(false);
        fixture.given(OPENED)
                .when(new RecordVeto(ID, "veto-1", "Bypassed.", "grace"))
                .expectNoEvents();
    }
}
