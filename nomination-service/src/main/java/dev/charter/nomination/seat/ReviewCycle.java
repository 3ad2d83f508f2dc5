package dev.charter.nomination.seat;

import java.time.Instant;

/**
 * One quarterly review of the core maintainers (R9): requests that arrive by {@code cutOffAt} are reviewed at
 * {@code meetingAt}, when their ballots open. The id is the meeting's instant.
 */
public record ReviewCycle(String cycleId, Instant meetingAt, Instant cutOffAt) {
}
