package dev.charter.nomination.web;

import dev.charter.platform.web.Cursors;
import dev.charter.platform.web.GovernanceException;

/** Cursors of this service's lists: the position of the last item of a page, opaque to clients. */
final class Pages {

    private Pages() {
    }

    static long after(String cursor) {
        String position = Cursors.decode(cursor);
        if (position.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(position);
        } catch (NumberFormatException e) {
            throw new GovernanceException.BadInput("invalid-cursor", "The 'after' cursor is not one this API issued.");
        }
    }

    static String next(long position) {
        return Cursors.encode(Long.toString(position));
    }
}
