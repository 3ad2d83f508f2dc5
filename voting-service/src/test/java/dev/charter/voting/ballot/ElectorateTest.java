package dev.charter.voting.ballot;

import dev.charter.contracts.registry.ConflictKind;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotRequest;
import dev.charter.contracts.voting.DecisionMethod;
import dev.charter.contracts.voting.Recusal;
import dev.charter.contracts.voting.RecusalReason;
import dev.charter.contracts.voting.ThresholdBase;
import dev.charter.platform.roster.DeclaredConflict;
import dev.charter.platform.web.GovernanceException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Freezing the electorate and the canonical form of a request (DESIGN §1, R10). */
class ElectorateTest {

    private static final Instant DEADLINE = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    @DisplayName("R10: a declared conflict recuses whichever side of it sits in the body, compared case-insensitively")
    void conflictEitherDirection() {
        BallotRequest request = request(List.of("Margaret"));
        BodySnapshot body = new BodySnapshot(List.of("Linus", "grace", "ken", "margaret"), "ada", List.of(
                new DeclaredConflict("c1", "margaret", "linus", ConflictKind.OTHER),
                new DeclaredConflict("c2", "ken", "MARGARET", ConflictKind.OTHER),
                new DeclaredConflict("c3", "grace", "someone-else", ConflictKind.OTHER)));
        Electorate.Frozen frozen = Electorate.freeze(BallotRequests.canonical(request), body);
        assertThat(frozen.electorate()).containsExactly("grace");
        assertThat(frozen.recusals()).containsExactly(
                new Recusal("ken", RecusalReason.CONFLICT_OF_INTEREST, "Declared conflict of interest with margaret."),
                new Recusal("linus", RecusalReason.CONFLICT_OF_INTEREST, "Declared conflict of interest with margaret."),
                new Recusal("margaret", RecusalReason.SUBJECT, "The ballot concerns margaret."));
    }

    @Test
    @DisplayName("R10: a person concerned who is not in the body is simply not in the electorate")
    void concernedOutsideTheBody() {
        Electorate.Frozen frozen = Electorate.freeze(request(List.of("dennis")),
                new BodySnapshot(List.of("ada", "grace"), "ada", List.of()));
        assertThat(frozen.electorate()).containsExactly("ada", "grace");
        assertThat(frozen.recusals()).isEmpty();
    }

    @Test
    @DisplayName("a request's canonical form: trimmed, lower-case persons, SEATED by default, a fixpoint")
    void canonical() {
        BallotRequest canonical = BallotRequests.canonical(new BallotRequest(" r1 ", "NOMINATION", null, " Remove? ",
                BallotBody.CORE_MAINTAINERS, null, null, DecisionMethod.SUPERMAJORITY, 0.75, null, null, null, DEADLINE,
                List.of("Ada", "ada"), null));
        assertThat(canonical.requestId()).isEqualTo("r1");
        assertThat(canonical.subjectId()).isEqualTo("r1");
        assertThat(canonical.question()).isEqualTo("Remove?");
        assertThat(canonical.base()).isEqualTo(ThresholdBase.SEATED);
        assertThat(canonical.personsConcerned()).containsExactly("ada");
        assertThat(BallotRequests.canonical(canonical)).isEqualTo(canonical);
    }

    @Test
    @DisplayName("malformed requests are refused: a super-majority without threshold, one option to rank, options on a yes/no ballot")
    void malformed() {
        assertThatThrownBy(() -> BallotRequests.canonical(new BallotRequest("r", "K", "s", "q",
                BallotBody.CORE_MAINTAINERS, null, null, DecisionMethod.SUPERMAJORITY, null, null, null, null,
                DEADLINE, null, null))).isInstanceOf(GovernanceException.BadInput.class);
        assertThatThrownBy(() -> BallotRequests.canonical(new BallotRequest("r", "K", "s", "q",
                BallotBody.CORE_MAINTAINERS, null, null, DecisionMethod.RANKED_CHOICE, null, null, null, List.of("a"),
                DEADLINE, null, null))).isInstanceOf(GovernanceException.BadInput.class);
        assertThatThrownBy(() -> BallotRequests.canonical(new BallotRequest("r", "K", "s", "q",
                BallotBody.CORE_MAINTAINERS, null, null, DecisionMethod.MAJORITY, null, null, null, List.of("a", "b"),
                DEADLINE, null, null))).isInstanceOf(GovernanceException.BadInput.class);
        assertThatThrownBy(() -> BallotRequests.canonical(new BallotRequest("r", "K", "s", "q",
                BallotBody.MODULE_MAINTAINERS, null, null, DecisionMethod.MAJORITY, null, null, null, null,
                DEADLINE, null, null))).isInstanceOf(GovernanceException.BadInput.class);
        assertThatThrownBy(() -> BallotRequests.canonical(new BallotRequest("r", "K", "s", "q",
                BallotBody.CORE_MAINTAINERS, null, null, DecisionMethod.MAJORITY, null, null, 1.5, null,
                DEADLINE, null, null))).isInstanceOf(GovernanceException.BadInput.class);
    }

    @Test
    @DisplayName("R12: a super-majority of exactly one half is no super-majority (400); just above it is")
    void supermajorityThresholdBoundary() {
        assertThatThrownBy(() -> BallotRequests.canonical(supermajority(0.5)))
                .isInstanceOf(GovernanceException.BadInput.class).hasMessageContaining("above 0.5");
        assertThat(BallotRequests.canonical(supermajority(0.51)).threshold()).isEqualTo(0.51);
        assertThat(BallotRequests.canonical(supermajority(1.0)).threshold()).isEqualTo(1.0);
    }

    private static BallotRequest supermajority(double threshold) {
        return new BallotRequest("r", "K", "s", "q", BallotBody.CORE_MAINTAINERS, null, null,
                DecisionMethod.SUPERMAJORITY, threshold, null, null, null, DEADLINE, null, null);
    }

    private static BallotRequest request(List<String> concerned) {
        return new BallotRequest("r", "NOMINATION", "n1", "Remove?", BallotBody.CORE_MAINTAINERS, null, List.of(),
                DecisionMethod.MAJORITY, null, null, null, List.of(), DEADLINE, concerned, null);
    }
}
