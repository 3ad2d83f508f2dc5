package dev.charter.nomination;

import dev.charter.nomination.nomination.ReviewCycles;
import dev.charter.nomination.roster.PersonStanding;
import dev.charter.platform.web.GovernanceException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** Roster standings, settings and matchers shared by the aggregate tests. */
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

    /** A refusal of the given type, with its problem code and governance rule. */
    public static Matcher<Throwable> refusal(Class<? extends GovernanceException> type, String code, String rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return type.isInstance(item) && code.equals(((GovernanceException) item).code())
                        && Objects.equals(rule, ((GovernanceException) item).rule());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(type.getSimpleName() + " " + code + " (" + rule + ")");
            }

            @Override
            protected void describeMismatchSafely(Throwable item, Description mismatch) {
                mismatch.appendText(item instanceof GovernanceException g
                        ? item.getClass().getSimpleName() + " " + g.code() + " (" + g.rule() + "): " + item.getMessage()
                        : item.toString());
            }
        };
    }
}
