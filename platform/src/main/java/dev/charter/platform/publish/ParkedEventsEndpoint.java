package dev.charter.platform.publish;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import java.util.List;

/**
 * {@code /actuator/parkedevents} on the management port: the parked events with their errors
 * ({@code GET}), and re-publication of one after a fix ({@code POST /actuator/parkedevents/{eventId}}, an
 * operator's write).
 */
@Endpoint(id = "parkedevents")
public class ParkedEventsEndpoint {

    private final ParkedEvents parked;

    public ParkedEventsEndpoint(ParkedEvents parked) {
        this.parked = parked;
    }

    @ReadOperation
    public List<ParkedEvents.Parked> list() {
        return parked.list(500);
    }

    @ReadOperation
    public ParkedEvents.Parked one(@Selector String eventId) {
        return parked.find(eventId).orElse(null);
    }

    @WriteOperation
    public ParkedEvents.Republication republish(@Selector String eventId) {
        return parked.republish(eventId);
    }
}
