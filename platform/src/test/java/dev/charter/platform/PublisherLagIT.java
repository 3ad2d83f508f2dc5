package dev.charter.platform;

import dev.charter.platform.publish.EventPublisher;
import dev.charter.platform.publish.PublisherLag;
import dev.charter.testsupport.TestInfrastructure;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code charter.publisher.lag}: the events stored after the publisher's token, as the token store keeps it. */
class PublisherLagIT {

    private final Serializer serializer = JacksonSerializer.defaultSerializer();
    private final JdbcClient jdbc = JdbcClient.create(TestInfrastructure.migratedDatabase("lag",
            "classpath:db/migration/platform"));
    private final PublisherLag lag = new PublisherLag(jdbc, serializer);

    @Test
    @DisplayName("the lag counts every stored event before the publisher's first token, then those after its position")
    void countsEventsAfterThePublishersToken() {
        assertThat(lag.events()).isZero();
        long first = store();
        store();
        store();
        assertThat(lag.events()).isEqualTo(3);

        SerializedObject<byte[]> token = serializer.serialize(GapAwareTrackingToken.newInstance(first, List.of()),
                byte[].class);
        jdbc.sql("INSERT INTO tokenentry (processorname, segment, token, tokentype) VALUES (?, 0, ?, ?)")
                .params(EventPublisher.PROCESSING_GROUP, token.getData(), token.getType().getName()).update();
        assertThat(lag.events()).isEqualTo(2);

        SerializedObject<byte[]> head = serializer.serialize(GapAwareTrackingToken.newInstance(first + 2, List.of()),
                byte[].class);
        jdbc.sql("UPDATE tokenentry SET token = ? WHERE processorname = ?")
                .params(head.getData(), EventPublisher.PROCESSING_GROUP).update();
        assertThat(lag.events()).isZero();
    }

    private long store() {
        String id = UUID.randomUUID().toString();
        return jdbc.sql("""
                        INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,
                            payload, payloadtype, timestamp)
                        VALUES (?, 0, 'Person', ?, ?, 'Test', '2026-12-02T10:00:00Z') RETURNING globalindex""")
                .params(id, id, "{}".getBytes(StandardCharsets.UTF_8)).query(Long.class).single();
    }
}
