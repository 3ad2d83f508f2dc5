package dev.charter.platform.security;

import dev.charter.platform.web.ProblemResponses;
import dev.charter.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/** 401 and 403 from the security filters as problem details, keeping the bearer challenge header. */
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException authException) throws IOException {
        bearer.commence(request, response, authException);
        String detail = request.getHeader("Authorization") == null
                ? "A write needs a bearer token whose subject is the acting person."
                : "The bearer token is not valid (wrong issuer or signature, or expired).";
        ProblemResponses.write(response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", detail),
                request.getRequestURI());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException accessDeniedException) throws IOException {
        ProblemResponses.write(response, Problems.of(HttpStatus.FORBIDDEN, "forbidden", "You may not do this."),
                request.getRequestURI());
    }
}
