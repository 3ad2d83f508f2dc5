package dev.charter.registry.roster;

import dev.charter.contracts.registry.ModuleKind;
import dev.charter.registry.disputes.DisputeLog;
import dev.charter.registry.roster.RosterViews.MemberView;
import dev.charter.registry.roster.RosterViews.RosterView;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.charter.registry.roster.CodeownersFileTest.AS_OF;
import static dev.charter.registry.roster.CodeownersFileTest.member;
import static dev.charter.registry.roster.CodeownersFileTest.module;
import static org.assertj.core.api.Assertions.assertThat;

class MaintainersPageTest {

    @Test
    @DisplayName("R1, R2: the page names the lead, the core maintainers and each group, affiliations shown only as information")
    void rendersRoster() {
        MemberView ada = new MemberView("ada", "Ada *Star*", "Engines Ltd", AS_OF, null);
        RosterView roster = new RosterView(AS_OF, ada, List.of(ada, member("grace", "Grace")),
                List.of(member("ken", "Ken")),
                List.of(module("nn", ModuleKind.DIRECTORY, "torch/nn", List.of(member("bob", "Bob")))));
        String page = MaintainersPage.render(roster);
        assertThat(page).contains(
                "## Lead Core Maintainer\n\n- Ada \\*Star\\* ([@ada](https://github.com/ada)), Engines Ltd\n",
                "## Core Maintainers\n\n- Ada \\*Star\\*", "- Grace ([@grace](https://github.com/grace))\n",
                "### NN\n\n`torch/nn` · directory · decides by MAJORITY", "- Bob ([@bob](https://github.com/bob))",
                "## Core Emeritus\n\n- Ken");
    }

    @Test
    @DisplayName("R13: a vacant lead seat is shown as vacant")
    void vacantSeat() {
        String page = MaintainersPage.render(new RosterView(AS_OF, null, List.of(), List.of(), List.of()));
        assertThat(page).contains("_The seat is vacant._").contains("## Core Maintainers\n\n_None._");
    }

    @Test
    @DisplayName("R6: a group's open disputes are listed under it, linked to dispute-service")
    void openDisputes() {
        RosterView roster = new RosterView(AS_OF, null, List.of(), List.of(),
                List.of(module("nn", ModuleKind.DIRECTORY, "torch/nn", List.of(member("bob", "Bob")))));
        String page = MaintainersPage.render(roster, List.of(new DisputeLog.DisputeEntry("d-1", "nn", "vision",
                "vera", "Adopt the new optimizer API?", "REFERRED_TO_LEAD", AS_OF,
                "http://localhost:8084/api/v1/disputes/d-1")));
        assertThat(page).contains("Open disputes (R6):\n\n- [Adopt the new optimizer API?]"
                + "(http://localhost:8084/api/v1/disputes/d-1) — disputed by [@vera](https://github.com/vera) for "
                + "module `vision`, referred to lead\n");
        assertThat(MaintainersPage.render(roster)).doesNotContain("Open disputes");
    }
}
