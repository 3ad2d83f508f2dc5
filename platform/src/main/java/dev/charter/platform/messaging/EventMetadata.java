package dev.charter.platform.messaging;

/**
 * Metadata keys every command and event carries (DESIGN §3). Commands get them from the
 * {@link MessageContext} when dispatched; events copy them from the command that applied them.
 * Event id, aggregate id and sequence and occurred-at are Axon's own message fields.
 */
public final class EventMetadata {
    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String RULES_VERSION = "rulesVersion";

    private EventMetadata() {
    }
}
