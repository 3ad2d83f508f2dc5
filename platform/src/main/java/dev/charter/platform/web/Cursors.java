package dev.charter.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/** Opaque cursors for cursor pagination ({@code after}, {@code limit}, {@code next}; DESIGN §5). */
public final class Cursors {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private Cursors() {
    }

    /** The cursor that continues after the given sort key. */
    public static String encode(String lastKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
    }

    /** The sort key a cursor continues after, or "" for the first page; a garbled cursor is a 400. */
    public static String decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return "";
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new GovernanceException.BadInput("invalid-cursor", "The 'after' cursor is not one this API issued.");
        }
    }

    /** For lists ordered by a numeric position: the position a cursor continues after, 0 for the first page. */
    public static long decodePosition(String cursor) {
        String position = decode(cursor);
        if (position.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(position);
        } catch (NumberFormatException e) {
            throw new GovernanceException.BadInput("invalid-cursor", "The 'after' cursor is not one this API issued.");
        }
    }

    /**
     * The {@code next} cursor of a page read with {@code limit + 1} rows: the key of its last item, or null on the
     * last page.
     */
    public static <T> String next(List<T> rows, int limit, Function<T, ?> key) {
        return rows.size() > limit ? encode(String.valueOf(key.apply(rows.get(limit - 1)))) : null;
    }

    public static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new GovernanceException.BadInput("invalid-limit", "'limit' must be between 1 and " + MAX_LIMIT + ".");
        }
        return limit;
    }
}
