package dev.charter.platform.web;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Builds the problem details every Charter API answers errors with (common.yaml#/components/schemas/Problem). */
public final class Problems {

    public static final String TYPE_BASE = "https://charter.dev/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setProperty("code", code);
        return problem;
    }

    public static ProblemDetail of(GovernanceException e) {
        ProblemDetail problem = of(e.status(), e.code(), e.getMessage());
        if (e.rule() != null) {
            problem.setProperty("rule", e.rule());
        }
        if (!e.violations().isEmpty()) {
            problem.setProperty("violations", e.violations());
        }
        return problem;
    }

    public static ProblemDetail withViolations(ProblemDetail problem, List<Map<String, String>> violations) {
        problem.setProperty("violations", violations);
        return problem;
    }

    public static Map<String, String> violation(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
