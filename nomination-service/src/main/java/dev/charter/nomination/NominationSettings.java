package dev.charter.nomination;

import dev.charter.nomination.seat.ReviewCycles;

import java.time.Duration;

/**
 * The settings the aggregates need, injected into their handlers: the review calendar (R9), how long ballots
 * stay open, how long a lead election's candidacy window lasts (R13), and the service's own actor.
 */
public record NominationSettings(ReviewCycles cycles, Duration ballotDuration, Duration candidacyWindow,
                                 String systemActor) {
}
