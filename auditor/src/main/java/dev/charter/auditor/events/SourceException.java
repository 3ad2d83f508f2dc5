package dev.charter.auditor.events;

/** The events could not be read at all (unreachable broker, unreadable archive): the tool exits with 2. */
public class SourceException extends RuntimeException {

    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
