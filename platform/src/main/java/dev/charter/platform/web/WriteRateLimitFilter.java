package dev.charter.platform.web;

import dev.charter.platform.security.Actors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rate-limits the writes of people with no standing ({@link Standing}): the rules let them do little (a
 * nomination, a removal request, a testimonial), and nobody should flood a body with them. At most
 * {@code charter.web.rate-limit.writes} writes per {@code window} and person on each replica, then 429
 * {@code too-many-requests} with {@code Retry-After}. People with standing are not limited here.
 */
public class WriteRateLimitFilter extends OncePerRequestFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final int MAX_TRACKED = 100_000;

    private final Standing standing;
    private final int writes;
    private final Duration window;
    private final Clock clock;
    private final Map<String, long[]> windows = new ConcurrentHashMap<>();

    public WriteRateLimitFilter(Standing standing, int writes, Duration window, Clock clock) {
        this.standing = standing;
        this.writes = writes;
        this.window = window;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WRITES.contains(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> person = Actors.current();
        if (person.isEmpty() || (standing != null && standing.hasStanding(person.get()))) {
            chain.doFilter(request, response);
            return;
        }
        long now = clock.millis();
        if (windows.size() > MAX_TRACKED) {
            windows.entrySet().removeIf(e -> now - e.getValue()[0] >= window.toMillis());
        }
        long[] current = windows.compute(person.get(), (key, w) -> {
            if (w == null || now - w[0] >= window.toMillis()) {
                return new long[]{now, 1};
            }
            w[1]++;
            return w;
        });
        if (current[1] > writes) {
            long retryAfter = Math.max(1, (current[0] + window.toMillis() - now + 999) / 1000);
            response.setHeader("Retry-After", Long.toString(retryAfter));
            ProblemResponses.write(response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                    "A person with no seat in any body may make " + writes + " writes per " + window
                            + "; try again in " + retryAfter + " s."), request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
    }
}
