package dev.charter.contracts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The schema revision of a public event. A published schema changes only by a new revision with
 * an upcaster; the revision is part of the CloudEvents type ({@code dev.charter.<stream>.<Event>.v<revision>})
 * and of the event store's payload revision.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventRevision {
    int value();
}
