package dev.charter.nomination.seat;

import dev.charter.contracts.nominations.DossierAuthor;
import dev.charter.contracts.nominations.NominationEvent.LeadSeatVacated;
import dev.charter.contracts.nominations.NominationEvent.NominationDeclined;
import dev.charter.contracts.nominations.NominationEvent.NominationSubmitted;
import dev.charter.contracts.nominations.NominationKind;
import dev.charter.contracts.nominations.Standing;
import dev.charter.contracts.nominations.VacancyReason;
import dev.charter.contracts.registry.Role;
import dev.charter.contracts.voting.BallotBody;
import dev.charter.contracts.voting.BallotOutcome;
import dev.charter.contracts.voting.DecisionRule;
import dev.charter.contracts.voting.TallySummary;
import dev.charter.platform.web.GovernanceException;
import dev.charter.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The facts across nominations that commands see at once (a real PostgreSQL). */
class NominationDirectoryTest {

    private NominationDirectory directory;

    @BeforeEach
    void freshDatabase() {
        directory = new NominationDirectory(JdbcClient.create(TestInfrastructure.migratedDatabase("nomination",
                "classpath:db/migration/nomination")));
    }

    @Test
    @DisplayName("R9: one open nomination per person and seat; a second is refused (409) until the first is decided")
    void oneOpenNomination() {
        directory.on(submitted("n1"));
        directory.on(submitted("n1"));
        assertThat(directory.openNomination("ann", "MODULE_MAINTAINER", "nn")).contains("n1");
        GovernanceException refused = catchThrowableOfType(GovernanceException.Conflict.class,
                () -> directory.on(submitted("n2")));
        assertThat(refused.code()).isEqualTo("open-nomination-exists");
        assertThat(refused.rule()).isEqualTo("R9");

        directory.on(new NominationDeclined("n1", NominationKind.MODULE_MAINTAINER, "ann", Role.MODULE_MAINTAINER,
                "nn", "Not yet.", "grace", "b1", new TallySummary(2, 0, 0, 2, 0, BallotOutcome.REJECTED), "rules"));
        assertThat(directory.openNomination("ann", "MODULE_MAINTAINER", "nn")).isEmpty();
        directory.on(submitted("n2"));
        assertThat(directory.openNomination("ann", "MODULE_MAINTAINER", "nn")).contains("n2");
    }

    @Test
    @DisplayName("R12, R13: a lead-seat vacancy this service decided is remembered with its reason")
    void vacancies() {
        directory.on(new LeadSeatVacated("v1", "ada", VacancyReason.PERMANENTLY_UNAVAILABLE, "n9", "Gone.", "b9",
                "rules"));
        assertThat(directory.vacancyReason("v1")).contains(VacancyReason.PERMANENTLY_UNAVAILABLE);
        assertThat(directory.vacancyReason("v2")).isEmpty();
    }

    private static NominationSubmitted submitted(String id) {
        return new NominationSubmitted(id, NominationKind.MODULE_MAINTAINER, "ann", Role.MODULE_MAINTAINER, "nn",
                new DossierAuthor("bob", Standing.COMMUNITY, List.of()), null, null, null,
                BallotBody.CORE_MAINTAINERS, DecisionRule.majority());
    }
}
