package dev.charter.platform.consume;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import java.util.List;

/**
 * {@code /actuator/deadletters} on the management port: the service's dead letters ({@code GET}), and re-driving
 * one after a fix ({@code POST /actuator/deadletters/{topic}/{partition}/{offset}}, an operator's write).
 */
@Endpoint(id = "deadletters")
public class DeadLettersEndpoint {

    private final DeadLetters deadLetters;

    public DeadLettersEndpoint(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @ReadOperation
    public List<DeadLetters.DeadLetter> list() {
        return deadLetters.list(500);
    }

    @WriteOperation
    public DeadLetters.Redrive redrive(@Selector String topic, @Selector int partition, @Selector long offset) {
        return deadLetters.redrive(topic, partition, offset);
    }
}
