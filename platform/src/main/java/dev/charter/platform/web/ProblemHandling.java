package dev.charter.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns every failure into an RFC 9457 problem response ({@code application/problem+json}): bad input is
 * a 400 with field violations, governance refusals keep their status, code and rule, concurrent changes
 * are 409, and anything unexpected is a 500 that reveals nothing internal.
 */
@RestControllerAdvice
public class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    @ExceptionHandler(GovernanceException.class)
    public ResponseEntity<Object> governance(GovernanceException e, HttpServletRequest request) {
        return problem(Problems.of(e), request);
    }

    /** The database is unreachable or failed for a moment: nothing was changed; try again. */
    @ExceptionHandler({org.springframework.dao.DataAccessResourceFailureException.class,
            org.springframework.dao.TransientDataAccessException.class,
            org.springframework.transaction.CannotCreateTransactionException.class,
            org.springframework.transaction.TransactionSystemException.class})
    public ResponseEntity<Object> unavailable(Exception e, HttpServletRequest request) {
        log.warn("{} {} failed on the database: {}", request.getMethod(), request.getRequestURI(), e.toString());
        return problem(unavailable(), request);
    }

    /** 503: a dependency failed; nothing was changed. */
    public static ProblemDetail unavailable() {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                "The service could not complete this now; nothing was changed. Try again.");
    }

    @ExceptionHandler(CommandExecutionException.class)
    public ResponseEntity<Object> commandExecution(CommandExecutionException e, HttpServletRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof GovernanceException governance) {
            return governance(governance, request);
        }
        return unexpected(e, request);
    }

    @ExceptionHandler({ConcurrencyException.class})
    public ResponseEntity<Object> concurrency(ConcurrencyException e, HttpServletRequest request) {
        return problem(Problems.of(HttpStatus.CONFLICT, "concurrent-change",
                "Someone else changed this at the same moment; reload and try again."), request);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ResponseEntity<Object> aggregateNotFound(AggregateNotFoundException e, HttpServletRequest request) {
        return problem(Problems.of(HttpStatus.NOT_FOUND, "not-found", "No such " + describe(String.valueOf(e.getAggregateIdentifier()))),
                request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<Object> constraintViolation(ConstraintViolationException e, HttpServletRequest request) {
        List<Map<String, String>> violations = e.getConstraintViolations().stream()
                .map(v -> Problems.violation(leaf(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return problem(Problems.withViolations(
                Problems.of(HttpStatus.BAD_REQUEST, "invalid-input", "The request is invalid."), violations), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    public ResponseEntity<Object> accessDenied(AccessDeniedException e, HttpServletRequest request) {
        return problem(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "You may not do this."), request);
    }

    @ExceptionHandler(EventStoreException.class)
    public ResponseEntity<Object> eventStore(EventStoreException e, HttpServletRequest request) {
        if (e.getCause() != null && e.getCause().getMessage() != null
                && e.getCause().getMessage().contains("duplicate key")) {
            return concurrency(new ConcurrencyException(e.getMessage(), e), request);
        }
        return unexpected(e, request);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof GovernanceException governance) {
            return governance(governance, request);
        }
        log.error("Unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Something went wrong on our side; nothing was changed. Try again later."), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (RequestBodyLimitFilter.causedByLimit(ex)) {
            return handleExceptionInternal(ex, Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                    "The request body is larger than this operation accepts."), headers, HttpStatus.CONTENT_TOO_LARGE,
                    request);
        }
        Throwable cause = ex.getCause();
        List<Map<String, String>> violations = new ArrayList<>();
        String detail = "The request body is not valid JSON for this operation.";
        if (cause instanceof UnrecognizedPropertyException unknown) {
            detail = "Unknown field '" + unknown.getPropertyName() + "'.";
            violations.add(Problems.violation(path(unknown), "unknown field"));
        } else if (cause instanceof InvalidFormatException invalid) {
            detail = "Invalid value for '" + path(invalid) + "'.";
            violations.add(Problems.violation(path(invalid), "invalid value " + quote(invalid.getValue())));
        } else if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            detail = "Invalid value for '" + path(databind) + "'.";
            violations.add(Problems.violation(path(databind), firstLine(databind.getOriginalMessage())));
        } else if (cause instanceof JacksonException jackson) {
            detail = "Malformed JSON: " + firstLine(jackson.getOriginalMessage());
        } else if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
            detail = "The request body is missing.";
        }
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", detail);
        if (!violations.isEmpty()) {
            Problems.withViolations(problem, violations);
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> violations = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> Problems.violation(f.getField(), message(f)))
                .collect(Collectors.toCollection(ArrayList::new));
        ex.getBindingResult().getGlobalErrors().forEach(g ->
                violations.add(Problems.violation(g.getObjectName(), String.valueOf(g.getDefaultMessage()))));
        ProblemDetail problem = Problems.withViolations(
                Problems.of(HttpStatus.BAD_REQUEST, "invalid-input", "The request is invalid."), violations);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<Map<String, String>> violations = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> {
                String field = name;
                if (error instanceof FieldError fieldError) {
                    field = fieldError.getField();
                }
                violations.add(Problems.violation(String.valueOf(field), String.valueOf(error.getDefaultMessage())));
            });
        });
        ProblemDetail problem = Problems.withViolations(
                Problems.of(HttpStatus.BAD_REQUEST, "invalid-input", "The request is invalid."), violations);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        Object responseBody = response == null ? body : response.getBody();
        if (responseBody instanceof ProblemDetail problem) {
            if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
                String code = codeFor(statusCode);
                problem.setProperty("code", code);
                problem.setType(URI.create(Problems.TYPE_BASE + code));
            }
            if (request instanceof NativeWebRequest nativeRequest
                    && nativeRequest.getNativeRequest() instanceof HttpServletRequest servlet) {
                problem.setInstance(URI.create(servlet.getRequestURI()));
            }
            HttpHeaders responseHeaders = new HttpHeaders();
            responseHeaders.addAll(response == null ? headers : response.getHeaders());
            responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            return new ResponseEntity<>(problem, responseHeaders, statusCode);
        }
        return response;
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem, HttpServletRequest request) {
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "bad-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> status.is5xxServerError() ? "internal-error" : "error-" + status.value();
        };
    }

    private static String path(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String message(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static String leaf(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static String quote(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String describe(String aggregateId) {
        return aggregateId == null ? "resource" : "resource '" + aggregateId + "'";
    }
}
