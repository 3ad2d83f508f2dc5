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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Honours {@code Idempotency-Key} on writes (DESIGN §5): the first response to a key is stored per acting person and
 * replayed (with its {@code Location}) to every retry with the same key and the same request; the same key with
 * another request is a 422.
 * <p>
 * A key never stays "in progress", whatever crashes: the request runs in one database transaction that first
 * claims the key (a row only this transaction sees) and, for a success, stores the response in it; the command's
 * own unit of work joins that transaction, so its events and the stored response commit together, or neither does
 * (a replica killed mid-request leaves no trace, and the retry runs the command once). A retry arriving while the
 * first request runs waits for it on the key's row ({@code charter.idempotency.wait}, then a 409
 * {@code request-in-progress} that is not stored) and then replays its response. Refusals that depend only on the
 * request (400, 413, 415, 422) are stored after the rolled-back transaction; others that may pass later (409
 * {@code concurrent-change} and other conflicts, 403, 404, 429, 5xx) are not, so a retry runs again. Keys older than
 * {@code charter.idempotency.retention} are pruned.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** Refusals that depend on the request alone: replayed as they are. */
    private static final Set<Integer> STORED_REFUSALS = Set.of(400, 413, 415, 422);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Duration wait;

    public IdempotencyFilter(JdbcClient jdbc, PlatformTransactionManager transactionManager, Duration wait) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.wait = wait;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WRITES.contains(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    private enum Outcome { STORED, REPLAY, IN_PROGRESS, NOT_STORED }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            filterWithKey(request, response, chain);
        } catch (org.springframework.dao.DataAccessException | org.springframework.transaction.TransactionException e) {
            if (response.isCommitted()) {
                throw e;
            }
            // looking the key up, the key's transaction (nothing was changed, nothing stored), a replay or storing a
            // refusal failed on the database (e.g. a connection cut under the pool): a problem the client may retry
            // with the same key, never a bare 500
            log.warn("{} {} with Idempotency-Key failed on the database: {}", request.getMethod(),
                    request.getRequestURI(), e.toString());
            response.resetBuffer();
            ProblemResponses.write(response, ProblemHandling.unavailable(), request.getRequestURI());
        }
    }

    private void filterWithKey(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
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
        if (exists(actor.get(), key)) {
            replay(actor.get(), key, hash, request, response);
            return;
        }

        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        Outcome outcome;
        try {
            outcome = transactions.execute(status -> {
                Outcome claimed = claim(actor.get(), key, request.getMethod(), path, hash);
                if (claimed != null) {
                    status.setRollbackOnly();
                    return claimed;
                }
                try {
                    chain.doFilter(new CachedBodyRequest(request, body), wrapper);
                } catch (IOException | ServletException e) {
                    throw new FilterFailure(e);
                }
                int code = wrapper.getStatus();
                if (status.isRollbackOnly() || code >= 400) {
                    status.setRollbackOnly();
                    return Outcome.NOT_STORED;
                }
                jdbc.sql("""
                                UPDATE idempotent_request SET status = ?, content_type = ?, body = ?, location = ?,
                                                              completed_at = now()
                                WHERE actor = ? AND idem_key = ?""")
                        .params(code, wrapper.getContentType(), wrapper.getContentAsByteArray(),
                                wrapper.getHeader("Location"), actor.get(), key)
                        .update();
                return Outcome.STORED;
            });
        } catch (FilterFailure e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw (ServletException) e.getCause();
        }
        switch (outcome) {
            case REPLAY -> replay(actor.get(), key, hash, request, response);
            case IN_PROGRESS -> ProblemResponses.write(response, Problems.of(HttpStatus.CONFLICT, "request-in-progress",
                    "The first request with this Idempotency-Key is still running; try again."), request.getRequestURI());
            case NOT_STORED -> {
                int code = wrapper.getStatus();
                if (code < 400) {
                    // the handler answered success, but its transaction was rolled back: nothing was changed
                    log.error("{} {} answered {} but its transaction was rolled back; answering 500", request.getMethod(),
                            request.getRequestURI(), code);
                    wrapper.resetBuffer();
                    ProblemResponses.write(wrapper, Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                            "Something went wrong on our side; nothing was changed. Try again later."),
                            request.getRequestURI());
                } else if (STORED_REFUSALS.contains(code)) {
                    jdbc.sql("""
                                    INSERT INTO idempotent_request (actor, idem_key, method, path, request_hash, status,
                                                                    content_type, body, completed_at)
                                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, now()) ON CONFLICT DO NOTHING""")
                            .params(actor.get(), key, request.getMethod(), path, hash, code, wrapper.getContentType(),
                                    wrapper.getContentAsByteArray())
                            .update();
                }
                wrapper.copyBodyToResponse();
            }
            case STORED -> wrapper.copyBodyToResponse();
        }
    }

    /**
     * Claims the key in the current transaction: null when claimed. A concurrent request holding it makes this wait
     * (its row is not committed yet), at most {@code wait}: then IN_PROGRESS; REPLAY when it committed meanwhile
     * (a committed row always holds its response).
     */
    private Outcome claim(String actor, String key, String method, String path, String hash) {
        jdbc.sql("SELECT set_config('lock_timeout', ?, true)").param(wait.toMillis() + "ms").query().singleRow();
        int inserted;
        try {
            inserted = jdbc.sql("""
                            INSERT INTO idempotent_request (actor, idem_key, method, path, request_hash)
                            VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(actor, key, method, path, hash)
                    .update();
        } catch (org.springframework.dao.PessimisticLockingFailureException
                 | org.springframework.dao.QueryTimeoutException e) {
            return Outcome.IN_PROGRESS; // the transaction is aborted; it is rolled back
        }
        jdbc.sql("SELECT set_config('lock_timeout', '0', true)").query().singleRow();
        return inserted == 1 ? null : Outcome.REPLAY;
    }

    private boolean exists(String actor, String key) {
        return jdbc.sql("SELECT count(*) FROM idempotent_request WHERE actor = ? AND idem_key = ? AND status IS NOT NULL")
                .params(actor, key).query(Integer.class).single() > 0;
    }

    /** Removes the keys older than the retention; returns how many. */
    public int prune(Duration retention) {
        return jdbc.sql("DELETE FROM idempotent_request WHERE created_at < now() - make_interval(secs => ?)")
                .param((double) retention.toSeconds()).update();
    }

    private static final class FilterFailure extends RuntimeException {
        FilterFailure(Exception cause) {
            super(cause);
        }
    }

    private void replay(String actor, String key, String hash, HttpServletRequest request,
                        HttpServletResponse response) throws IOException {
        Optional<StoredResponse> stored = jdbc.sql("""
                        SELECT request_hash, status, content_type, body, location FROM idempotent_request
                        WHERE actor = ? AND idem_key = ?""")
                .params(actor, key)
                .query((rs, n) -> new StoredResponse(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3),
                        rs.getBytes(4), rs.getString(5)))
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
        if (first.location() != null) {
            response.setHeader("Location", first.location());
        }
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

    private record StoredResponse(String requestHash, Integer status, String contentType, byte[] body,
                                  String location) {
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
