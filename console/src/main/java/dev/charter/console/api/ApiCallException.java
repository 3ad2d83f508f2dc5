package dev.charter.console.api;

/** A call to a service that did not succeed; the page shows its {@link ApiProblem}. */
public class ApiCallException extends RuntimeException {

    private final transient ApiProblem problem;

    public ApiCallException(ApiProblem problem, Throwable cause) {
        super(problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()), cause);
        this.problem = problem;
    }

    public ApiProblem problem() {
        return problem;
    }
}
