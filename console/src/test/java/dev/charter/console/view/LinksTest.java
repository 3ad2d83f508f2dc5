package dev.charter.console.view;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinksTest {

    private final Links links = new Links();

    @Test
    @DisplayName("a role change links to the nomination, election, module proposal (R15), group ballot (R4, R14) or import that decided it")
    void decisions() {
        assertThat(links.decision("charter.nominations.v1", "NominationConfirmed", "n-1")).isEqualTo("/nominations/n-1");
        assertThat(links.decision("charter.nominations.v1", "LeadElected", "e 1")).isEqualTo("/elections/e%201");
        assertThat(links.decision("charter.nominations.v1", "LeadSeatVacated", "vacancy-n-2")).isEqualTo("/nominations/n-2");
        assertThat(links.decision("bootstrap", "RosterImported", "i-1")).isEqualTo("/audit/registry");
        assertThat(links.decision("charter.disputes.v1", "VetoCarried", "v-1")).isEqualTo("/vetoes/v-1");
        assertThat(links.decision("charter.nominations.v1", "ModuleProposalAccepted", "mp-1"))
                .isEqualTo("/module-proposals/mp-1");
        assertThat(links.decision("charter.voting.v1", "BallotClosed", "b-41")).isEqualTo("/ballots/b-41");
        assertThat(links.decision("charter.registry.v1", "InactivityNoticeIssued", "n-3")).isNull();
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
        assertThat(links.subject("DISPUTE", "d-1")).isEqualTo("/disputes/d-1");
        assertThat(links.subject("VETO", "v-1")).isEqualTo("/vetoes/v-1");
        assertThat(links.subject("CHANGE_PROPOSAL", "p-1")).isEqualTo("/proposals/p-1");
        assertThat(links.module("nn", "2026-01-01T00:00:00Z")).isEqualTo("/modules/nn?asOf=2026-01-01T00:00:00Z");
    }

    @Test
    @DisplayName("R5, R7: a disputed or vetoed module-level decision links to its ballot, nomination or own address")
    void moduleDecisions() {
        assertThat(links.moduleDecision("MOTION", "motion:b-1", null)).isEqualTo("/ballots/b-1");
        assertThat(links.moduleDecision("MODULE_NOMINATION", "nomination:n-1", null)).isEqualTo("/nominations/n-1");
        assertThat(links.moduleDecision("EXTERNAL", "external:x", "https://github.com/o/r/pull/1"))
                .isEqualTo("https://github.com/o/r/pull/1");
        assertThat(links.moduleDecision("EXTERNAL", "external:x", "javascript:alert(1)")).isNull();
        assertThat(links.moduleDecision("SETTINGS_CHANGE", "settings:e-1", null)).isNull();
    }
}
