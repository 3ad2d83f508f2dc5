package dev.charter.console.web;

import dev.charter.console.ConsoleProperties;
import dev.charter.console.api.ApiCallException;
import dev.charter.console.api.ApiProblem;
import dev.charter.console.security.Viewer;
import dev.charter.console.security.Viewers;
import dev.charter.console.view.Labels;
import dev.charter.console.view.Links;
import dev.charter.console.view.Times;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * What every page shows: who is signed in, where to return after signing in, how often live parts refresh;
 * and the page of a problem, when a page's subject cannot be read.
 */
@ControllerAdvice
public class PageAdvice {

    private final Viewers viewers;
    private final ConsoleProperties properties;
    private final Links links;
    private final Labels labels;
    private final Times times;
    private final Clock clock;

    public PageAdvice(Viewers viewers, ConsoleProperties properties, Links links, Labels labels, Times times,
                      Clock clock) {
        this.viewers = viewers;
        this.properties = properties;
        this.links = links;
        this.labels = labels;
        this.times = times;
        this.clock = clock;
    }

    @ModelAttribute
    public void common(HttpServletRequest request, Model model) {
        Viewer viewer = viewers.current(request).orElse(null);
        // helpers as model attributes: Thymeleaf 3.1 refuses bean references (@name) in links and fragment calls
        model.addAttribute("links", links);
        model.addAttribute("labels", labels);
        model.addAttribute("times", times);
        model.addAttribute("viewer", viewer);
        model.addAttribute("viewerExpired", viewer != null && viewer.expired(clock.instant()));
        model.addAttribute("here", request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        model.addAttribute("refresh", "every " + Math.max(1, properties.refresh().toSeconds()) + "s");
    }

    /** The page's subject could not be read: its problem, with the service's status. */
    @ExceptionHandler(ApiCallException.class)
    public String apiProblem(ApiCallException e, HttpServletRequest request, HttpServletResponse response,
                             Model model) {
        common(request, model);
        return problemPage(e.problem(), response, model);
    }

    /** A parameter the console cannot read, such as an {@code asOf} that is no date. */
    @ExceptionHandler(IllegalArgumentException.class)
    public String badInput(IllegalArgumentException e, HttpServletRequest request, HttpServletResponse response,
                           Model model) {
        common(request, model);
        return problemPage(new ApiProblem(HttpStatus.BAD_REQUEST.value(), "Bad request", e.getMessage(),
                "bad-request", null, List.of()), response, model);
    }

    private String problemPage(ApiProblem problem, HttpServletResponse response, Model model) {
        response.setStatus(problem.status() >= 400 && problem.status() < 600 ? problem.status() : 502);
        model.addAttribute("problem", problem);
        model.addAttribute("reflects", Instant.now(clock));
        return "problem";
    }
}
