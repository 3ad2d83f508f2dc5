package dev.charter.platform.publish;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Optional;

/**
 * How far the publisher is behind the event store: the events stored after the publisher's token position, read from
 * the database (not from the processor), so every replica reports the same number whichever replica holds the
 * publisher's claim, and a publisher that no replica runs shows as a growing lag.
 */
public class PublisherLag {

    private final JdbcClient jdbc;
    private final Serializer serializer;

    public PublisherLag(JdbcClient jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** Events in the store the publisher has not handled yet (0 when it is at the head). */
    public long events() {
        long position = position().orElse(-1L);
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE globalindex > ?").param(position)
                .query(Long.class).single();
    }

    /** The publisher's token position (its one segment), empty before it handled anything. */
    Optional<Long> position() {
        return jdbc.sql("SELECT token, tokentype FROM tokenentry WHERE processorname = ? AND segment = 0")
                .param(EventPublisher.PROCESSING_GROUP)
                .query((rs, row) -> {
                    byte[] token = rs.getBytes("token");
                    String type = rs.getString("tokentype");
                    if (token == null || type == null) {
                        return Optional.<Long>empty();
                    }
                    TrackingToken tracking = serializer.deserialize(
                            new SimpleSerializedObject<>(token, byte[].class, type, null));
                    return tracking == null ? Optional.<Long>empty() : tracking.position().stream().boxed().findFirst();
                })
                .optional().flatMap(p -> p);
    }
}
