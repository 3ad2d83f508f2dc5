package dev.charter.registry.core;

/**
 * Who holds a core maintainer's seat now: what aggregates need to know to decide what a person may do (DESIGN §5:
 * core maintainers oversee every module and person record). Answered from the roster projection.
 */
@FunctionalInterface
public interface CoreMaintainers {

    boolean isCoreMaintainer(String personId);
}
