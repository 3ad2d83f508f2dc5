package dev.charter.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * A refusal or failure of a service as the console shows it: the RFC 9457 problem the service answered with
 * (title, detail, its stable code and the governance rule behind it), or, when the service did not answer, a
 * problem of the console's own saying so.
 */
public record ApiProblem(int status, String title, String detail, String code, String rule,
                         List<Violation> violations) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A field the service found invalid. */
    public record Violation(String field, String message) {
    }

    public ApiProblem {
        violations = violations == null ? List.of() : List.copyOf(violations);
    }

    /** The problem in a service's error response; its status and reason phrase when the body is none. */
    public static ApiProblem fromResponse(int status, String body) {
        try {
            JsonNode json = body == null || body.isBlank() ? null : JSON.readTree(body);
            if (json != null && json.isObject() && json.hasNonNull("title")) {
                List<Violation> violations = new ArrayList<>();
                for (JsonNode violation : json.path("violations")) {
                    violations.add(new Violation(violation.path("field").asText(null),
                            violation.path("message").asText(null)));
                }
                return new ApiProblem(json.path("status").asInt(status), json.path("title").asText(),
                        text(json, "detail"), text(json, "code"), text(json, "rule"), violations);
            }
        } catch (Exception notJson) {
            // the body is no problem document: fall through to the status alone
        }
        HttpStatus known = HttpStatus.resolve(status);
        return new ApiProblem(status, known == null ? "Error " + status : known.getReasonPhrase(), null, null, null,
                List.of());
    }

    /** The service could not be reached or did not answer in time. */
    public static ApiProblem unavailable(String service, Throwable cause) {
        String reason = cause == null ? null : cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE.value(), "Service unavailable",
                "The " + service + " service did not answer" + (reason == null ? "." : " (" + reason + ")."),
                "service-unavailable", null, List.of());
    }

    /** Whether the service refused because the bearer token is missing, invalid or expired. */
    public boolean unauthenticated() {
        return status == HttpStatus.UNAUTHORIZED.value();
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
