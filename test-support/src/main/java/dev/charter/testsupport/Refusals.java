package dev.charter.testsupport;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.lang.reflect.InvocationTargetException;
import java.util.Objects;

/**
 * A matcher of governance refusals for Axon fixtures' {@code expectException}: the exception's type, its stable
 * problem code and the R-number of the rule behind it (null when none). The platform's {@code GovernanceException}
 * is read by its {@code code()} and {@code rule()} methods (this module does not depend on the platform).
 */
public final class Refusals {

    private Refusals() {
    }

    public static Matcher<Throwable> refusal(Class<? extends RuntimeException> type, String code, String rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return type.isInstance(item) && code.equals(read(item, "code")) && Objects.equals(rule, read(item, "rule"));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(type.getSimpleName() + " " + code + " (" + rule + ")");
            }

            @Override
            protected void describeMismatchSafely(Throwable item, Description mismatch) {
                mismatch.appendText(item.getClass().getSimpleName() + " " + read(item, "code") + " ("
                        + read(item, "rule") + "): " + item.getMessage());
            }
        };
    }

    private static Object read(Throwable item, String method) {
        try {
            return item.getClass().getMethod(method).invoke(item);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }
}
