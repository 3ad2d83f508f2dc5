package dev.charter.registry.roster;

import dev.charter.contracts.registry.ModuleKind;
import dev.charter.registry.roster.CodeownersCheck.PathOwners;
import dev.charter.registry.roster.CodeownersCheck.Result;
import dev.charter.registry.roster.CodeownersCheck.UnknownPath;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.charter.registry.roster.CodeownersFileTest.AS_OF;
import static dev.charter.registry.roster.CodeownersFileTest.member;
import static dev.charter.registry.roster.CodeownersFileTest.module;
import static dev.charter.registry.roster.CodeownersFileTest.roster;
import static org.assertj.core.api.Assertions.assertThat;

/** R16: a repository's CODEOWNERS compared with the roster. */
class CodeownersCheckTest {

    private static final List<CodeownersFile.Rule> EXPECTED = CodeownersFile.coreRules(roster(
            module("nn", ModuleKind.DIRECTORY, "torch/nn", List.of(member("bob", "Bob"), member("cleo", "Cleo"))),
            module("docs", ModuleKind.DIRECTORY, "docs", List.of())));

    @Test
    @DisplayName("R16: the file Charter generates is in sync with the roster, whatever slashes and case a hand-kept copy uses")
    void generatedFileIsInSync() {
        String generated = CodeownersFile.forCoreRepository(roster(
                module("nn", ModuleKind.DIRECTORY, "torch/nn", List.of(member("bob", "Bob"), member("cleo", "Cleo"))),
                module("docs", ModuleKind.DIRECTORY, "docs", List.of())), "org/core");
        assertThat(CodeownersCheck.compare(EXPECTED, generated).inSync()).isTrue();
        Result handKept = CodeownersCheck.compare(EXPECTED, """
                # kept by hand
                /**      @Ada @grace
                torch/nn @CLEO   @bob   # the nn team
                """);
        assertThat(handKept.inSync()).isTrue();
        assertThat(CodeownersCheck.markdown("org/core", AS_OF, handKept)).contains("Every path and owner matches");
    }

    @Test
    @DisplayName("R16: owners missing, owners who should not be there (an emeritus, a team) and paths unknown to Charter are reported, the later line of a path counting")
    void drift() {
        Result result = CodeownersCheck.compare(EXPECTED, """
                * @ada
                /torch/nn/ @bob @alan
                /torch/nn/ @bob @ken @org/nn-team
                /docs/ @dora
                /tools/ @tess
                """);
        assertThat(result.inSync()).isFalse();
        assertThat(result.missingOwners()).containsExactly(new PathOwners("*", List.of("@grace")),
                new PathOwners("/torch/nn/", List.of("@cleo")));
        assertThat(result.unexpectedOwners()).containsExactly(new PathOwners("/docs/", List.of("@dora")),
                new PathOwners("/torch/nn/", List.of("@ken", "@org/nn-team")));
        assertThat(result.unknownPaths()).containsExactly(new UnknownPath("/tools/", 5, List.of("@tess")));

        assertThat(CodeownersCheck.title(result)).isEqualTo("CODEOWNERS differs from the roster (5 findings)");
        assertThat(CodeownersCheck.markdown("org/core", AS_OF, result))
                .contains("| `/torch/nn/` | @cleo | @ken @org/nn-team |", "| `*` | @grace |  |",
                        "- `/tools/` (line 5): @tess");
    }

    @Test
    @DisplayName("R16: a path of the roster missing from the file lacks all its owners")
    void missingPath() {
        Result result = CodeownersCheck.compare(EXPECTED, "* @ada @grace\n");
        assertThat(result.missingOwners()).containsExactly(new PathOwners("/torch/nn/", List.of("@bob", "@cleo")));
        assertThat(result.unexpectedOwners()).isEmpty();
        assertThat(CodeownersCheck.compare(EXPECTED, "").missingOwners()).hasSize(2);
    }
}
