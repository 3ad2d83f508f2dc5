package dev.charter.console.api;

/**
 * Runs a call of a generated client and turns its failure into an {@link ApiCallException}: the generated clients
 * each have their own {@code ApiException} type, with the same status code and response body.
 */
public final class Calls {

    /** A call of a generated client. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws Exception;
    }

    /** A call of a generated client that answers nothing. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    private Calls() {
    }

    public static <T> T call(String service, Call<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new ApiCallException(problem(service, e), e);
        }
    }

    public static void run(String service, Action action) {
        call(service, () -> {
            action.run();
            return null;
        });
    }

    static ApiProblem problem(String service, Exception e) {
        if (e instanceof dev.charter.client.registry.invoker.ApiException api) {
            return response(service, api.getCode(), api.getResponseBody(), api);
        }
        if (e instanceof dev.charter.client.voting.invoker.ApiException api) {
            return response(service, api.getCode(), api.getResponseBody(), api);
        }
        if (e instanceof dev.charter.client.nominations.invoker.ApiException api) {
            return response(service, api.getCode(), api.getResponseBody(), api);
        }
        if (e instanceof dev.charter.client.disputes.invoker.ApiException api) {
            return response(service, api.getCode(), api.getResponseBody(), api);
        }
        if (e instanceof dev.charter.client.audit.invoker.ApiException api) {
            return response(service, api.getCode(), api.getResponseBody(), api);
        }
        return ApiProblem.unavailable(service, e);
    }

    /** A client's exception without a status (code 0) did not get an answer at all. */
    private static ApiProblem response(String service, int status, String body, Exception e) {
        return status == 0 ? ApiProblem.unavailable(service, e.getCause() == null ? e : e.getCause())
                : ApiProblem.fromResponse(status, body);
    }
}
