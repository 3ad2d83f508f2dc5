package dev.charter.systemtests;

import dev.charter.client.registry.model.Roster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Governance end to end, through the generated clients of the running services. */
class GovernanceScenariosIT {

    private static SystemUnderTest system;

    @BeforeAll
    static void startAndImport() throws Exception {
        system = SystemUnderTest.get();
        String roster = new ClassPathResource("roster.yaml").getContentAsString(StandardCharsets.UTF_8);
        new Clients(system, "ada").bootstrap().importRoster(roster, null);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                new Clients(system, null).roster().getRoster(null).getLead() != null);
    }

    @Test
    @DisplayName("R1, R16: the imported roster is served with its lead and CODEOWNERS")
    void importedRoster() throws Exception {
        Roster roster = new Clients(system, null).roster().getRoster(null);
        assertThat(roster.getLead().getPersonId()).isEqualTo("ada");
        assertThat(new Clients(system, null).files().getCodeowners(null, null)).contains("/torch/nn/ @dennis @margaret");
    }
}
