package dev.charter.platform.web;

import dev.charter.platform.messaging.MessageContext;
import dev.charter.platform.messaging.MessageContextScope;
import dev.charter.platform.security.Actors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Sets the {@link MessageContext} of a request: the authenticated person as actor, the caller's
 * {@code X-Correlation-Id} (or a new one, echoed back) and a request id as causation.
 */
public class RequestContextInterceptor implements HandlerInterceptor {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final String SCOPE_ATTRIBUTE = RequestContextInterceptor.class.getName() + ".scope";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String correlationId = request.getHeader(CORRELATION_HEADER);
        if (correlationId == null || !VALID_ID.matcher(correlationId).matches()) {
            correlationId = UUID.randomUUID().toString();
        }
        response.setHeader(CORRELATION_HEADER, correlationId);
        String actor = Actors.current().orElse("anonymous");
        MessageContextScope.open(request, SCOPE_ATTRIBUTE,
                new MessageContext(actor, correlationId, "request:" + UUID.randomUUID()));
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception ex) {
        MessageContextScope.close(request, SCOPE_ATTRIBUTE);
    }
}
