package dev.charter.platform.publish;

import dev.charter.platform.config.CharterProperties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.Environment;

import java.time.Duration;
import java.util.Map;

/**
 * The publisher's timeouts against its token claim. A send waits at most {@code max.block.ms} (metadata, buffer)
 * and then at most the send timeout for the acknowledgement; the tracking processor extends its claim only
 * between events. If a send could outlast {@code axon.eventhandling.tokenstore.claim-timeout}, another replica
 * would claim the segment meanwhile and publish the same events (and chain them) again. The service refuses to
 * start with such settings.
 */
public record PublisherTimeouts(Duration sendTimeout, Duration maxBlock, Duration deliveryTimeout,
                                Duration claimTimeout) {

    /** Axon's default claim timeout of the JDBC token store. */
    static final Duration AXON_DEFAULT_CLAIM_TIMEOUT = Duration.ofSeconds(10);

    public static PublisherTimeouts of(CharterProperties properties, Map<String, Object> producer,
                                       Environment environment) {
        String claim = environment.getProperty("axon.eventhandling.tokenstore.claim-timeout");
        return new PublisherTimeouts(properties.getPublisher().getSendTimeout(),
                millis(producer.get(ProducerConfig.MAX_BLOCK_MS_CONFIG), Duration.ofSeconds(60)),
                millis(producer.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG), Duration.ofMinutes(2)),
                claim == null ? AXON_DEFAULT_CLAIM_TIMEOUT : DurationStyle.detectAndParse(claim));
    }

    /** The longest one event can hold the publisher's claim without extending it. */
    public Duration longestSend() {
        return maxBlock.plus(sendTimeout.compareTo(deliveryTimeout) < 0 ? sendTimeout : deliveryTimeout);
    }

    public void check() {
        if (longestSend().compareTo(claimTimeout) >= 0) {
            throw new IllegalStateException("The publisher's send may last " + longestSend() + " (max.block.ms "
                    + maxBlock + " + send timeout " + sendTimeout + "), not less than the token claim timeout "
                    + claimTimeout + " (axon.eventhandling.tokenstore.claim-timeout): another replica could claim "
                    + "the publisher meanwhile and publish the same events. Lower charter.publisher.send-timeout / "
                    + "spring.kafka.producer.properties.max.block.ms or raise the claim timeout.");
        }
    }

    private static Duration millis(Object value, Duration fallback) {
        return value == null ? fallback : Duration.ofMillis(Long.parseLong(value.toString()));
    }
}
