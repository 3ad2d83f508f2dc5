package dev.charter.nomination;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.Instant;

/**
 * Nomination settings ({@code charter.nomination.*}).
 *
 * @param reviewCycles    the core maintainers' quarterly review cycles (R9, R10)
 * @param ballotDuration  how long a review or election ballot stays open at most
 * @param candidacyWindow how long core maintainers may stand in a lead election (R13)
 */
@ConfigurationProperties("charter.nomination")
public record NominationProperties(ReviewCycleProperties reviewCycles, Duration ballotDuration,
                                   Duration candidacyWindow) {

    public NominationProperties {
        reviewCycles = reviewCycles == null ? new ReviewCycleProperties(null, null, null) : reviewCycles;
        ballotDuration = ballotDuration == null ? Duration.ofDays(7) : ballotDuration;
        candidacyWindow = candidacyWindow == null ? Duration.ofDays(14) : candidacyWindow;
    }

    /**
     * @param nextMeeting a meeting of the core maintainers; the others follow (and precede) it every {@code length}
     * @param length      ISO-8601 period ({@code P3M}: every three months) or duration ({@code PT30S}, for tests)
     * @param cutOff      requests that arrive later than this before a meeting go to the next cycle
     */
    public record ReviewCycleProperties(Instant nextMeeting, String length, Duration cutOff) {
        public ReviewCycleProperties {
            nextMeeting = nextMeeting == null ? Instant.parse("2026-03-16T15:00:00Z") : nextMeeting;
            length = length == null || length.isBlank() ? "P3M" : length.trim();
            cutOff = cutOff == null ? Duration.ofDays(14) : cutOff;
        }
    }
}
