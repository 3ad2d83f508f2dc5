package dev.charter.contracts;

/**
 * The decision a role change came from: the stream it was published on (or {@code bootstrap}, {@code external}),
 * the decision event's type and id, and the id of the deciding nomination, election, proposal
 * or import.
 */
public record DecisionRef(String source, String eventType, String eventId, String reference) {

    public static final String BOOTSTRAP = "bootstrap";
    /** The source of a decision taken outside Charter (a merged pull request, a design decision on an issue). */
    public static final String EXTERNAL = "external";

    public static DecisionRef bootstrap(String importId) {
        return new DecisionRef(BOOTSTRAP, "RosterImported", null, importId);
    }
}
