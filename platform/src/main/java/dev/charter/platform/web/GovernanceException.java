package dev.charter.platform.web;

import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Map;

/**
 * A refusal that maps to an RFC 9457 problem response: the HTTP status, a stable code and, when a
 * governance rule is behind it, the rule's R-number (DESIGN §1). Aggregates and services throw the
 * subclasses; nothing is written when one is thrown.
 */
public abstract class GovernanceException extends RuntimeException {

    private final String code;
    private final String rule;
    private List<Map<String, String>> violations = List.of();

    protected GovernanceException(String code, String rule, String message) {
        super(message);
        this.code = code;
        this.rule = rule;
    }

    public abstract HttpStatus status();

    public String code() {
        return code;
    }

    /** Field-level violations (see {@link Problems#violation}), reported with the problem. */
    public List<Map<String, String>> violations() {
        return violations;
    }

    public GovernanceException withViolations(List<Map<String, String>> violations) {
        this.violations = List.copyOf(violations);
        return this;
    }

    /** The R-number of the rule behind the refusal, or null. */
    public String rule() {
        return rule;
    }

    /** 400: the input is malformed or invalid (beyond what the OpenAPI schema already checks). */
    public static class BadInput extends GovernanceException {
        public BadInput(String code, String message) {
            super(code, null, message);
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.BAD_REQUEST;
        }
    }

    /** 401: the request does not prove who sent it (e.g. a webhook delivery without a valid signature). */
    public static class Unauthenticated extends GovernanceException {
        public Unauthenticated(String code, String message) {
            super(code, null, message);
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.UNAUTHORIZED;
        }
    }

    /** 403: governance does not allow this person to do this. */
    public static class NotAllowed extends GovernanceException {
        public NotAllowed(String code, String rule, String message) {
            super(code, rule, message);
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.FORBIDDEN;
        }
    }

    /** 404: no such thing. */
    public static class NotFound extends GovernanceException {
        public NotFound(String code, String message) {
            super(code, null, message);
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.NOT_FOUND;
        }
    }

    /** 409: conflicts with the current state (wrong phase, already done, concurrent change). */
    public static class Conflict extends GovernanceException {
        public Conflict(String code, String rule, String message) {
            super(code, rule, message);
        }

        public Conflict(String code, String message) {
            this(code, null, message);
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.CONFLICT;
        }
    }

    /** 422: well-formed, but a governance rule forbids it. */
    public static class RuleViolation extends GovernanceException {
        public RuleViolation(String code, String rule, String message) {
            super(code, rule, message);
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.UNPROCESSABLE_CONTENT;
        }
    }
}
