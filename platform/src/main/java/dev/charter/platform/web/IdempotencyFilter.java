package dev.charter.platform.web;

import dev.charter.platform.security.Actors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Honours {@code Idempotency-Key} on writes (DESIGN §5): the first response (below 500) to a key is
 * stored per acting person and replayed to every retry with the same key and the same request; the same
 * key with another request is a 422, and a retry while the first is still running a 409. A 5xx is not
 * stored, so a retry runs again.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final JdbcClient jdbc;

    public IdempotencyFilter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WRITES.contains(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> actor = Actors.current();
        if (actor.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER);
        if (key.isEmpty() || key.length() > 200) {
            ProblemResponses.write(response, Problems.of(HttpStatus.BAD_REQUEST, "invalid-idempotency-key",
                    "Idempotency-Key must have 1 to 200 characters."), request.getRequestURI());
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        String hash = hash(request.getMethod(), path, body);

        int inserted = jdbc.sql("""
                        INSERT INTO idempotent_request (actor, idem_key, method, path, request_hash)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(actor.get(), key, request.getMethod(), path, hash)
                .update();
        if (inserted == 0) {
            replay(actor.get(), key, hash, request, response);
            return;
        }

        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(new CachedBodyRequest(request, body), wrapper);
            if (wrapper.getStatus() < 500) {
                jdbc.sql("""
                                UPDATE idempotent_request SET status = ?, content_type = ?, body = ?, completed_at = now()
                                WHERE actor = ? AND idem_key = ?""")
                        .params(wrapper.getStatus(), wrapper.getContentType(), wrapper.getContentAsByteArray(),
                                actor.get(), key)
                        .update();
                stored = true;
            }
        } finally {
            if (!stored) {
                jdbc.sql("DELETE FROM idempotent_request WHERE actor = ? AND idem_key = ?")
                        .params(actor.get(), key).update();
            }
            wrapper.copyBodyToResponse();
        }
    }

    private void replay(String actor, String key, String hash, HttpServletRequest request,
                        HttpServletResponse response) throws IOException {
        Optional<StoredResponse> stored = jdbc.sql("""
                        SELECT request_hash, status, content_type, body FROM idempotent_request
                        WHERE actor = ? AND idem_key = ?""")
                .params(actor, key)
                .query((rs, n) -> new StoredResponse(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3),
                        rs.getBytes(4)))
                .optional();
        if (stored.isEmpty()) {
            ProblemResponses.write(response, Problems.of(HttpStatus.CONFLICT, "request-in-progress",
                    "A request with this Idempotency-Key is being retried; try again."), request.getRequestURI());
            return;
        }
        StoredResponse first = stored.get();
        if (!first.requestHash().equals(hash)) {
            ProblemResponses.write(response, Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                    "This Idempotency-Key was used for another request."), request.getRequestURI());
            return;
        }
        if (first.status() == null) {
            ProblemResponses.write(response, Problems.of(HttpStatus.CONFLICT, "request-in-progress",
                    "The first request with this Idempotency-Key is still running."), request.getRequestURI());
            return;
        }
        log.debug("Replaying the stored response to {} {} for idempotency key {}", request.getMethod(),
                request.getRequestURI(), key);
        response.setStatus(first.status());
        response.setHeader(REPLAYED_HEADER, "true");
        if (first.contentType() != null) {
            response.setContentType(first.contentType());
        }
        if (first.body() != null) {
            response.getOutputStream().write(first.body());
        }
    }

    private static String hash(String method, String path, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record StoredResponse(String requestHash, Integer status, String contentType, byte[] body) {
    }

    /** Replays a body that was read to compute the request hash. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
