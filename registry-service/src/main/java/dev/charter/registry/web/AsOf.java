package dev.charter.registry.web;

import dev.charter.platform.web.GovernanceException;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Resolves an {@code asOf} parameter: omitted means now; the future cannot be answered yet. */
final class AsOf {

    private AsOf() {
    }

    static Instant resolve(OffsetDateTime asOf, Clock clock) {
        Instant now = clock.instant();
        if (asOf == null) {
            return now;
        }
        Instant at = asOf.toInstant();
        if (at.isAfter(now)) {
            throw new GovernanceException.BadInput("as-of-in-future", "'asOf' must not be in the future.");
        }
        return at;
    }
}
