package dev.charter.platform.projection;

import dev.charter.platform.web.ProblemResponses;
import dev.charter.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * While a read model is rebuilt, the reads that come from it ({@link ReadModel}) say so: 503 with a problem of code
 * {@code projection-rebuilding}, the progress and {@code Retry-After}, instead of an incomplete answer.
 */
public class RebuildingReadsInterceptor implements HandlerInterceptor {

    private final ProjectionRebuilds rebuilds;

    public RebuildingReadsInterceptor(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!"GET".equals(request.getMethod()) || !(handler instanceof HandlerMethod method)) {
            return true;
        }
        ReadModel models = method.getMethodAnnotation(ReadModel.class);
        if (models == null) {
            models = method.getBeanType().getAnnotation(ReadModel.class);
        }
        if (models == null) {
            return true;
        }
        for (String model : models.value()) {
            if (rebuilds.rebuilding(model)) {
                ProjectionRebuilds.Status status = rebuilds.status(model);
                ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "projection-rebuilding",
                        "Read model " + model + " is being rebuilt from the event store ("
                                + Math.round(100 * (status.progress() == null ? 0 : status.progress()))
                                + " % done); ask again shortly.");
                problem.setProperty("projection", model);
                problem.setProperty("progress", status.progress());
                response.setHeader("Retry-After", "5");
                ProblemResponses.write(response, problem, request.getRequestURI());
                return false;
            }
        }
        return true;
    }
}
