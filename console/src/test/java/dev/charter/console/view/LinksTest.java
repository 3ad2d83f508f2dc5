package dev.charter.console.view;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinksTest {

    private final Links links = new Links();

    @Test
    @DisplayName("a role change links to the nomination, election or import that decided it")
    void decisions() {
        assertThat(links.decision("charter.nominations.v1", "NominationConfirmed", "n-1")).isEqualTo("/nominations/n-1");
        assertThat(links.decision("charter.nominations.v1", "LeadElected", "e 1")).isEqualTo("/elections/e%201");
        assertThat(links.decision("charter.nominations.v1", "LeadSeatVacated", "vacancy-n-2")).isEqualTo("/nominations/n-2");
        assertThat(links.decision("bootstrap", "RosterImported", "i-1")).isEqualTo("/audit/registry");
        assertThat(links.decision("charter.elsewhere.v1", "Something", "x")).isNull();
        assertThat(links.decisionLabel("charter.nominations.v1", "NominationConfirmed", "n-1"))
                .isEqualTo("NominationConfirmed (n-1)");
    }

    @Test
    @DisplayName("a ballot links to what it decides; a motion's web link is followed, other text is not a link")
    void subjects() {
        assertThat(links.subject("NOMINATION", "n-1")).isEqualTo("/nominations/n-1");
        assertThat(links.subject("LEAD_ELECTION", "e-1")).isEqualTo("/elections/e-1");
        assertThat(links.subject("MOTION", "https://example.org/issues/1")).isEqualTo("https://example.org/issues/1");
        assertThat(links.subject("MOTION", "motion:42")).isNull();
        assertThat(links.module("nn", "2026-01-01T00:00:00Z")).isEqualTo("/modules/nn?asOf=2026-01-01T00:00:00Z");
    }
}
