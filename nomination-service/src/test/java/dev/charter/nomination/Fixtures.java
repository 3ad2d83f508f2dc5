package dev.charter.nomination;

import dev.charter.nomination.seat.ReviewCycles;
import dev.charter.platform.roster.PersonStanding;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Roster standings and settings shared by the aggregate tests. */
public final class Fixtures {

    public static final Instant MEETING = Instant.parse("2100-03-16T15:00:00Z");
    public static final Duration BALLOT = Duration.ofDays(7);
    public static final Duration WINDOW = Duration.ofDays(14);
    public static final NominationSettings SETTINGS = new NominationSettings(
            ReviewCycles.of(MEETING, "P3M", Duration.ofDays(14)), BALLOT, WINDOW, "system:nomination");

    private Fixtures() {
    }

    public static PersonStanding person(String id) {
        return new PersonStanding(id, true, false, false, Set.of());
    }

    public static PersonStanding core(String id) {
        return new PersonStanding(id, true, false, true, Set.of());
    }

    public static PersonStanding lead(String id) {
        return new PersonStanding(id, true, true, true, Set.of());
    }

    public static PersonStanding maintainerOf(String id, String... modules) {
        return new PersonStanding(id, true, false, false, Set.of(modules));
    }
}
