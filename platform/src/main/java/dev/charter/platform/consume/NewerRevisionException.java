package dev.charter.platform.consume;

/**
 * An event of a newer revision than this version of the service knows (its publisher was upgraded first, in a
 * rolling upgrade). It is not poison: its partition is paused with an alert and retried later, when an upgraded
 * replica (or this one, after its upgrade) can read it; nothing is dead-lettered and the order is kept.
 */
public class NewerRevisionException extends RuntimeException {

    public NewerRevisionException(String message) {
        super(message);
    }
}
