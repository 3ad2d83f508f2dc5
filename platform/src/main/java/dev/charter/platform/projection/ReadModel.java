package dev.charter.platform.projection;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the read models (processing groups) a controller's reads come from. While one of them is rebuilt, those
 * reads answer 503 {@code projection-rebuilding} with the progress, rather than a partial answer.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ReadModel {
    String[] value();
}
