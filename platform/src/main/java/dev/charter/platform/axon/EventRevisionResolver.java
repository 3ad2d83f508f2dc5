package dev.charter.platform.axon;

import dev.charter.contracts.EventRevision;
import org.axonframework.serialization.RevisionResolver;

/**
 * Stores the {@link EventRevision} of a public event as its payload revision in the event store, so
 * upcasters can recognise old revisions. Other payloads have none.
 */
public class EventRevisionResolver implements RevisionResolver {

    @Override
    public String revisionOf(Class<?> payloadType) {
        EventRevision revision = payloadType.getAnnotation(EventRevision.class);
        return revision == null ? null : Integer.toString(revision.value());
    }
}
