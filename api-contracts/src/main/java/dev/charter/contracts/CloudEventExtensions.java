package dev.charter.contracts;

/**
 * The CloudEvents extension attributes every Charter event carries besides
 * {@code id, type, source, subject (aggregate id), time (occurred-at)} (DESIGN §3).
 * Names are lower-case alphanumerics, as CloudEvents 1.0 requires.
 */
public final class CloudEventExtensions {
    /** Person id of the acting person, or {@code system:<service>}. */
    public static final String ACTOR = "actor";
    /** Id shared by every message that follows from one request. */
    public static final String CORRELATION_ID = "correlationid";
    /** Id of the message that directly caused this event. */
    public static final String CAUSATION_ID = "causationid";
    /** The governance rules version the event was produced under. */
    public static final String RULES_VERSION = "rulesversion";
    /** Sequence number of the event within its aggregate. */
    public static final String AGGREGATE_SEQUENCE = "aggregatesequence";
    /** Position of the event in its service's audit hash chain. */
    public static final String CHAIN_SEQUENCE = "chainsequence";
    /** The audit chain hash after this event (hex SHA-256). */
    public static final String CHAIN_HASH = "chainhash";

    private CloudEventExtensions() {
    }
}
