package dev.charter.console.api;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.http.HttpHeaders;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallsTest {

    @Test
    @DisplayName("a refusal is the service's problem: title, detail, code, rule and field violations")
    void problemOfRefusal() {
        String body = """
                {"type":"https://charter.dev/problems/conflict","title":"Conflict","status":409,
                 "detail":"The ballot is closed.","code":"ballot-closed","rule":"R4",
                 "violations":[{"field":"choice","message":"must not be null"}]}""";
        var refused = new dev.charter.client.voting.invoker.ApiException(409, HttpHeaders.of(Map.of(), (a, b) -> true), body);

        assertThatThrownBy(() -> Calls.call("voting", () -> {
            throw refused;
        })).isInstanceOfSatisfying(ApiCallException.class, e -> {
            ApiProblem problem = e.problem();
            assertThat(problem.status()).isEqualTo(409);
            assertThat(problem.title()).isEqualTo("Conflict");
            assertThat(problem.detail()).isEqualTo("The ballot is closed.");
            assertThat(problem.code()).isEqualTo("ballot-closed");
            assertThat(problem.rule()).isEqualTo("R4");
            assertThat(problem.violations()).containsExactly(new ApiProblem.Violation("choice", "must not be null"));
        });
    }

    @Test
    @DisplayName("an answer without a problem document is its status; no answer at all is 'Service unavailable'")
    void withoutProblem() {
        var bare = new dev.charter.client.registry.invoker.ApiException(502, HttpHeaders.of(Map.of(), (a, b) -> true),
                "<html>gateway</html>");
        var down = new dev.charter.client.nominations.invoker.ApiException(new ConnectException("refused"));

        assertThat(Calls.problem("registry", bare)).extracting(ApiProblem::status, ApiProblem::title)
                .containsExactly(502, "Bad Gateway");
        ApiProblem unavailable = Calls.problem("nominations", down);
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.detail()).contains("nominations").contains("ConnectException");
        assertThat(ApiProblem.fromResponse(401, null).unauthenticated()).isTrue();
    }
}
