package dev.charter.platform.web;

/**
 * Whether a person has standing: a seat in some body (a module's maintainer group, the core maintainers, the
 * lead). Writes of people without standing are limited to what the rules let anyone do, and rate-limited
 * ({@link WriteRateLimitFilter}). Each service answers from its roster (the registry's own, a roster copy).
 */
@FunctionalInterface
public interface Standing {

    boolean hasStanding(String personId);
}
