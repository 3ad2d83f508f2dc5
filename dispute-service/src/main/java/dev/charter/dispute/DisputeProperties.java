package dev.charter.dispute;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Dispute settings ({@code charter.dispute.*}, DESIGN §7); each is recorded in the events it shapes.
 *
 * @param responseWindow how long the respondent group has to answer a dispute before it escalates by itself (R5)
 * @param vetoWindow     how long after a module-level decision the core maintainers may still veto it (R7)
 * @param ballotDuration how long a core maintainers' or an approval ballot stays open at most
 */
@ConfigurationProperties("charter.dispute")
public record DisputeProperties(Duration responseWindow, Duration vetoWindow, Duration ballotDuration) {

    public DisputeProperties {
        responseWindow = responseWindow == null ? Duration.ofDays(14) : responseWindow;
        vetoWindow = vetoWindow == null ? Duration.ofDays(90) : vetoWindow;
        ballotDuration = ballotDuration == null ? Duration.ofDays(7) : ballotDuration;
    }
}
