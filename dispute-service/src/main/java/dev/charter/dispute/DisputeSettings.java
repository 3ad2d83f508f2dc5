package dev.charter.dispute;

import java.time.Duration;

/**
 * The settings the aggregates need, injected into their handlers (see {@link DisputeProperties}), and the
 * service's own actor, which escalates a dispute nobody answered.
 */
public record DisputeSettings(Duration responseWindow, Duration vetoWindow, Duration ballotDuration,
                              String systemActor) {
}
