package dev.charter.contracts;

/**
 * The decision a role change came from: the stream it was published on (or {@code bootstrap}),
 * the decision event's type and id, and the id of the deciding nomination, election, proposal
 * or import.
 */
public record DecisionRef(String source, String eventType, String eventId, String reference) {

    public static final String BOOTSTRAP = "bootstrap";

    public static DecisionRef bootstrap(String importId) {
        return new DecisionRef(BOOTSTRAP, "RosterImported", null, importId);
    }
}
