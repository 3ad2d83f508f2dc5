package dev.charter.testsupport;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.lang.reflect.InvocationTargetException;
import java.util.Objects;

/**
 * Matches a governance refusal in an aggregate test ({@code expectException(refusal(...))}): the platform's
 * {@code GovernanceException} subtype, its stable problem code and the rule (R-number) behind it, or null for
 * none. The code and rule are read by name ({@code code()}, {@code rule()}): test-support does not depend on the
 * platform.
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
                description.appendText(type.getSimpleName() + " " + code + (rule == null ? "" : " (" + rule + ")"));
            }

            @Override
            protected void describeMismatchSafely(Throwable item, Description mismatch) {
                mismatch.appendText(item.getClass().getSimpleName() + " " + read(item, "code") + " ("
                        + read(item, "rule") + "): " + item.getMessage());
            }
        };
    }

    private static Object read(Throwable item, String accessor) {
        try {
            return item.getClass().getMethod(accessor).invoke(item);
        } catch (NoSuchMethodException e) {
            return null;
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(item.getClass().getName() + "." + accessor + "() failed", e);
        }
    }
}
