package dev.charter.platform.consume;

/**
 * An event that does not come from its stream's one publisher: its CloudEvents source is not the stream's
 * ({@code EventStream.source()}), or its type belongs to another stream than the topic it was read from. It may
 * be forged (anyone who can write a topic could otherwise appoint a maintainer); it goes to the dead-letter
 * topic at once, with an ERROR log line and the metric {@code charter.inbound.refused}.
 */
public class ForgedEventException extends PoisonEventException {

    private final String reason;

    public ForgedEventException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** {@code source}, {@code stream} or {@code topic}: what did not match (the metric's tag). */
    public String reason() {
        return reason;
    }
}
