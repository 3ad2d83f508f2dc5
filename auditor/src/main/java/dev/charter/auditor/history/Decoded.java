package dev.charter.auditor.history;

import dev.charter.contracts.PublicEvent;

import java.time.Instant;

/** A public event read back into its contract record, with what the auditor needs of its envelope. */
public record Decoded(String stream, long chainSequence, String id, Instant time, String actor, PublicEvent event) {
}
