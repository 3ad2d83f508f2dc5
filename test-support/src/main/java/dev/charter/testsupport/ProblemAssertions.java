package dev.charter.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assertions on RFC 9457 problem responses (DESIGN §5): the status, the {@code application/problem+json} media
 * type and the stable code, for calls through a generated client or raw HTTP requests.
 */
public final class ProblemAssertions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ProblemAssertions() {
    }

    /** A call expected to fail. */
    @FunctionalInterface
    public interface ThrowingCall {
        void run() throws Exception;
    }

    /**
     * Runs a call through a generated Java client that is expected to fail with this status, and returns the
     * problem details. Every generated client has its own {@code ApiException} (one per client package), each with
     * {@code getCode()}, {@code getResponseHeaders()} and {@code getResponseBody()}: they are read by name.
     */
    public static JsonNode problem(int status, ThrowingCall call) {
        Exception failure = null;
        try {
            call.run();
        } catch (Exception e) {
            failure = e;
        }
        assertThat(failure).as("expected a %d problem", status).isNotNull();
        assertThat(failure.getClass().getSimpleName()).as("a generated client's ApiException: %s", failure)
                .isEqualTo("ApiException");
        String body = (String) read(failure, "getResponseBody");
        assertThat((int) read(failure, "getCode")).as(body).isEqualTo(status);
        assertProblemMediaType((HttpHeaders) read(failure, "getResponseHeaders"));
        return parse(body);
    }

    /** Sends a raw request expected to fail with this status and problem code, and returns the problem details. */
    public static JsonNode problem(HttpRequest request, int status, String code) {
        HttpResponse<String> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertProblemMediaType(response.headers());
        JsonNode problem = parse(response.body());
        assertThat(problem.path("code").asText()).as(response.body()).isEqualTo(code);
        return problem;
    }

    private static void assertProblemMediaType(HttpHeaders headers) {
        assertThat(headers.firstValue("Content-Type")).hasValueSatisfying(
                value -> assertThat(value).startsWith("application/problem+json"));
    }

    private static Object read(Exception failure, String getter) {
        try {
            return failure.getClass().getMethod(getter).invoke(failure);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(failure.getClass().getName() + " has no " + getter + "()", e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + body, e);
        }
    }
}
